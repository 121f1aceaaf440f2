import Basics

/// What a product is, for VAT and bookkeeping.
public enum ProductKind: String, Hashable, Sendable, CaseIterable {
  case goods, service
  /// Several products shown as one invoice line and booked as their parts.
  case package
}

/// The accounts a product's sales and purchases are booked on; `nil` leaves the choice to the
/// book's chart of accounts. Read when the accounting basis is created, not when invoicing.
public struct ProductAccounts: Hashable, Sendable {
  public var sales: AccountNumber?
  public var salesEU: AccountNumber?
  public var salesNonEU: AccountNumber?
  public var reverseCharge: AccountNumber?
  public var purchase: AccountNumber?
  public var inputVAT: AccountNumber?

  public init(
    sales: AccountNumber? = nil, salesEU: AccountNumber? = nil, salesNonEU: AccountNumber? = nil,
    reverseCharge: AccountNumber? = nil, purchase: AccountNumber? = nil,
    inputVAT: AccountNumber? = nil
  ) {
    self.sales = sales
    self.salesEU = salesEU
    self.salesNonEU = salesNonEU
    self.reverseCharge = reverseCharge
    self.purchase = purchase
    self.inputVAT = inputVAT
  }

  /// Every account field by its JSON key.
  nonisolated(unsafe) public static let keys:
    [(json: String, path: WritableKeyPath<ProductAccounts, AccountNumber?>)] = [
      ("salesAccount", \.sales), ("salesEUAccount", \.salesEU), ("salesNonEUAccount", \.salesNonEU),
      ("reverseChargeAccount", \.reverseCharge), ("purchaseAccount", \.purchase),
      ("inputVATAccount", \.inputVAT),
    ]
}

/// A part of a package product and its share of the package's price.
public struct PackageComponent: Hashable, Sendable {
  public var product: String
  /// The share of the package's net, 0 < share ≤ 1; the shares add up to 1.
  public var share: ExactDecimal

  public init(product: String, share: ExactDecimal) {
    self.product = product
    self.share = share
  }
}

/// A product or service the creditor sells (or, for self-invoices, buys).
public struct Product: Hashable, Sendable, JSONRepresentable {
  public var number: String
  public var name: String
  public var unit: String
  public var unitPrice: Amount
  public var vatRate: VATRate
  public var kind: ProductKind
  public var accounts: ProductAccounts
  /// The parts of a package; empty otherwise.
  public var components: [PackageComponent]

  public init(
    number: String, name: String, unit: String = "st", unitPrice: Amount,
    vatRate: VATRate = .standard,
    kind: ProductKind = .service, accounts: ProductAccounts = ProductAccounts(),
    components: [PackageComponent] = []
  ) {
    self.number = number
    self.name = name
    self.unit = unit
    self.unitPrice = unitPrice
    self.vatRate = vatRate
    self.kind = kind
    self.accounts = accounts
    self.components = components
  }

  public static let fields: Set<String> = Set(
    ["number", "name", "unit", "unitPrice", "vatRate", "kind", "components"]
      + ProductAccounts.keys.map(\.json))

  public init(json: JSONReader) throws {
    try json.allowOnly(Product.fields)
    number = try json.string("number")
    name = try json.string("name")
    unit = try json.optionalString("unit") ?? "st"
    unitPrice = try json.amount("unitPrice")
    vatRate = try Product.vatRate(json, "vatRate") ?? .standard
    kind =
      try json.optionalMember("kind") == nil
      ? .service : try json.choice("kind", as: ProductKind.self)
    accounts = ProductAccounts()
    for (key, path) in ProductAccounts.keys {
      accounts[keyPath: path] = try json.optionalString(key).map { AccountNumber($0) }
    }
    components = try json.array("components") { element in
      try element.allowOnly(["product", "share"])
      return PackageComponent(
        product: try element.string("product"), share: try element.decimal("share"))
    }
    if kind != .package && !components.isEmpty {
      throw json.error("only a package has components; set \"kind\": \"package\"", at: "components")
    }
    if let problem = validationProblem() { throw json.error(problem.message, at: problem.field) }
  }

  /// Reads a VAT rate given as a number (25) or string ("25").
  static func vatRate(_ json: JSONReader, _ key: String) throws -> VATRate? {
    guard let member = try json.optionalMember(key) else { return nil }
    let percent = try member.asInt()
    guard let rate = VATRate(percent: percent) else {
      throw member.error("\(percent) is not a Swedish VAT rate; use 25, 12, 6 or 0")
    }
    return rate
  }

  /// What is wrong with the product on its own (components are checked against the register
  /// when the product is added).
  public func validationProblem() -> (field: String, message: String)? {
    if number.isEmpty || number.contains(where: { $0.isWhitespace }) {
      return ("number", "a product number is needed, without spaces")
    }
    if name.trimmingBlanks.isEmpty { return ("name", "a name is needed") }
    for (key, path) in ProductAccounts.keys {
      if let account = accounts[keyPath: path], !account.isBASAccount {
        return (key, "\"\(account)\" is not an account number (four digits, e.g. 3001)")
      }
    }
    if kind == .package {
      if components.isEmpty { return ("components", "a package needs components") }
      var total = ExactDecimal.zero
      for (index, component) in components.enumerated() {
        if component.share <= .zero || component.share > .one {
          return ("components[\(index)].share", "a share is more than 0 and at most 1")
        }
        total = total + component.share
      }
      if total != .one { return ("components", "the shares add up to \(total), not 1") }
    }
    return nil
  }

  public var jsonValue: JSONValue {
    var object: JSONObject = [
      "number": .string(number), "name": .string(name), "unit": .string(unit),
      "unitPrice": unitPrice.jsonValue, "vatRate": .integer(vatRate.percent),
      "kind": .string(kind.rawValue),
    ]
    for (key, path) in ProductAccounts.keys {
      object.set(key, accounts[keyPath: path].map { .string($0.text) })
    }
    if !components.isEmpty {
      object["components"] = .array(
        components.map { .object(["product": .string($0.product), "share": $0.share.jsonValue]) })
    }
    return .object(object)
  }
}

extension ExactDecimal {
  /// The exact sum.
  public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
    let scale = Int(max(a.scale, b.scale))
    let sum = a.scaled(to: scale) + b.scaled(to: scale)
    return ExactDecimal(significand: Int64(sum), scale: scale)
  }

  /// The exact product (scales add; at most 18 decimals).
  public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
    let product = Int128(a.significand) * Int128(b.significand)
    var scale = Int(a.scale) + Int(b.scale)
    var value = product
    while scale > 18 {
      value /= 10
      scale -= 1
    }
    return ExactDecimal(significand: Int64(value), scale: scale)
  }
}
