import Basics

/// The share of a package line that belongs to one of its components: booked on that
/// component's accounts, with its VAT rate.
public struct LinePart: Hashable, Sendable {
  public var product: String
  public var kind: ProductKind
  public var net: Amount
  public var vatRate: VATRate

  public init(product: String, kind: ProductKind, net: Amount, vatRate: VATRate) {
    self.product = product
    self.kind = kind
    self.net = net
    self.vatRate = vatRate
  }
}

/// What a line charges for, which decides how it is booked.
public enum LineCategory: String, Hashable, Sendable, CaseIterable {
  /// A sale of goods or services, booked on the product's (or the rate's) sales account.
  case sale
  /// Late-payment interest (dröjsmålsränta): no VAT, booked on the interest account.
  case interest
}

/// A line of an invoice: a product or free text, a quantity at a unit price, an optional
/// discount, a VAT rate, and optionally a cost centre and a project.
public struct InvoiceLine: Hashable, Sendable {
  /// The product number, or `nil` for a free-text line.
  public var product: String?
  public var description: String
  public var quantity: ExactDecimal
  public var unit: String
  public var unitPrice: Amount
  /// A discount in percent, 0–100.
  public var discountPercent: ExactDecimal?
  public var vatRate: VATRate
  public var kind: ProductKind
  public var costCentre: String?
  public var project: String?
  /// For a package: the line's net split over the components (adds up to ``net``).
  public var parts: [LinePart]
  public var category: LineCategory

  public init(
    product: String? = nil, description: String, quantity: ExactDecimal, unit: String = "st",
    unitPrice: Amount, discountPercent: ExactDecimal? = nil, vatRate: VATRate,
    kind: ProductKind = .service, costCentre: String? = nil, project: String? = nil,
    parts: [LinePart] = [], category: LineCategory = .sale
  ) {
    self.product = product
    self.description = description
    self.quantity = quantity
    self.unit = unit
    self.unitPrice = unitPrice
    self.discountPercent = discountPercent
    self.vatRate = vatRate
    self.kind = kind
    self.costCentre = costCentre
    self.project = project
    self.parts = parts
    self.category = category
  }

  /// Quantity × unit price × (100 − discount) / 100, rounded once to whole öre, halves away
  /// from zero.
  public var net: Amount {
    let discount = discountPercent ?? .zero
    let quantityScale = Int(quantity.scale)
    let discountScale = Int(discount.scale)
    // price × quantity × (100 − discount), all as integers at their scales.
    let hundred = Int128(100) * ExactDecimal.power(discountScale)
    let keep = hundred - Int128(discount.significand)
    let product = Int128(unitPrice.ore) * Int128(quantity.significand) * keep
    let divisor = ExactDecimal.power(quantityScale) * hundred
    return Amount(ore: Amount.divideRounded(product, by: divisor))
  }

  /// ``net`` when it is within ``Limits`` (and quantity, price and discount are), `nil`
  /// otherwise — computed without any step that could overflow.
  public var checkedNet: Amount? {
    guard Limits.contains(unitPrice), Limits.contains(quantity: quantity) else { return nil }
    let discount = discountPercent ?? .zero
    guard discount >= .zero, discount <= ExactDecimal(100), discount.scale <= 4 else { return nil }
    let hundred = Int128(100) * ExactDecimal.power(Int(discount.scale))
    let keep = hundred - Int128(discount.significand)
    let product = Int128(unitPrice.ore) * Int128(quantity.significand) * keep
    let divisor = ExactDecimal.power(Int(quantity.scale)) * hundred
    let magnitude = (product.magnitude + UInt128(divisor) / 2) / UInt128(divisor)
    guard magnitude <= UInt128(Limits.amount.ore) else { return nil }
    return Amount(ore: product < 0 ? -Int64(magnitude) : Int64(magnitude))
  }

  /// The line as VAT sees it: its parts for a package, itself otherwise.
  public var vatParts: [(net: Amount, rate: VATRate)] {
    parts.isEmpty ? [(net, vatRate)] : parts.map { ($0.net, $0.vatRate) }
  }

  /// Splits `net` over package components by their shares, largest remainder, so that the
  /// parts add up to the line exactly.
  public static func split(
    _ net: Amount, over components: [(product: Product, share: ExactDecimal)]
  ) -> [LinePart] {
    let scale = Int(components.map(\.share.scale).max() ?? 0)
    let weights = components.map { Int64($0.share.scaled(to: scale)) }
    let amounts = net.allocated(proportionallyTo: weights)
    return zip(components, amounts).map { component, amount in
      LinePart(
        product: component.product.number, kind: component.product.kind, net: amount,
        vatRate: component.product.vatRate)
    }
  }
}
