import Basics
import Invoicing

/// The chart of accounts as it stood when an export was made: the book's account settings,
/// every product's own accounts, the method and the voucher series. An event is posted with
/// the map of the export that first books it, and that map is stored with the export, so
/// changing a product's account later moves only what has not been booked yet.
public struct AccountMap: Hashable, Sendable {
  /// The map's values, held by reference and copied on change: posting takes a copy of a
  /// document's map for every voucher, and a copy is then one reference rather than some
  /// forty account numbers and texts.
  private var box: Box

  public var method: BookkeepingMethod {
    get { box.values.method }
    set { change { $0.method = newValue } }
  }
  public var accounts: AccountSettings {
    get { box.values.accounts }
    set { change { $0.accounts = newValue } }
  }
  public var products: [String: ProductAccounts] {
    get { box.values.products }
    set { change { $0.products = newValue } }
  }
  public var dimensionsOnResultRowsOnly: Bool {
    get { box.values.dimensionsOnResultRowsOnly }
    set { change { $0.dimensionsOnResultRowsOnly = newValue } }
  }
  public var yearEndReversal: Bool {
    get { box.values.yearEndReversal }
    set { change { $0.yearEndReversal = newValue } }
  }
  /// Whether unplaced incoming payments are booked on arrival (on 2420).
  public var bookUnmatchedPayments: Bool {
    get { box.values.bookUnmatchedPayments }
    set { change { $0.bookUnmatchedPayments = newValue } }
  }
  public var invoiceSeries: String {
    get { box.values.invoiceSeries }
    set { change { $0.invoiceSeries = newValue } }
  }
  public var paymentSeries: String {
    get { box.values.paymentSeries }
    set { change { $0.paymentSeries = newValue } }
  }
  public var yearEndSeries: String {
    get { box.values.yearEndSeries }
    set { change { $0.yearEndSeries = newValue } }
  }
  public var purchaseSeries: String {
    get { box.values.purchaseSeries }
    set { change { $0.purchaseSeries = newValue } }
  }
  /// The names the creditor gave accounts (`settings set accountNames.3011 …`), for `#KONTO`.
  public var accountNames: [String: String] {
    get { box.values.accountNames }
    set { change { $0.accountNames = newValue } }
  }
  /// How the export writes what is not money: 1 for exports made by releases up to 0.2.0
  /// (voucher texts, `#KONTO` names, the bundle's documents and PDFs as those releases made
  /// them, so that they re-export byte for byte); 2 since. See ``ExportEdition``.
  public var edition: Int {
    get { box.values.edition }
    set { change { $0.edition = newValue } }
  }

  /// The map of a book's current settings and products.
  public init(state: BookState) {
    let settings = state.settings
    var values = Values(method: settings.method, accounts: settings.accounts)
    for product in state.allProducts where product.accounts != ProductAccounts() {
      values.products[product.number] = product.accounts
    }
    values.dimensionsOnResultRowsOnly = settings.dimensionsOnResultRowsOnly
    values.yearEndReversal = settings.yearEndReversal
    values.bookUnmatchedPayments = settings.bookUnmatchedPayments
    values.invoiceSeries = settings.invoiceSeries
    values.paymentSeries = settings.paymentSeries
    values.yearEndSeries = settings.yearEndSeries
    values.purchaseSeries = settings.purchaseSeries
    values.accountNames = settings.accountNames
    values.edition = ExportEdition.current
    box = Box(values)
  }

  public static func == (a: AccountMap, b: AccountMap) -> Bool {
    a.box === b.box || a.box.values == b.box.values
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.values) }

  /// Changes the values, copying them first when another map shares them.
  private mutating func change(_ body: (inout Values) -> Void) {
    if !isKnownUniquelyReferenced(&box) { box = Box(box.values) }
    body(&box.values)
  }

  // MARK: Resolution

  /// The sales account of a line (or package part) sold as `saleType`.
  func sales(
    product: String?, kind: ProductKind, rate: VATRate, category: LineCategory, saleType: SaleType
  ) -> AccountNumber {
    if category == .interest { return accounts.interest }
    let own = product.flatMap { products[$0] }
    switch saleType {
    case .domestic:
      return own?.sales ?? accounts.sales(rate)
    case .reverseCharge:
      return own?.reverseCharge ?? accounts.salesReverseCharge
    case .eu:
      return own?.salesEU ?? (kind == .goods ? accounts.salesEUGoods : accounts.salesEUServices)
    case .export:
      return own?.salesNonEU
        ?? (kind == .goods ? accounts.salesNonEUGoods : accounts.salesNonEUServices)
    }
  }

  /// The output VAT account of a rate.
  func outputVAT(_ rate: VATRate) -> AccountNumber {
    accounts.outputVAT(rate) ?? accounts.salesExempt
  }

  /// The cost account of a self-invoice line.
  func purchase(product: String?) -> AccountNumber {
    product.flatMap { products[$0]?.purchase } ?? accounts.purchases
  }

  /// The input VAT account of a self-invoice line.
  func inputVAT(product: String?) -> AccountNumber {
    product.flatMap { products[$0]?.inputVAT } ?? accounts.inputVAT
  }

  /// Whether a row on `account` keeps its cost centre and project.
  func keepsDimensions(_ account: AccountNumber) -> Bool {
    !dimensionsOnResultRowsOnly || !Self.isBalanceAccount(account)
  }

  /// Whether `account` is a balance-sheet account (classes 1–2) rather than a result account.
  static func isBalanceAccount(_ account: AccountNumber) -> Bool { account.isBalanceSheetAccount }
}

extension AccountMap {
  var jsonValue: JSONValue {
    var productObject = JSONObject()
    for number in products.keys.sorted() {
      var entry = JSONObject()
      for (key, path) in ProductAccounts.keys {
        entry.set(key, products[number]![keyPath: path].map { .string($0.text) })
      }
      productObject[number] = .object(entry)
    }
    var object: JSONObject = [
      "method": .string(method.rawValue), "accounts": accounts.jsonValue,
      "products": .object(productObject),
      "dimensionsOnResultRowsOnly": .bool(dimensionsOnResultRowsOnly),
      "yearEndReversal": .bool(yearEndReversal),
      "series": .object([
        "invoice": .string(invoiceSeries), "payment": .string(paymentSeries),
        "yearEnd": .string(yearEndSeries), "purchase": .string(purchaseSeries),
      ]),
    ]
    // Written only when off, so that the maps of earlier exports read back the same.
    if !bookUnmatchedPayments { object["bookUnmatchedPayments"] = .bool(false) }
    if edition > 1 { object["edition"] = .integer(edition) }
    if !accountNames.isEmpty {
      var names = JSONObject()
      for account in accountNames.keys.sorted() { names[account] = .string(accountNames[account]!) }
      object["names"] = .object(names)
    }
    return .object(object)
  }

  init(json: JSONReader) throws {
    var values = Values(
      method: try json.choice("method", as: BookkeepingMethod.self),
      accounts: try AccountSettings(json: try json.member("accounts")))
    let productReader = try json.member("products")
    if case .object(let object) = productReader.value {
      for (number, _) in object {
        let entry = try productReader.member(number)
        var accounts = ProductAccounts()
        for (key, path) in ProductAccounts.keys {
          accounts[keyPath: path] = try entry.optionalString(key).map { AccountNumber($0) }
        }
        values.products[number] = accounts
      }
    }
    values.dimensionsOnResultRowsOnly =
      try json.optionalBool("dimensionsOnResultRowsOnly") ?? true
    values.yearEndReversal = try json.optionalBool("yearEndReversal") ?? false
    values.bookUnmatchedPayments = try json.optionalBool("bookUnmatchedPayments") ?? true
    let series = try json.member("series")
    values.invoiceSeries = try series.string("invoice")
    values.paymentSeries = try series.string("payment")
    values.yearEndSeries = try series.string("yearEnd")
    values.purchaseSeries = try series.string("purchase")
    let edition = try json.optionalInt("edition") ?? 1
    guard (1...ExportEdition.current).contains(edition) else {
      throw json.error(
        "export edition \(edition) is newer than this release writes (\(ExportEdition.current))",
        at: "edition")
    }
    values.edition = edition
    if let names = try json.optionalMember("names"), case .object(let object) = names.value {
      for (account, _) in object { values.accountNames[account] = try names.string(account) }
    }
    box = Box(values)
  }

  /// The name of `account` in `#KONTO`: the creditor's, else BAS's; for an account BAS's
  /// table here lacks, its BAS account group's (edition 2) or `Konto N` (edition 1).
  public func name(of account: AccountNumber) -> String {
    if let name = accountNames[account.text] { return name }
    if let name = BASNames.names[account.text] { return name }
    if edition >= 2, let group = BASNames.group(of: account) { return group }
    return "Konto \(account)"
  }
}

/// What each export edition changed. An export keeps the edition it was made in (in its
/// account map), and is rebuilt in it.
///
/// - 1: releases up to 0.2.0.
/// - 2: voucher texts name the customer; `#KONTO` names for every account (the creditor's
///   names, else BAS's account or account group); the cash method's year end one voucher per
///   document; the bundle holds every document behind a voucher (reminders, and credit notes
///   that reduced a payment) and its manifest lists them voucher by voucher; the PDFs of the
///   second layout.
public enum ExportEdition {
  public static let current = 2
}

extension AccountMap {
  /// What a map holds.
  fileprivate struct Values: Hashable, Sendable {
    var method: BookkeepingMethod
    var accounts: AccountSettings
    var products: [String: ProductAccounts] = [:]
    var dimensionsOnResultRowsOnly = true
    var yearEndReversal = false
    var bookUnmatchedPayments = true
    var invoiceSeries = ""
    var paymentSeries = ""
    var yearEndSeries = ""
    var purchaseSeries = ""
    var accountNames: [String: String] = [:]
    var edition = 1
  }

  /// The values of maps that share them; changed only when one map holds it.
  fileprivate final class Box: @unchecked Sendable {
    var values: Values
    init(_ values: Values) { self.values = values }
  }
}
