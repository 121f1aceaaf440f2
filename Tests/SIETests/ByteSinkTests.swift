import Basics
import TestSupport
import Testing

@testable import SIE

/// Numbers are written two digits at a time straight into the buffer: every length, sign and
/// padding against the text Swift makes of the same value.
@Suite struct ByteSinkTests {
  static func written(_ body: (inout ByteSink) -> Void) -> String {
    var sink = ByteSink(capacity: 16)
    body(&sink)
    return String(decoding: sink.finish(), as: UTF8.self)
  }

  static let ore: [Int64] = [
    0, 1, 5, 9, 10, 99, 100, 101, 999, 1_000, 12_345, 99_999, 100_000, 1_234_567_89,
    9_999_999_999_999_999, 10_000_000_000_000_000, .max,
  ]

  /// A quoted text as written one byte at a time: the bytes (with the leading blank and the
  /// quotes), or `nil` where the text needs the general encoder.
  static func quotedOneByteAtATime(_ utf8: [UInt8], hashing: Bool) -> [UInt8]? {
    var output: [UInt8] = [0x20, 0x22]
    var index = 0
    var escaped = false
    let encoded = utf8.withUnsafeBufferPointer { utf8 -> Bool in
      while index < utf8.count {
        let lead = utf8[index]
        if lead < 0x80 {
          guard lead >= 0x20, lead != 0x7F else { return false }
          if lead == 0x22 {
            output.append(0x5C)
            escaped = true
          }
          output.append(lead)
          index += 1
        } else {
          guard let byte = TextEncoder.codePage437Byte(utf8, at: &index) else { return false }
          output.append(byte)
        }
      }
      return true
    }
    guard encoded, output.last != 0x5C || output.count == 2, !(hashing && escaped) else {
      return nil
    }
    return output + [0x22]
  }

  /// Texts of plain runs long and short, quotes, backslashes, controls, Swedish letters and
  /// characters outside code page 437: written eight bytes at a time where they can be, the
  /// same bytes, the same refusals and the same checksum as one byte at a time.
  @Test(arguments: [false, true])
  func quotedTextsAsOneByteAtATime(hashing: Bool) {
    var random = SplitMix64(seed: hashing ? 1 : 2)
    let pieces = [
      "a", "Faktura 1001", " ", "\"", "\\", "å", "Ä", "é", "€", "\t", "~", "\u{7F}", "0123456789",
    ]
    .map { Array($0.utf8) }
    for round in 0..<4_000 {
      var utf8 = [UInt8]()
      for _ in 0..<Int(random.next() % 9) { utf8 += pieces[Int(random.next() % 13)] }
      let expected = Self.quotedOneByteAtATime(utf8, hashing: hashing)
      var sink = ByteSink(capacity: 16)
      sink.hashing = hashing
      let taken = utf8.withUnsafeBufferPointer { sink.quotedText($0) }
      let crc = sink.crc
      let bytes = sink.finish()
      #expect(taken == (expected != nil), "round \(round)")
      #expect(bytes == (expected ?? []), "round \(round)")
      if let expected, hashing {
        var wanted = CRC32()
        expected.dropFirst(2).dropLast().withUnsafeBytes { wanted.update($0) }
        #expect(crc.value == wanted.value, "round \(round)")
      }
    }
  }

  @Test(arguments: ore)
  func amountsHaveTwoDecimals(ore: Int64) {
    for value in [ore, -ore] {
      let magnitude = value.magnitude
      let cents = magnitude % 100
      let expected =
        " " + (value < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
      #expect(Self.written { $0.amount(Amount(ore: value)) } == expected)
    }
  }

  @Test func integersOfEveryLength() {
    for exponent in 0..<19 {
      let value = (0..<exponent).reduce(1) { product, _ in product * 10 }
      for candidate in [value - 1, value, value + 7, -value] {
        #expect(Self.written { $0.integer(candidate) } == " \(candidate)")
      }
    }
    #expect(Self.written { $0.integer(.max) } == " \(Int.max)")
    #expect(Self.written { $0.integer(.min) } == " \(Int.min)")
  }

  @Test(arguments: ["0001-01-01", "0999-12-31", "2025-03-09", "9999-12-31"])
  func daysHaveEightDigits(iso: String) {
    let day = Day(iso: iso)!
    #expect(Self.written { $0.day(day) } == " " + iso.replacingOccurrences(of: "-", with: ""))
  }

  @Test func aRepeatedDayIsWrittenFromItsKeptDigits() {
    let days = ["2025-03-09", "2025-03-09", "2024-12-31", "2025-03-09", "0001-01-01"].map {
      Day(iso: $0)!
    }
    #expect(
      Self.written { sink in for day in days { sink.day(day) } }
        == " 20250309 20250309 20241231 20250309 00010101")
  }

  @Test func digitsArePaddedToTheMinimum() {
    #expect(Self.written { $0.digits(7, minimumCount: 3) } == "007")
    #expect(Self.written { $0.digits(1234, minimumCount: 3) } == "1234")
    #expect(Self.written { $0.digits(.max) } == "\(UInt64.max)")
  }

  @Test func decimalsAreWrittenAsTheirShortestText() {
    let significands: [Int64] = [0, 1, 7, 10, 25, 1_005, 123_456_789, .max, .min, -1, -25]
    for significand in significands {
      for scale in [0, 1, 2, 3, 9, 18] {
        let value = ExactDecimal(significand: significand, scale: scale)
        #expect(Self.written { $0.decimal(value) } == " \(value.description)")
      }
    }
  }

  @Test func aDecimalIsInTheChecksum() {
    var sink = ByteSink(capacity: 16)
    sink.hashing = true
    sink.decimal(ExactDecimal(significand: -1_005, scale: 3))
    var crc = CRC32()
    crc.update(Array("-1.005".utf8))
    #expect(sink.crc.value == crc.value)
    sink.discard()
  }

  @Test func theChecksumCoversWhatIsWritten() {
    var sink = ByteSink(capacity: 16)
    sink.hashing = true
    sink.amount(Amount(ore: -123_456))
    sink.day(Day(iso: "2025-01-02")!)
    var crc = CRC32()
    crc.update(Array("-1234.5620250102".utf8))
    #expect(sink.crc.value == crc.value)
    sink.discard()
  }
}
