import Basics
import Invoicing

/// The chart of accounts as it stood when an export was made: the book's account settings,
/// every product's own accounts, the method and the voucher series. An event is posted with
/// the map of the export that first books it, and that map is stored with the export, so
/// changing a product's account later moves only what has not been booked yet.
public struct AccountMap: Hashable, Sendable {
  /// What a map holds, kept in a box that copies share until one of them is changed: posting
  /// takes the map of each activity it books, and a copy of the fields themselves retains
  /// some thirty texts and tables.
  private struct Fields: Hashable {
    var method: BookkeepingMethod
    var accounts: AccountSettings
    var products: [String: ProductAccounts]
    var dimensionsOnResultRowsOnly: Bool
    var yearEndReversal: Bool
    var bookUnmatchedPayments: Bool
    var invoiceSeries: String
    var paymentSeries: String
    var yearEndSeries: String
    var purchaseSeries: String
    var accountNames: [String: String]
    var edition: Int
  }

  private final class Box: @unchecked Sendable {
    // Changed only while the box is not shared (see `fields`).
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// The fields, for changing: the box is copied first when another map shares it.
  private var fields: Fields {
    _read { yield box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      yield &box.fields
    }
  }

  public static func == (a: AccountMap, b: AccountMap) -> Bool {
    a.box === b.box || a.box.fields == b.box.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  public var method: BookkeepingMethod {
    _read { yield box.fields.method }
    _modify { yield &fields.method }
  }

  public var accounts: AccountSettings {
    _read { yield box.fields.accounts }
    _modify { yield &fields.accounts }
  }

  public var products: [String: ProductAccounts] {
    _read { yield box.fields.products }
    _modify { yield &fields.products }
  }

  public var dimensionsOnResultRowsOnly: Bool {
    _read { yield box.fields.dimensionsOnResultRowsOnly }
    _modify { yield &fields.dimensionsOnResultRowsOnly }
  }

  public var yearEndReversal: Bool {
    _read { yield box.fields.yearEndReversal }
    _modify { yield &fields.yearEndReversal }
  }

  /// Whether unplaced incoming payments are booked on arrival (on 2420).
  public var bookUnmatchedPayments: Bool {
    _read { yield box.fields.bookUnmatchedPayments }
    _modify { yield &fields.bookUnmatchedPayments }
  }

  public var invoiceSeries: String {
    _read { yield box.fields.invoiceSeries }
    _modify { yield &fields.invoiceSeries }
  }

  public var paymentSeries: String {
    _read { yield box.fields.paymentSeries }
    _modify { yield &fields.paymentSeries }
  }

  public var yearEndSeries: String {
    _read { yield box.fields.yearEndSeries }
    _modify { yield &fields.yearEndSeries }
  }

  public var purchaseSeries: String {
    _read { yield box.fields.purchaseSeries }
    _modify { yield &fields.purchaseSeries }
  }

  /// The names the creditor gave accounts (`settings set accountNames.3011 …`), for `#KONTO`.
  public var accountNames: [String: String] {
    _read { yield box.fields.accountNames }
    _modify { yield &fields.accountNames }
  }

  /// How the export writes what is not money: 1 for exports made by releases up to 0.2.0
  /// (voucher texts, `#KONTO` names, the bundle's documents and PDFs as those releases made
  /// them, so that they re-export byte for byte); 2 since. See ``ExportEdition``.
  public var edition: Int {
    _read { yield box.fields.edition }
    _modify { yield &fields.edition }
  }

  /// The map of a book's current settings and products.
  public init(state: BookState) {
    let settings = state.settings
    var products = [String: ProductAccounts]()
    for product in state.allProducts where product.accounts != ProductAccounts() {
      products[product.number] = product.accounts
    }
    box = Box(
      Fields(
        method: settings.method, accounts: settings.accounts, products: products,
        dimensionsOnResultRowsOnly: settings.dimensionsOnResultRowsOnly,
        yearEndReversal: settings.yearEndReversal,
        bookUnmatchedPayments: settings.bookUnmatchedPayments,
        invoiceSeries: settings.invoiceSeries, paymentSeries: settings.paymentSeries,
        yearEndSeries: settings.yearEndSeries, purchaseSeries: settings.purchaseSeries,
        accountNames: settings.accountNames, edition: ExportEdition.current))
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
    let method = try json.choice("method", as: BookkeepingMethod.self)
    let accounts = try AccountSettings(json: try json.member("accounts"))
    var products = [String: ProductAccounts]()
    let productReader = try json.member("products")
    if case .object(let object) = productReader.value {
      for (number, _) in object {
        let entry = try productReader.member(number)
        var accounts = ProductAccounts()
        for (key, path) in ProductAccounts.keys {
          accounts[keyPath: path] = try entry.optionalString(key).map { AccountNumber($0) }
        }
        products[number] = accounts
      }
    }
    let dimensionsOnResultRowsOnly = try json.optionalBool("dimensionsOnResultRowsOnly") ?? true
    let yearEndReversal = try json.optionalBool("yearEndReversal") ?? false
    let bookUnmatchedPayments = try json.optionalBool("bookUnmatchedPayments") ?? true
    let series = try json.member("series")
    let invoiceSeries = try series.string("invoice")
    let paymentSeries = try series.string("payment")
    let yearEndSeries = try series.string("yearEnd")
    let purchaseSeries = try series.string("purchase")
    let edition = try json.optionalInt("edition") ?? 1
    guard (1...ExportEdition.current).contains(edition) else {
      throw json.error(
        "export edition \(edition) is newer than this release writes (\(ExportEdition.current))",
        at: "edition")
    }
    var accountNames = [String: String]()
    if let names = try json.optionalMember("names"), case .object(let object) = names.value {
      for (account, _) in object { accountNames[account] = try names.string(account) }
    }
    box = Box(
      Fields(
        method: method, accounts: accounts, products: products,
        dimensionsOnResultRowsOnly: dimensionsOnResultRowsOnly, yearEndReversal: yearEndReversal,
        bookUnmatchedPayments: bookUnmatchedPayments, invoiceSeries: invoiceSeries,
        paymentSeries: paymentSeries, yearEndSeries: yearEndSeries, purchaseSeries: purchaseSeries,
        accountNames: accountNames, edition: edition))
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
