/// An exact amount of money in öre (hundredths of a krona, or of any other currency's main unit).
///
/// Money is never a floating-point number in this package. `Amount` keeps a signed number of
/// öre in an `Int64`, which covers ±92 233 720 368 547 758.07 kronor. Arithmetic traps on
/// overflow like Swift's integers; code that sums untrusted input uses ``adding(_:)`` and
/// reports the overflow instead.
///
/// ```swift
/// let net = Amount(parsing: "8000.00")!
/// let vat = net.percentage(25)          // 2000.00
/// print(net + vat)                       // "10000.00"
/// ```
public struct Amount: Hashable, Comparable, Sendable {
  /// The amount in öre.
  public var ore: Int64

  /// Creates an amount of `ore` öre.
  @inlinable public init(ore: Int64) { self.ore = ore }

  /// Creates an amount of whole kronor.
  @inlinable public init(kronor: Int64) { self.ore = kronor * 100 }

  /// Zero kronor.
  public static let zero = Amount(ore: 0)

  @inlinable public static func < (a: Amount, b: Amount) -> Bool { a.ore < b.ore }
  @inlinable public static func + (a: Amount, b: Amount) -> Amount { Amount(ore: a.ore + b.ore) }
  @inlinable public static func - (a: Amount, b: Amount) -> Amount { Amount(ore: a.ore - b.ore) }
  @inlinable public static prefix func - (a: Amount) -> Amount { Amount(ore: -a.ore) }
  @inlinable public static func += (a: inout Amount, b: Amount) { a.ore += b.ore }
  @inlinable public static func -= (a: inout Amount, b: Amount) { a.ore -= b.ore }
  @inlinable public static func * (a: Amount, n: Int64) -> Amount { Amount(ore: a.ore * n) }

  /// The sum, or `nil` when it does not fit in an `Int64` number of öre.
  @inlinable public func adding(_ other: Amount) -> Amount? {
    let (sum, overflow) = ore.addingReportingOverflow(other.ore)
    return overflow ? nil : Amount(ore: sum)
  }

  /// Whether the amount is zero.
  @inlinable public var isZero: Bool { ore == 0 }

  /// The amount with its sign dropped.
  @inlinable public var magnitude: Amount { Amount(ore: ore < 0 ? -ore : ore) }

  /// `percent` % of the amount, rounded to whole öre half away from zero.
  public func percentage(_ percent: Int) -> Amount {
    Amount(ore: Amount.divideRounded(Int128(ore) * Int128(percent), by: 100))
  }

  /// The amount rounded to whole kronor, halves away from zero (öresavrundning).
  public func roundedToKronor() -> Amount {
    Amount(ore: Amount.divideRounded(Int128(ore), by: 100) * 100)
  }

  /// The amount's share `self × part / whole`, rounded to whole öre halves away from zero
  /// (`whole` must not be zero).
  ///
  /// ```swift
  /// Amount(ore: 1_100_000).share(Amount(ore: 30_000), of: Amount(ore: 100_000))  // 330 000 öre
  /// ```
  public func share(_ part: Amount, of whole: Amount) -> Amount {
    precondition(!whole.isZero, "a share of zero")
    let sign: Int128 = whole.ore < 0 ? -1 : 1
    return Amount(
      ore: Amount.divideRounded(Int128(ore) * Int128(part.ore) * sign, by: Int128(whole.ore) * sign)
    )
  }

  /// `numerator / denominator` rounded to the nearest integer, halves away from zero.
  public static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int64 {
    precondition(denominator > 0)
    let magnitude = (numerator.magnitude + UInt128(denominator) / 2) / UInt128(denominator)
    return numerator < 0 ? -Int64(magnitude) : Int64(magnitude)
  }
}

extension Amount: CustomStringConvertible {
  /// The amount as a decimal string with two decimals and a leading minus for negative amounts:
  /// `"1234.50"`, `"-0.01"`, `"0.00"`. No thousands separators; this is the form SIE files and
  /// the JSON and CSV outputs use.
  public var description: String {
    let negative = ore < 0
    let whole = ore.magnitude / 100
    let cents = ore.magnitude % 100
    return (negative ? "-" : "") + String(whole) + (cents < 10 ? ".0" : ".") + String(cents)
  }

  /// The amount with a space between thousands and a decimal comma, as Swedish readers expect
  /// on an invoice: `"11 120,00"`.
  public var swedishFormatted: String {
    let negative = ore < 0
    let whole = String(ore.magnitude / 100)
    let cents = ore.magnitude % 100
    var grouped = ""
    for (index, character) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(" ") }
      grouped.append(character)
    }
    return (negative ? "-" : "") + grouped + (cents < 10 ? ",0" : ",") + String(cents)
  }
}
