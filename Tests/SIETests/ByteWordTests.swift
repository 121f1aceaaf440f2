import TestSupport
import Testing

@testable import SIE

/// The eight-bytes-at-a-time tests decide every byte as a byte-by-byte test would, wherever it
/// stands in the word and whatever stands beside it, and the LF search built on them finds the
/// LFs a plain loop finds.
@Suite struct ByteWordTests {
  static func word(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!) }
  }

  /// The places `mask` marks, as a byte-by-byte test would list them.
  static func places(_ mask: UInt64) -> [Int] {
    (0..<8).filter { mask & (0x80 << (8 * UInt64($0))) != 0 }
  }

  @Test func equalBytesAreMarkedExactlyForEveryPairOfNeighbours() {
    // Every pair of values in places 3 and 4 (a match must not mark its neighbour, the trap
    // of the shorter zero-byte test), against three targets.
    for target: UInt8 in [0x00, 0x0A, 0xFF] {
      var wrong = 0
      for first in UInt8.min...UInt8.max {
        for second in UInt8.min...UInt8.max {
          let bytes: [UInt8] = [0x41, 0x42, 0x43, first, second, 0x44, 0x45, 0x46]
          let expected = bytes.indices.filter { bytes[$0] == target }
          if Self.places(ByteWord.bytes(Self.word(bytes), equalTo: target)) != expected {
            wrong += 1
          }
        }
      }
      #expect(wrong == 0, "target \(target)")
    }
  }

  @Test func everyByteInEveryPlace() {
    var wrong = [String]()
    for place in 0..<8 {
      for byte in UInt8.min...UInt8.max {
        var bytes = [UInt8](repeating: 0x61, count: 8)
        bytes[place] = byte
        let word = Self.word(bytes)
        if Self.places(ByteWord.bytes(word, equalTo: 0x0A)) != (byte == 0x0A ? [place] : []) {
          wrong.append("LF \(byte)@\(place)")
        }
        if ByteWord.hasZeroByte(word) != (byte == 0) { wrong.append("zero \(byte)@\(place)") }
        if ByteWord.hasByte(word, below: 0x20) != (byte < 0x20) {
          wrong.append("below \(byte)@\(place)")
        }
        let special = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
        if ByteCursor.hasSpecialByte(word) != special { wrong.append("special \(byte)@\(place)") }
        let plain = (0x20...0x7E).contains(byte) && byte != 0x22
        if ByteWord.isPlainText(word) != plain { wrong.append("plain \(byte)@\(place)") }
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(10))")
  }

  @Test func theFirstMarkedPlace() {
    #expect(ByteWord.firstMarked(0x80) == 0)
    #expect(ByteWord.firstMarked(0x8000_0000_0000_8000) == 1)
    #expect(ByteWord.firstMarked(0x8000_0000_0000_0000) == 7)
  }

  static func newlines(_ bytes: [UInt8]) -> [Int32] {
    bytes.withUnsafeBufferPointer { buffer in
      let room = UnsafeMutablePointer<Int32>.allocate(capacity: max(buffer.count, 1))
      defer { room.deallocate() }
      let count = ReadAhead.findNewlines(in: buffer, into: room)
      return Array(UnsafeBufferPointer(start: room, count: count))
    }
  }

  @Test func theLFSearchFindsWhatALoopFinds() {
    var random = SplitMix64(seed: 0x4C46)
    for round in 0..<2_000 {
      let count = Int(random.next() % 90)
      // From no LF to nothing but LFs, so that words hold none, one and several.
      let density = random.next() % 5
      let bytes = (0..<count).map { _ -> UInt8 in
        random.next() % 4 < density ? 0x0A : UInt8(truncatingIfNeeded: random.next())
      }
      let expected = bytes.indices.filter { bytes[$0] == 0x0A }.map { Int32($0) }
      #expect(Self.newlines(bytes) == expected, "round \(round)")
    }
    #expect(Self.newlines([]) == [])
  }
}
