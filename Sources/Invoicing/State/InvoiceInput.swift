import Basics

/// A line as a caller gives it: a product (with the product's name, price and VAT rate as
/// defaults) or a free text with its own price and VAT rate.
public struct LineInput: Hashable, Sendable {
  public var product: String?
  public var description: String?
  public var quantity: ExactDecimal
  public var unit: String?
  public var unitPrice: Amount?
  public var discountPercent: ExactDecimal?
  public var vatRate: VATRate?
  public var costCentre: String?
  public var project: String?
  /// `.interest` for a late-payment interest line (no VAT).
  public var category: LineCategory

  public init(
    product: String? = nil, description: String? = nil, quantity: ExactDecimal = .one,
    unit: String? = nil, unitPrice: Amount? = nil, discountPercent: ExactDecimal? = nil,
    vatRate: VATRate? = nil, costCentre: String? = nil, project: String? = nil,
    category: LineCategory = .sale
  ) {
    self.product = product
    self.description = description
    self.quantity = quantity
    self.unit = unit
    self.unitPrice = unitPrice
    self.discountPercent = discountPercent
    self.vatRate = vatRate
    self.costCentre = costCentre
    self.project = project
    self.category = category
  }
}

/// An invoice (or standalone credit) as a caller gives it; the book fills in due date,
/// currency, VAT treatment and package splits.
public struct InvoiceInput: Hashable, Sendable {
  public var externalId: String?
  public var customer: String
  public var invoiceDate: Day
  /// Defaults to the invoice date plus the customer's (or creditor's) payment terms.
  public var dueDate: Day?
  public var lines: [LineInput]
  public var currency: String?
  public var exchangeRate: ExactDecimal?
  public var reference: String?
  public var text: String?
  /// The day of the first reminder (after the due date), if set at creation.
  public var reminderDate: Day?
  /// A standalone credit (negative quantities or prices) rather than an invoice.
  public var isCredit: Bool

  public init(
    externalId: String? = nil, customer: String, invoiceDate: Day, dueDate: Day? = nil,
    lines: [LineInput], currency: String? = nil, exchangeRate: ExactDecimal? = nil,
    reference: String? = nil, text: String? = nil, reminderDate: Day? = nil,
    isCredit: Bool = false
  ) {
    self.externalId = externalId
    self.customer = customer
    self.invoiceDate = invoiceDate
    self.dueDate = dueDate
    self.lines = lines
    self.currency = currency
    self.exchangeRate = exchangeRate
    self.reference = reference
    self.text = text
    self.reminderDate = reminderDate
    self.isCredit = isCredit
  }
}

/// The lines of an invoice to credit: all, or some (1-based) with an optional quantity.
public enum CreditSelection: Hashable, Sendable {
  case whole
  case lines([(line: Int, quantity: ExactDecimal?)])

  public static func == (a: CreditSelection, b: CreditSelection) -> Bool {
    switch (a, b) {
    case (.whole, .whole): true
    case (.lines(let x), .lines(let y)):
      x.map(\.line) == y.map(\.line) && x.map(\.quantity) == y.map(\.quantity)
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    if case .lines(let lines) = self { for line in lines { hasher.combine(line.line) } }
  }
}
