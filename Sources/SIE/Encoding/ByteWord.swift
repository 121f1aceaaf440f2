/// Eight bytes read as one little-endian word, and the bit tricks that test all eight at once
/// (the "SWAR" idioms: a byte's high bit in the result marks the bytes that pass a test).
///
/// The hot loops of the reader and the writer use these to step over plain text eight bytes
/// at a time.
enum ByteWord {
  /// 0x01 in every byte: times a byte, that byte in every place.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// 0x80 in every byte: the high bits.
  static let highs: UInt64 = 0x8080_8080_8080_8080
  /// 0x7F in every byte: the low seven bits.
  static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The eight bytes at `pointer`, the first in the lowest bits.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// The high bit of each byte of `word` that is zero, and no other bit. Exact: unlike the
  /// shorter test below, a zero byte never marks the byte after it.
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    ~(((word & lows) &+ lows) | word) & highs
  }

  /// The high bit of each byte of `word` equal to `byte`, and no other bit.
  @inline(__always)
  static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
    zeroBytes(word ^ (ones &* UInt64(byte)))
  }

  /// Whether any byte of `word` is zero (may mark more bytes than are, but is never wrong about
  /// whether there is one).
  @inline(__always)
  static func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

  /// Whether any byte of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highs != 0
  }

  /// Whether every byte of `word` is printable ASCII (0x20–0x7E) other than a quote: text a
  /// quoted field holds as it is.
  @inline(__always)
  static func isPlainText(_ word: UInt64) -> Bool {
    word & highs == 0 && !hasByte(word, below: 0x20) && !hasZeroByte(word ^ (ones &* 0x22))
      && !hasZeroByte(word ^ (ones &* 0x7F))
  }

  /// The index (0–7) of the first byte a mask of high bits marks.
  @inline(__always)
  static func firstMarked(_ mask: UInt64) -> Int { mask.trailingZeroBitCount &>> 3 }
}
