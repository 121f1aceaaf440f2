import Basics
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
