import Basics

/// The character encoding of an SIE file as read.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
  /// Code page 437, what the SIE specification requires (`#FORMAT PC8`).
  case cp437
  /// UTF-8; common in practice, though no SIE version allows it.
  case utf8 = "utf-8"
  /// ISO 8859-1 / 8859-15.
  case latin1 = "latin-1"
  /// Only bytes below 0x80: valid under every encoding above.
  case ascii

  /// Detects the encoding of `bytes` as the SIE notes prescribe.
  ///
  /// 1. a UTF-8 byte order mark → UTF-8; 2. no byte ≥ 0x80 → ASCII; 3. valid UTF-8 → UTF-8;
  /// 4. otherwise the CP437 letter bytes (å ä ö Å Ä Ö é ü Ü) are counted against the Latin-1
  /// ones; more CP437 letters, or a tie, → CP437, else Latin-1.
  ///
  /// - Parameter isComplete: `false` when `bytes` is only the start of the input, so that a
  ///   UTF-8 sequence cut off at its end does not count against UTF-8.
  public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool = true)
    -> TextEncoding
  {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
    let firstHigh = UTF8Validation.firstNonASCII(in: bytes, from: 0)
    guard firstHigh < bytes.count else { return .ascii }
    let rest = UnsafeBufferPointer(rebasing: bytes[firstHigh...])
    if isValidUTF8(rest, allowTruncatedEnd: !isComplete) { return .utf8 }
    var cp437Letters = 0
    var latin1Letters = 0
    var index = firstHigh
    while index < bytes.count {
      switch bytes[index] {
      case 0x81, 0x82, 0x84, 0x86, 0x8E, 0x8F, 0x94, 0x99, 0x9A: cp437Letters += 1
      case 0xC4, 0xC5, 0xD6, 0xE4, 0xE5, 0xE9, 0xF6: latin1Letters += 1
      default: break
      }
      index = UTF8Validation.firstNonASCII(in: bytes, from: index + 1)
    }
    return cp437Letters >= latin1Letters ? .cp437 : .latin1
  }

  /// Whether `bytes` is well-formed UTF-8. A sequence cut off at the very end counts as valid,
  /// so that a chunk of a larger file can be checked.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false)
    -> Bool
  {
    UTF8Validation.firstInvalidOffset(in: bytes, allowTruncatedEnd: allowTruncatedEnd) == nil
  }

  /// Decodes bytes in this encoding to a string. Invalid UTF-8 becomes U+FFFD.
  public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    switch self {
    case .ascii, .utf8:
      return String(decoding: bytes, as: UTF8.self)
    case .cp437:
      return TextEncoding.decodeSingleByte(bytes, table: CP437.utf8Table)
    case .latin1:
      return TextEncoding.decodeSingleByte(bytes, table: TextEncoding.latin1Table)
    }
  }

  static let latin1Table: [UInt32] = (0...255).map { byte in
    if byte < 0x80 { return UInt32(byte) | 1 << 24 }
    let units = Array(String(Character(Unicode.Scalar(UInt8(byte)))).utf8)
    return UInt32(units[0]) | UInt32(units[1]) << 8 | 2 << 24
  }

  /// Decodes a single-byte encoding through a table of packed UTF-8 forms.
  @inline(__always)
  static func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>, table: [UInt32]) -> String {
    var ascii = true
    for byte in bytes where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    return table.withUnsafeBufferPointer { table in
      String(unsafeUninitializedCapacity: bytes.count * 3) { output in
        var written = 0
        for byte in bytes {
          let packed = table[Int(byte)]
          let length = Int(packed >> 24)
          output[written] = UInt8(truncatingIfNeeded: packed)
          if length > 1 { output[written + 1] = UInt8(truncatingIfNeeded: packed >> 8) }
          if length > 2 { output[written + 2] = UInt8(truncatingIfNeeded: packed >> 16) }
          written += length
        }
        return written
      }
    }
  }
}
