/// A Swedish VAT rate: 25, 12, 6 or 0 percent.
public enum VATRate: Int, Hashable, Sendable, CaseIterable, Comparable {
  case standard = 25
  case reduced = 12
  case low = 6
  case zero = 0

  /// Reads 25, 12, 6 or 0; nothing else is a Swedish rate.
  public init?(percent: Int) { self.init(rawValue: percent) }

  public var percent: Int { rawValue }

  /// The VAT on `net`, rounded to whole öre half away from zero.
  public func vat(on net: Amount) -> Amount { net.percentage(rawValue) }

  public static func < (a: VATRate, b: VATRate) -> Bool { a.rawValue < b.rawValue }
}
