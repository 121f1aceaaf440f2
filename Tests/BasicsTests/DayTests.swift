import Basics
import TestSupport
import Testing

@testable import Basics

@Suite struct DayTests {
  @Test(arguments: [
    ("20240229", true), ("20230229", false), ("19000229", false), ("20000229", true),
    ("20250230", false), ("20251231", true), ("20250431", false), ("20250101", true),
    ("2025011", false), ("180501", false), ("rappakalja", false), ("", false), ("20251301", false),
    ("20250100", false), ("00001231", false),
  ])
  func validatesTheCalendar(text: String, valid: Bool) {
    #expect((Day(yyyymmdd: text) != nil) == valid)
  }

  @Test func readsAndWritesISODates() {
    let day = Day(iso: "2025-03-10")
    #expect(day == Day(year: 2025, month: 3, day: 10))
    #expect(day?.iso == "2025-03-10")
    #expect(day?.yyyymmdd == "20250310")
    #expect(Day(iso: "2025-02-30") == nil)
    #expect(Day(iso: "20250310") == nil)
    #expect(Day(iso: "2025-3-10") == nil)
  }

  @Test(arguments: ["0001-01-01", "2024-02-29", "2025-03-10", "9999-12-31"])
  func aDayIsRebuiltFromItsPackedForm(iso: String) {
    let day = Day(iso: iso)!
    let rebuilt = Day(packedUnchecked: day.packed)
    #expect(rebuilt == day)
    #expect(rebuilt.iso == iso)
  }

  @Test func countsDaysAcrossLeapYears() {
    let start = Day(year: 2024, month: 2, day: 28)!
    #expect(start.adding(days: 1) == Day(year: 2024, month: 2, day: 29))
    #expect(start.adding(days: 2) == Day(year: 2024, month: 3, day: 1))
    #expect(
      Day(year: 2025, month: 12, day: 31)!.adding(days: 1) == Day(year: 2026, month: 1, day: 1))
    #expect(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(Day(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    #expect(start.days(until: Day(year: 2025, month: 2, day: 28)!) == 366)
  }

  /// Years 1 to 9999: days -719 162 to 2 932 896 after 1970-01-01.
  @Test func daysSinceEpochRoundTrips() {
    for offset in stride(from: -719_162, through: 2_932_896, by: 997) {
      #expect(Day(daysSinceEpoch: offset).daysSinceEpoch == offset)
    }
  }

  @Test func addsMonthsClampingTheDay() {
    #expect(
      Day(year: 2025, month: 1, day: 31)!.adding(months: 1) == Day(year: 2025, month: 2, day: 28))
    #expect(
      Day(year: 2024, month: 1, day: 31)!.adding(months: 1) == Day(year: 2024, month: 2, day: 29))
    #expect(
      Day(year: 2025, month: 11, day: 15)!.adding(months: 3) == Day(year: 2026, month: 2, day: 15))
    #expect(
      Day(year: 2025, month: 3, day: 15)!.adding(months: -3) == Day(year: 2024, month: 12, day: 15))
    #expect(Day(year: 2024, month: 2, day: 10)!.lastOfMonth == Day(year: 2024, month: 2, day: 29))
  }

  @Test func ordersChronologically() {
    #expect(Day(year: 2024, month: 12, day: 31)! < Day(year: 2025, month: 1, day: 1)!)
  }
}

@Suite struct ExactDecimalTests {
  @Test(arguments: [
    ("7.5", "7.5"), ("1.50", "1.5"), ("-0.25", "-0.25"), ("3", "3"), ("0.0", "0"),
    ("0.001", "0.001"),
  ])
  func normalises(text: String, description: String) {
    #expect(ExactDecimal(parsing: text)?.description == description)
  }

  @Test func comparesByValue() {
    #expect(ExactDecimal(parsing: "1.50") == ExactDecimal(parsing: "1.5"))
    #expect(ExactDecimal(parsing: "0.6")! < ExactDecimal(parsing: "0.61")!)
    #expect(ExactDecimal(parsing: "-1")! < ExactDecimal(parsing: "0.001")!)
  }

  @Test(arguments: ["", "-", "1,5", "1.2.3", "abc", "1e3", "0.1234567890123456789"])
  func refuses(text: String) {
    #expect(ExactDecimal(parsing: text) == nil)
  }
}
