import Basics
import Testing

/// The Swedish bank-day calendar against the published dates.
@Suite struct BankCalendarTests {
  func d(_ text: String) -> Day { Day(iso: text)! }

  /// Easter Sunday, Good Friday, Ascension Day and Midsummer Eve as published for 2024–2030.
  static let movable: [(year: Int, easter: String, ascension: String, midsummerEve: String)] = [
    (2024, "2024-03-31", "2024-05-09", "2024-06-21"),
    (2025, "2025-04-20", "2025-05-29", "2025-06-20"),
    (2026, "2026-04-05", "2026-05-14", "2026-06-19"),
    (2027, "2027-03-28", "2027-05-06", "2027-06-25"),
    (2028, "2028-04-16", "2028-05-25", "2028-06-23"),
    (2029, "2029-04-01", "2029-05-10", "2029-06-22"),
    (2030, "2030-04-21", "2030-05-30", "2030-06-21"),
  ]

  @Test(arguments: movable.map(\.year))
  func theHolidaysOfAYearAreThePublishedOnes(year: Int) {
    let row = Self.movable.first { $0.year == year }!
    let easter = d(row.easter)
    #expect(BankCalendar.easterSunday(of: year) == easter)
    let expected: Set<Day> = [
      d("\(year)-01-01"), d("\(year)-01-06"), easter.adding(days: -2), easter.adding(days: 1),
      d("\(year)-05-01"), d(row.ascension), d("\(year)-06-06"), d(row.midsummerEve),
      d("\(year)-12-24"), d("\(year)-12-25"), d("\(year)-12-26"), d("\(year)-12-31"),
    ]
    #expect(Set(BankCalendar.holidays(in: year).map(\.day)) == expected)
    for day in expected { #expect(!BankCalendar.isBankDay(day), "\(day)") }
  }

  @Test(arguments: [
    (1900, "1900-04-15"), (1954, "1954-04-18"), (1961, "1961-04-02"), (2000, "2000-04-23"),
    (2008, "2008-03-23"), (2011, "2011-04-24"), (2038, "2038-04-25"), (2100, "2100-03-28"),
  ])
  func easterIsComputedForAnyYear(year: Int, easter: String) {
    #expect(BankCalendar.easterSunday(of: year) == d(easter))
  }

  @Test func weekdaysAndCounts() {
    #expect(BankCalendar.weekday(of: d("1970-01-01")) == 4)
    #expect(BankCalendar.weekday(of: d("2025-11-30")) == 7)
    #expect(BankCalendar.weekday(of: d("1900-01-01")) == 1)
    // 2025: 365 days, 104 on weekends, 12 holidays on weekdays.
    var count = 0
    var day = d("2025-01-01")
    while day.year == 2025 {
      if BankCalendar.isBankDay(day) { count += 1 }
      day = day.adding(days: 1)
    }
    #expect(count == 249)
    // Before 2005 Whit Monday closed the banks, not 6 June.
    #expect(BankCalendar.holidayName(of: d("2004-05-31")) == "annandag pingst")
    #expect(BankCalendar.isBankDay(d("2004-06-07")))
  }

  @Test(arguments: [
    // A Friday, a Saturday, Good Friday, the day before Midsummer Eve, New Year's Eve.
    ("2025-04-17", "2025-04-17", "2025-04-22"), ("2025-04-19", "2025-04-22", "2025-04-22"),
    ("2025-04-18", "2025-04-22", "2025-04-22"), ("2025-06-19", "2025-06-19", "2025-06-23"),
    ("2025-12-30", "2025-12-30", "2026-01-02"),
  ])
  func dueDatesAndTheNextBankDay(day: String, onOrAfter: String, after: String) {
    #expect(BankCalendar.bankDay(onOrAfter: d(day)) == d(onOrAfter))
    #expect(BankCalendar.bankDay(after: d(day)) == d(after))
  }
}

@Suite struct CountedTests {
  @Test(arguments: [(0, "0 vouchers"), (1, "1 voucher"), (2, "2 vouchers")])
  func nounsAgreeWithTheirCount(count: Int, text: String) {
    #expect(count.counted("voucher") == text)
    #expect(1.counted("entry", "entries") == "1 entry")
    #expect(3.counted("entry", "entries") == "3 entries")
  }
}
