/// Names of ZIP entries that cannot escape the directory they are extracted into: relative,
/// `/`-separated, no `.` or `..` parts, no backslashes, drive letters or control characters.
public enum ZipEntryName {
  /// Whether `name` is safe as it is.
  public static func isSafe(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= 0xFFFF, !name.hasPrefix("/") else { return false }
    for scalar in name.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" || scalar == ":" {
        return false
      }
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    return parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }

  /// A safe name made from `text`: unsafe characters become `_`, empty, `.` and `..` parts are
  /// dropped.
  ///
  /// ```swift
  /// ZipEntryName.sanitized("../../etc/passwd")  // "etc/passwd"
  /// ZipEntryName.sanitized("C:\\Bilaga 1.pdf")   // "C_/Bilaga 1.pdf"
  /// ```
  public static func sanitized(_ text: String) -> String {
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": cleaned.append("/")
      case ":": cleaned.append("_")
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: cleaned.append("_")
      default: cleaned.append(scalar)
      }
    }
    let parts = String(cleaned).split(separator: "/").filter { $0 != "." && $0 != ".." }
    let name = parts.joined(separator: "/")
    return name.isEmpty ? "_" : name
  }
}
