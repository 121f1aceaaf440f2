/// Checks bytes for well-formed UTF-8 (no overlong forms, no surrogates, nothing past
/// U+10FFFF), and says where the first fault is.
public enum UTF8Validation {
  /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`. With
  /// `allowTruncatedEnd`, a sequence cut off at the very end counts as valid (a chunk of a
  /// larger file).
  @inlinable
  public static func firstInvalidOffset(
    in bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = base[index]
      if lead < 0x80 {
        index = firstNonASCII(in: bytes, from: index + 1)
        continue
      }
      let length: Int
      let minimum: UInt32
      switch lead {
      case 0xC2...0xDF:
        length = 2
        minimum = 0x80
      case 0xE0...0xEF:
        length = 3
        minimum = 0x800
      case 0xF0...0xF4:
        length = 4
        minimum = 0x10000
      default: return index
      }
      if index + length > count { return allowTruncatedEnd ? nil : index }
      var scalar = UInt32(lead) & (0x7F >> UInt32(length))
      for offset in 1..<length {
        let continuation = bytes[index + offset]
        guard continuation & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(continuation & 0x3F)
      }
      guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
        return index
      }
      index += length
    }
    return nil
  }

  /// The index of the first byte ≥ 0x80 at or after `start`, or `bytes.count`: eight bytes at
  /// a time (text is mostly ASCII between its letters).
  @inlinable
  public static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return bytes.count }
    var index = start
    while index + 8 <= bytes.count {
      let highs =
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        & 0x8080_8080_8080_8080
      if highs != 0 { return index + highs.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < bytes.count && base[index] < 0x80 { index += 1 }
    return index
  }

  /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
  public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
  }
}
