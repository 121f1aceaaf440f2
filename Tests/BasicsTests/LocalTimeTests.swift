import Basics
import TestSupport
import Testing

/// The creditor's local day: Swedish time by the EU rule (last Sunday of March and October, at
/// 01:00 UTC), so that the hour after midnight is never yesterday.
@Suite struct LocalTimeTests {
  @Test(
    arguments: [
      // Winter, UTC+1: the first hour of the new year is the new year, not the old one.
      ("2025-12-31T22:59:59Z", "2025-12-31"), ("2025-12-31T23:00:00Z", "2026-01-01"),
      ("2025-12-31T23:30:00Z", "2026-01-01"),
      // Summer, UTC+2: 1 July starts at 22:00 UTC the day before.
      ("2025-06-30T21:59:59Z", "2025-06-30"), ("2025-06-30T22:00:00Z", "2025-07-01"),
      // The switch to summer time, 2025-03-30 01:00 UTC.
      ("2025-03-29T22:59:59Z", "2025-03-29"), ("2025-03-29T23:00:00Z", "2025-03-30"),
      ("2025-03-30T22:00:00Z", "2025-03-31"),
      // The switch back, 2025-10-26 01:00 UTC.
      ("2025-10-25T21:59:59Z", "2025-10-25"), ("2025-10-25T22:00:00Z", "2025-10-26"),
      ("2025-10-26T22:59:59Z", "2025-10-26"), ("2025-10-26T23:00:00Z", "2025-10-27"),
    ])
  func stockholmDays(utc: String, local: String) {
    #expect(TimeZoneRule.stockholm.day(atUTC: utc) == Day(iso: local), "\(utc)")
  }

  @Test(arguments: [
    (2024, "2024-03-31", "2024-10-27"), (2025, "2025-03-30", "2025-10-26"),
    (2026, "2026-03-29", "2026-10-25"), (2027, "2027-03-28", "2027-10-31"),
  ])
  func summerTimeRunsFromTheLastSundayOfMarchToTheLastOfOctober(
    year: Int, start: String, end: String
  ) {
    let startSeconds = TimeZoneRule.seconds(utc: start + "T01:00:00Z")!
    let endSeconds = TimeZoneRule.seconds(utc: end + "T01:00:00Z")!
    #expect(TimeZoneRule.stockholm.offset(atUTC: startSeconds - 1) == 3_600)
    #expect(TimeZoneRule.stockholm.offset(atUTC: startSeconds) == 7_200)
    #expect(TimeZoneRule.stockholm.offset(atUTC: endSeconds - 1) == 7_200)
    #expect(TimeZoneRule.stockholm.offset(atUTC: endSeconds) == 3_600)
  }

  @Test func otherZonesAndIdentifiers() {
    #expect(
      TimeZoneRule(identifier: "UTC")?.day(atUTC: "2025-12-31T23:30:00Z") == Day(iso: "2025-12-31"))
    let newYork = TimeZoneRule(identifier: "-05:00")!
    #expect(newYork.day(atUTC: "2026-01-01T04:59:59Z") == Day(iso: "2025-12-31"))
    #expect(newYork.description == "-05:00")
    #expect(TimeZoneRule(identifier: "Europe/Stockholm") == .stockholm)
    #expect(TimeZoneRule(identifier: "Mars/Olympus") == nil)
    #expect(TimeZoneRule(identifier: "+25:00") == nil)
    #expect(TimeZoneRule.stockholm.day(atUTC: "not a time") == nil)
  }
}
