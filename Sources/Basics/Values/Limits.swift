/// The bounds every value a book accepts stays within, so that no sum, product or total can
/// overflow 64-bit öre: what is past them is refused when it is entered, never written.
///
/// - An amount (a price, a payment, a fee, a total) is at most 10¹³ kronor (10¹⁵ öre) either
///   way: far beyond any business, far below where `Int64` öre end (9.2 × 10¹⁶ kronor).
/// - A quantity is at most 10⁹, with at most 6 decimals.
/// - An exchange rate is from 0.0001 to 1 000 SEK per unit (so that a converted amount fits too).
/// - A day is from 1900-01-01 to 2199-12-31.
/// - An invoice has at most 1 000 lines.
public enum Limits {
  public static let amount = Amount(ore: 1_000_000_000_000_000)
  public static let quantity = ExactDecimal(1_000_000_000)
  public static let quantityDecimals = 6
  public static let smallestRate = ExactDecimal(parsing: "0.0001")!
  public static let largestRate = ExactDecimal(1_000)
  public static let firstDay = Day(year: 1900, month: 1, day: 1)!
  public static let lastDay = Day(year: 2199, month: 12, day: 31)!
  public static let lines = 1_000

  /// Whether an amount is within the bound, either way.
  public static func contains(_ value: Amount) -> Bool {
    value.ore >= -amount.ore && value.ore <= amount.ore
  }

  /// Whether a quantity is within the bound and its decimals.
  public static func contains(quantity value: ExactDecimal) -> Bool {
    Int(value.scale) <= quantityDecimals && value.significand.magnitude <= 1_000_000_000 * 1_000_000
      && (value <= quantity
        && ExactDecimal(significand: -value.significand, scale: Int(value.scale)) <= quantity)
  }

  public static func contains(rate value: ExactDecimal) -> Bool {
    value >= smallestRate && value <= largestRate
  }

  public static func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }
}
