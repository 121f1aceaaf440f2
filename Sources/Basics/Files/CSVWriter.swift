/// Writes CSV (RFC 4180): fields separated by commas, quoted when they hold a comma, a quote
/// or a line break, quotes doubled; lines end in CRLF.
public struct CSVWriter: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// Appends one row.
  public mutating func row(_ fields: [String]) {
    for (index, raw) in fields.enumerated() {
      // Control characters other than line breaks are written as `\u{1B}`: a field never
      // carries an escape sequence or a NUL into the file.
      let field = raw.hasControlCharacters ? Self.escaped(raw) : raw
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let needsQuotes = field.utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
      }
      if needsQuotes {
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
          bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: field.utf8)
      }
    }
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if (scalar.value < 0x20 && scalar != "\n" && scalar != "\r")
        || (0x7F...0x9F).contains(scalar.value)
      {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Takes the bytes written so far, leaving the writer empty.
  public mutating func takeBytes() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }
}
