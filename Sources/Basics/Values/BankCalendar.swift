/// The days Swedish banks are open: every day but Saturdays, Sundays and the public holidays
/// that close them — nyårsdagen, trettondedag jul, långfredagen, annandag påsk, första maj,
/// Kristi himmelsfärdsdag, nationaldagen (from 2005; annandag pingst before), midsommarafton,
/// julafton, juldagen, annandag jul and nyårsafton. Easter is computed (the Gregorian computus),
/// so any year 1900–2199 is known. Midsommarafton is the Friday from 19 to 25 June (the rule
/// since 1953; before it, 23 June).
public enum BankCalendar {
  /// The weekday of `day`: 1 Monday … 7 Sunday (ISO 8601).
  public static func weekday(of day: Day) -> Int {
    // 1970-01-01 was a Thursday (4).
    let offset = (day.daysSinceEpoch + 3) % 7
    return (offset + 7) % 7 + 1
  }

  /// Easter Sunday of `year` (the anonymous Gregorian algorithm).
  public static func easterSunday(of year: Int) -> Day {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return Day(year: year, month: month, day: day)!
  }

  /// The holidays that close banks in `year`, with their Swedish names, in date order (those
  /// that fall on a weekend included).
  public static func holidays(in year: Int) -> [(day: Day, name: String)] {
    let easter = easterSunday(of: year)
    func date(_ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }
    var list: [(Day, String)] = [
      (date(1, 1), "nyårsdagen"), (date(1, 6), "trettondedag jul"),
      (easter.adding(days: -2), "långfredagen"), (easter.adding(days: 1), "annandag påsk"),
      (date(5, 1), "första maj"), (easter.adding(days: 39), "Kristi himmelsfärdsdag"),
      (date(12, 24), "julafton"), (date(12, 25), "juldagen"), (date(12, 26), "annandag jul"),
      (date(12, 31), "nyårsafton"),
    ]
    if year >= 2005 {
      list.append((date(6, 6), "nationaldagen"))
    } else {
      list.append((easter.adding(days: 50), "annandag pingst"))
    }
    if year >= 1953 {
      let nineteenth = date(6, 19)
      let friday = nineteenth.adding(days: (5 - weekday(of: nineteenth) + 7) % 7)
      list.append((friday, "midsommarafton"))
    } else {
      list.append((date(6, 23), "midsommarafton"))
    }
    return list.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
  }

  /// Whether banks are open on `day`.
  public static func isBankDay(_ day: Day) -> Bool {
    guard weekday(of: day) <= 5 else { return false }
    return holidayName(of: day) == nil
  }

  /// The holiday `day` is, if it is one.
  public static func holidayName(of day: Day) -> String? {
    holidays(in: day.year).first { $0.day == day }?.name
  }

  /// `day` when banks are open then, else the next day they are: a due date that falls on a
  /// closed day counts from this one.
  public static func bankDay(onOrAfter day: Day) -> Day {
    var candidate = day
    while !isBankDay(candidate) { candidate = candidate.adding(days: 1) }
    return candidate
  }

  /// The `count`-th bank day after `day` ("one bank day later" is `bankDay(after: day)`).
  public static func bankDay(after day: Day, count: Int = 1) -> Day {
    var candidate = day
    for _ in 0..<max(count, 0) { candidate = bankDay(onOrAfter: candidate.adding(days: 1)) }
    return candidate
  }
}
