import Basics

/// RF creditor references (ISO 11649): `RF`, two check digits, and up to 21 letters and digits;
/// the check is ISO 7064 MOD 97-10.
///
/// ```swift
/// CreditorReference.isValid("RF18 5390 0754 7034")   // true
/// CreditorReference.make("1001")                     // "RF401001"
/// CreditorReference.body(of: "RF401001")             // "1001"
/// ```
public enum CreditorReference {
  /// The reference without spaces, upper-cased, when it is a valid RF reference.
  public static func normalized(_ text: String) -> String? {
    let compact = String(text.filter { $0 != " " }.uppercased())
    let bytes = Array(compact.utf8)
    guard (5...25).contains(bytes.count), compact.hasPrefix("RF"),
      bytes[2...3].allSatisfy({ (0x30...0x39).contains($0) }),
      bytes[4...].allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) })
    else { return nil }
    let rearranged = bytes[4...] + bytes[0..<4]
    return mod97(rearranged) == 1 ? compact : nil
  }

  public static func isValid(_ text: String) -> Bool { normalized(text) != nil }

  /// What the reference carries after `RF` and its check digits.
  public static func body(of text: String) -> String? {
    normalized(text).map { String($0.dropFirst(4)) }
  }

  /// The RF reference of `body` (letters and digits, at most 21).
  public static func make(_ body: String) -> String? {
    let upper = body.uppercased()
    let bytes = Array(upper.utf8)
    guard (1...21).contains(bytes.count),
      bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) })
    else { return nil }
    let check = 98 - mod97(bytes + Array("RF00".utf8))
    return "RF" + (check < 10 ? "0" : "") + String(check) + upper
  }

  static func mod97(_ bytes: some Sequence<UInt8>) -> Int { Mod97.remainder(bytes) }
}
