/// The time zone a creditor's dates are reckoned in: the day a command dates its work by
/// default is the creditor's local day, not UTC's.
///
/// `Europe/Stockholm` follows the EU rule in force since 1996: UTC+1, and UTC+2 from 01:00 UTC
/// on the last Sunday of March to 01:00 UTC on the last Sunday of October. `UTC` and fixed
/// offsets (`+01:00`, `-05:30`) are offered for creditors elsewhere.
///
/// ```swift
/// let zone = TimeZoneRule(identifier: "Europe/Stockholm")!
/// zone.day(atUTC: "2026-01-01T00:30:00Z")   // 2026-01-01 (01:30 local), UTC says 2026-01-01 too
/// zone.day(atUTC: "2025-12-31T23:30:00Z")   // 2026-01-01, where UTC still says 2025-12-31
/// ```
public enum TimeZoneRule: Hashable, Sendable, CustomStringConvertible {
  case stockholm
  case utc
  /// A fixed offset from UTC, in minutes.
  case fixed(minutes: Int)

  /// The default: Swedish time.
  public static let `default` = TimeZoneRule.stockholm

  /// Reads `Europe/Stockholm`, `UTC` or `±HH:MM`; `nil` otherwise.
  public init?(identifier: String) {
    switch identifier {
    case "Europe/Stockholm": self = .stockholm
    case "UTC", "Etc/UTC", "Z": self = .utc
    default:
      let bytes = Array(identifier.utf8)
      guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
        bytes[3] == UInt8(ascii: ":"),
        let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)),
        let minutes = Int(String(decoding: bytes[4...5], as: UTF8.self)), hours <= 14,
        minutes < 60
      else { return nil }
      let total = hours * 60 + minutes
      self = .fixed(minutes: bytes[0] == UInt8(ascii: "-") ? -total : total)
    }
  }

  public var description: String {
    switch self {
    case .stockholm: return "Europe/Stockholm"
    case .utc: return "UTC"
    case .fixed(let minutes):
      let magnitude = abs(minutes)
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      return (minutes < 0 ? "-" : "+") + two(magnitude / 60) + ":" + two(magnitude % 60)
    }
  }

  /// The offset from UTC, in seconds, at a moment given as seconds since 1970 UTC.
  public func offset(atUTC seconds: Int64) -> Int64 {
    switch self {
    case .utc: return 0
    case .fixed(let minutes): return Int64(minutes) * 60
    case .stockholm:
      let day = Day(daysSinceEpoch: Int(floorDivide(seconds, 86_400)))
      let start = Self.lastSunday(month: 3, year: day.year)
      let end = Self.lastSunday(month: 10, year: day.year)
      let summerStart = Int64(start.daysSinceEpoch) * 86_400 + 3_600
      let summerEnd = Int64(end.daysSinceEpoch) * 86_400 + 3_600
      return summerStart <= seconds && seconds < summerEnd ? 7_200 : 3_600
    }
  }

  /// The local day at a moment given as seconds since 1970 UTC.
  public func day(atUTC seconds: Int64) -> Day {
    Day(daysSinceEpoch: Int(floorDivide(seconds + offset(atUTC: seconds), 86_400)))
  }

  /// The local day at a UTC time written `YYYY-MM-DDTHH:MM:SSZ`; `nil` for other text.
  public func day(atUTC time: String) -> Day? {
    guard let seconds = Self.seconds(utc: time) else { return nil }
    return day(atUTC: seconds)
  }

  /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ`.
  public static func seconds(utc time: String) -> Int64? {
    let bytes = Array(time.utf8)
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
      let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
      let hours = Int(String(decoding: bytes[11..<13], as: UTF8.self)),
      let minutes = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
      let seconds = Int(String(decoding: bytes[17..<19], as: UTF8.self)),
      hours < 24, minutes < 60, seconds < 61
    else { return nil }
    return Int64(day.daysSinceEpoch) * 86_400 + Int64(hours * 3600 + minutes * 60 + seconds)
  }

  /// The last Sunday of a month (1970-01-01 was a Thursday).
  static func lastSunday(month: Int, year: Int) -> Day {
    let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
    let weekday = floorModulo(last.daysSinceEpoch + 4, 7)  // 0 Sunday … 6 Saturday
    return last.adding(days: -weekday)
  }

  private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  private static func floorModulo(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }
}
