#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A calendar day in the proleptic Gregorian calendar, without time or zone.
///
/// Bookkeeping works in days: invoice dates, due dates, voucher dates, fiscal years. `Day` is
/// always valid (30 February cannot be built), compares chronologically and is stored as the
/// integer `yyyymmdd` in 32 bits.
///
/// ```swift
/// let day = Day(yyyymmdd: "20240229")!     // a leap day
/// day.adding(days: 1)                       // 2024-03-01
/// Day(iso: "2025-02-30")                    // nil
/// ```
public struct Day: Hashable, Comparable, Sendable {
  /// The day as the integer `yyyymmdd`, e.g. `20250310`.
  public let packed: Int32

  /// Creates a day, or returns `nil` when the date does not exist (year 1–9999).
  @inlinable
  public init?(year: Int, month: Int, day: Int) {
    guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
      day <= Day.daysIn(month: month, year: year)
    else { return nil }
    packed = Int32(year * 10_000 + month * 100 + day)
  }

  /// The day whose ``packed`` form is `packed`, which must come from a day (no check).
  @inlinable public init(packedUnchecked packed: Int32) { self.packed = packed }

  @inlinable init(unchecked year: Int, _ month: Int, _ day: Int) {
    packed = Int32(year * 10_000 + month * 100 + day)
  }

  /// The year, 1–9999.
  @inlinable public var year: Int { Int(packed) / 10_000 }
  /// The month, 1–12.
  @inlinable public var month: Int { Int(packed) / 100 % 100 }
  /// The day of the month, 1–31.
  @inlinable public var day: Int { Int(packed) % 100 }

  @inlinable public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }

  /// Whether `year` has 29 February.
  @inlinable public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  @inlinable public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before it).
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day `daysSinceEpoch` days after 1970-01-01, clamped to years 1–9999.
  public init(daysSinceEpoch: Int) {
    let z = min(max(daysSinceEpoch, -719_162), 2_932_896) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The day `days` days later (earlier when negative).
  public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

  /// The same day of the month `months` months later, clamped to the month's last day
  /// (31 January + 1 month = 28 or 29 February).
  public func adding(months: Int) -> Day {
    let index = year * 12 + (month - 1) + months
    let newYear = min(max(index / 12, 1), 9999)
    let newMonth = index % 12 + 1
    return Day(unchecked: newYear, newMonth, min(day, Day.daysIn(month: newMonth, year: newYear)))
  }

  /// The number of days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The last day of this day's month.
  public var lastOfMonth: Day {
    Day(unchecked: year, month, Day.daysIn(month: month, year: year))
  }

  /// The first day of this day's month.
  public var firstOfMonth: Day { Day(unchecked: year, month, 1) }

  /// Today in UTC, from the system clock.
  public static func today() -> Day {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Day(daysSinceEpoch: Int(now.tv_sec) / 86_400)
  }
}

extension Day {
  /// Reads `YYYYMMDD` (the SIE form) from text.
  public init?(yyyymmdd text: some StringProtocol) {
    var text = String(text)
    guard let day = text.withUTF8({ Day.parseCompact($0) }) else { return nil }
    self = day
  }

  /// Reads `YYYY-MM-DD` (ISO 8601, the JSON form) from text.
  public init?(iso text: some StringProtocol) {
    var text = String(text)
    guard let day = text.withUTF8({ Day.parseISO($0) }) else { return nil }
    self = day
  }

  /// Reads exactly `YYYY-MM-DD` in ASCII naming an existing day.
  @inlinable
  public static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    var value = 0
    for offset in 0..<10 where offset != 4 && offset != 7 {
      let digit = bytes[offset] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return Day(year: value / 10_000, month: value / 100 % 100, day: value % 100)
  }

  /// Reads exactly eight ASCII digits `YYYYMMDD` naming an existing day.
  @inlinable
  public static func parseCompact(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 8 else { return nil }
    var value = 0
    for byte in bytes {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return Day(year: value / 10_000, month: value / 100 % 100, day: value % 100)
  }

  /// The day as `YYYYMMDD`.
  public var yyyymmdd: String {
    let text = String(packed)
    return String(repeating: "0", count: max(0, 8 - text.count)) + text
  }

  /// The day as `YYYY-MM-DD`.
  public var iso: String {
    let compact = yyyymmdd
    let chars = Array(compact)
    return String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8])
  }
}

extension Day: CustomStringConvertible {
  /// The ISO form, `YYYY-MM-DD`.
  public var description: String { iso }
}
