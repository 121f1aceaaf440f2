import Basics
import TestSupport
import Testing

/// CRC-32 sixteen bytes at a time is the checksum worked out bit by bit from its definition,
/// over every length of a tail and whole or in pieces.
@Suite struct CRC32Tests {
  /// The reflected polynomial applied bit by bit.
  static func bitwise(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }

  @Test func theCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test func everyLengthWholeAndInPieces() {
    var random = SplitMix64(seed: 0xC4C)
    let bytes = (0..<600).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    for length in 0...bytes.count where length < 80 || length % 7 == 0 {
      let prefix = Array(bytes.prefix(length))
      let expected = Self.bitwise(prefix)
      #expect(CRC32.checksum(prefix) == expected, "length \(length)")
      // In two pieces split anywhere (the state carries across unaligned ends).
      let split = Int(random.next() % UInt64(length + 1))
      var crc = CRC32()
      prefix[..<split].withUnsafeBytes { crc.update($0) }
      prefix[split...].withUnsafeBytes { crc.update($0) }
      #expect(crc.value == expected, "length \(length) split at \(split)")
    }
  }
}
