import Basics
import Invoicing

extension PackageComponent: ExpressibleByArgument {
  /// `TJ:0.6`.
  init?(argument: String) {
    let parts = argument.split(separator: ":").map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, let share = ExactDecimal(parsing: parts[1]) else {
      return nil
    }
    self.init(product: parts[0], share: share)
  }
  static var valueName: String { "product:share" }
  static var expectation: String { "PRODUCT:SHARE, e.g. TJ:0.6" }
}

/// The product register on the command line.
enum Products: EditableRegister {
  static let noun = "product"
  static let keyHelp = "The product number."

  /// The options that set a product's fields.
  struct Fields: ParsableArguments {
    @Option(value: "name", help: "The product's name.") var name: String?
    @Option(help: "Unit price, net of VAT.") var price: Amount?
    @Option(value: "unit", help: "Unit, e.g. st, h.") var unit: String?
    @Option(help: "VAT rate: 25, 12, 6 or 0.") var vat: VATRate?
    @Option(help: "What it is.") var kind: ProductKind?
    @Option(help: "A part of a package and its share, e.g. TJ:0.6.")
    var component: [PackageComponent] = []
    @Option(value: "account", help: "Sales account (domestic).") var salesAccount: AccountNumber?
    @Option(value: "account", help: "Sales account for EU customers.") var salesEuAccount:
      AccountNumber?
    @Option(value: "account", help: "Sales account outside the EU.") var salesNonEuAccount:
      AccountNumber?
    @Option(value: "account", help: "Sales account under domestic reverse charge.")
    var reverseChargeAccount: AccountNumber?
    @Option(value: "account", help: "Purchase account for self-invoices.")
    var purchaseAccount: AccountNumber?
    @Option(value: "account", help: "Input VAT account for self-invoices.")
    var inputVatAccount: AccountNumber?
  }

  static func blank(_ key: String) -> Product { Product(number: key, name: "", unitPrice: .zero) }

  static func missingOnAdd(_ fields: Fields) -> [String] {
    [("name", fields.name == nil), ("price", fields.price == nil)].filter(\.1).map(\.0)
  }

  static func apply(_ fields: Fields, to product: inout Product) {
    if let value = fields.name { product.name = value }
    if let value = fields.price { product.unitPrice = value }
    if let value = fields.unit { product.unit = value }
    if let value = fields.vat { product.vatRate = value }
    if let value = fields.kind { product.kind = value }
    if !fields.component.isEmpty { product.components = fields.component }
    let accounts: [(AccountNumber?, WritableKeyPath<ProductAccounts, AccountNumber?>)] = [
      (fields.salesAccount, \.sales), (fields.salesEuAccount, \.salesEU),
      (fields.salesNonEuAccount, \.salesNonEU), (fields.reverseChargeAccount, \.reverseCharge),
      (fields.purchaseAccount, \.purchase), (fields.inputVatAccount, \.inputVAT),
    ]
    for (value, path) in accounts {
      if let value { product.accounts[keyPath: path] = value }
    }
  }

  static var storage: RegisterStorage<Product> {
    RegisterStorage(
      register: \.products, missing: .noSuchProduct,
      subject: ErrorSubject.product, add: { try $0.addProduct($1) },
      update: { try $0.updateProduct($1) })
  }

  static let columns = ["number", "name", "kind", "price", "VAT"]
  static let rightAligned: Set<String> = ["price", "VAT"]

  static func row(_ product: Product, in state: BookState) -> [String] {
    [
      product.number, product.name, product.kind.rawValue, product.unitPrice.swedishFormatted,
      vatText(product, in: state),
    ]
  }

  /// `25 %`; for a package its components' rates (`25 % + 12 %`), since a package's VAT is
  /// that of its parts.
  static func vatText(_ product: Product, in state: BookState) -> String {
    guard product.kind == .package else { return "\(product.vatRate.percent) %" }
    var rates = [Int]()
    for component in product.components {
      let rate = state.products[component.product]?.vatRate.percent ?? product.vatRate.percent
      if !rates.contains(rate) { rates.append(rate) }
    }
    return rates.map { "\($0) %" }.joined(separator: " + ")
  }

  static func json(_ product: Product, in state: BookState) -> JSONValue {
    guard product.kind == .package, case .object(var object) = product.jsonValue else {
      return product.jsonValue
    }
    object["vatRate"] = .string("mixed")
    object["componentVATRates"] = .array(
      product.components.map { component in
        .object([
          "product": .string(component.product),
          "vatRate": .integer(state.products[component.product]?.vatRate.percent ?? 0),
        ])
      })
    return .object(object)
  }

  static func detailLines(_ product: Product, in state: BookState) -> [String] {
    var lines = [
      "\(product.number)  \(product.name)  \(product.unitPrice.swedishFormatted) per \(product.unit)  \(vatText(product, in: state)) VAT  \(product.kind.rawValue)"
    ]
    for component in product.components {
      lines.append("  part: \(component.product) × \(component.share)")
    }
    for (key, path) in ProductAccounts.keys {
      if let account = product.accounts[keyPath: path] { lines.append("  \(key): \(account)") }
    }
    return lines
  }
}
