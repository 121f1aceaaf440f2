import Basics
import TestSupport
import Testing

/// The UTF-8 check finds the first fault where the standard library's decoder finds it, in
/// text of ASCII runs long and short, letters of every length and bytes that are not UTF-8;
/// a sequence cut off at the very end is a fault unless allowed.
@Suite struct UTF8ValidationTests {
  /// Where the standard library's parser first reports an error, or `nil`.
  static func expectedOffset(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  @Test(
    arguments: [
      ("", nil), ("abc", nil), ("Åkessons Åkeri AB, 1 234,50 €", nil), ("\u{10FFFF}", nil),
    ] as [(String, Int?)])
  func wellFormedText(text: String, offset: Int?) {
    #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == offset)
  }

  @Test(
    arguments: [
      ([0x80], 0), ([0x41, 0xC0, 0x80], 1), ([0xC1, 0xBF], 0),  // continuation alone; overlong
      ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0),  // overlong; surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),  // past U+10FFFF
      (Array("12345678901234567".utf8) + [0xFF], 17), (Array("1234567".utf8) + [0xC3], 7),
    ] as [([UInt8], Int)])
  func faults(bytes: [UInt8], offset: Int) {
    #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
  }

  @Test func aSequenceCutOffAtTheEnd() {
    let cut: [UInt8] = Array("abcdefghij".utf8) + [0xE2, 0x82]  // € without its last byte
    #expect(UTF8Validation.firstInvalidOffset(in: cut) == 10)
    cut.withUnsafeBufferPointer {
      #expect(UTF8Validation.firstInvalidOffset(in: $0, allowTruncatedEnd: true) == nil)
    }
  }

  @Test func randomTextAgainstTheStandardLibrary() {
    var random = SplitMix64(seed: 0x55_54_46_38)
    let pieces: [[UInt8]] = ["a", "Å", "€", "😀", "0123456789abcdef", "\u{7F}"].map {
      Array($0.utf8)
    }
    var faults = 0
    for round in 0..<3_000 {
      var bytes = [UInt8]()
      for _ in 0..<Int(random.next() % 40) {
        if random.next() % 25 == 0 {
          bytes.append(UInt8(truncatingIfNeeded: random.next()))  // often not UTF-8
        } else {
          bytes += pieces[Int(random.next() % UInt64(pieces.count))]
        }
      }
      let expected = Self.expectedOffset(bytes)
      if expected != nil { faults += 1 }
      #expect(UTF8Validation.firstInvalidOffset(in: bytes) == expected, "round \(round)")
    }
    #expect(faults > 500)  // the faults were tried, not only good text
  }
}
