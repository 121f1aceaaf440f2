/// An exact decimal number: quantities, exchange rates, discounts and package shares.
///
/// The value is `significand × 10^-scale` with `scale` in 0…18. Trailing zeros are removed
/// when a value is built, so `1.50` and `1.5` are the same value and print as `1.5`.
///
/// ```swift
/// let hours = ExactDecimal(parsing: "7.5")!
/// Amount(ore: 100_000).multiplied(by: hours)   // 7500.00
/// ```
public struct ExactDecimal: Hashable, Sendable {
  /// The digits, with the sign.
  public let significand: Int64
  /// How many of the digits are decimals.
  public let scale: UInt8

  /// Creates `significand × 10^-scale`, normalised.
  public init(significand: Int64, scale: Int) {
    precondition(scale >= 0 && scale <= 18, "scale out of range")
    var significand = significand
    var scale = scale
    while scale > 0 && significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    self.significand = significand
    self.scale = UInt8(scale)
  }

  /// An integer value.
  public init(_ integer: Int) { self.init(significand: Int64(integer), scale: 0) }

  public static let zero = ExactDecimal(0)
  public static let one = ExactDecimal(1)

  /// Reads `-12.345` (optional minus, digits, optional point and digits; up to 18 decimals).
  public init?(parsing text: some StringProtocol) {
    var text = String(text)
    guard let value = text.withUTF8({ ExactDecimal.parse($0) }) else { return nil }
    self = value
  }

  /// Reads a decimal from ASCII bytes, or returns `nil`.
  @inlinable
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    var index = 0
    var negative = false
    if index < bytes.count && bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var value: Int64 = 0
    var digits = 0
    var scale = 0
    var seenPoint = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else {
        let digit = byte &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(Int64(digit))
        guard !o1, !o2 else { return nil }
        value = sum
        digits += 1
        if seenPoint { scale += 1 }
      }
      index += 1
    }
    guard digits > 0, scale <= 18 else { return nil }
    return ExactDecimal(significand: negative ? -value : value, scale: scale)
  }

  /// Whether the value is negative.
  public var isNegative: Bool { significand < 0 }
  /// Whether the value is zero.
  public var isZero: Bool { significand == 0 }
  /// Whether the value has no decimals.
  public var isInteger: Bool { scale == 0 }

  /// The value with its sign flipped.
  public static prefix func - (value: ExactDecimal) -> ExactDecimal {
    ExactDecimal(significand: -value.significand, scale: Int(value.scale))
  }

  /// `10^scale` as a 128-bit integer.
  public static func power(_ scale: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<scale { result *= 10 }
    return result
  }

  /// The value scaled to `scale` decimals as a 128-bit integer (exact when `scale >= self.scale`).
  public func scaled(to scale: Int) -> Int128 {
    Int128(significand) * ExactDecimal.power(scale - Int(self.scale))
  }
}

extension ExactDecimal: Comparable {
  public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
    let scale = Int(max(a.scale, b.scale))
    return a.scaled(to: scale) < b.scaled(to: scale)
  }
}

extension ExactDecimal: CustomStringConvertible {
  /// The shortest exact form: `"7.5"`, `"-0.25"`, `"3"`.
  public var description: String {
    let digits = String(significand.magnitude)
    let sign = significand < 0 ? "-" : ""
    guard scale > 0 else { return sign + digits }
    let padded = String(repeating: "0", count: max(0, Int(scale) + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -Int(scale))
    return sign + padded[..<split] + "." + padded[split...]
  }
}

extension Amount {
  /// The amount times an exact decimal, rounded to whole öre half away from zero, or `nil`
  /// when the result does not fit.
  public func multiplied(by factor: ExactDecimal) -> Amount? {
    let product = Int128(ore) * Int128(factor.significand)
    let divisor = ExactDecimal.power(Int(factor.scale))
    let magnitude = (product.magnitude + UInt128(divisor) / 2) / UInt128(divisor)
    guard magnitude <= UInt128(Int64.max) else { return nil }
    return Amount(ore: product < 0 ? -Int64(magnitude) : Int64(magnitude))
  }

  /// The amount converted at `rate` (SEK per unit), rounded to whole öre. Exact for every
  /// amount and rate within ``Limits`` (the book accepts no others); beyond them — only in a
  /// book written before the limits — the result is held at the largest amount `Int64` öre
  /// can carry rather than wrap or trap.
  public func converted(at rate: ExactDecimal) -> Amount {
    multiplied(by: rate)
      ?? Amount(ore: (ore < 0) != (rate.significand < 0) ? -Int64.max : Int64.max)
  }
}
