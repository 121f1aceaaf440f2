import Basics
import Invoicing

/// The customer register on the command line.
enum Customers: EditableRegister {
  static let noun = "customer"
  static let keyHelp = "The customer number."

  /// The options that set a customer's fields.
  struct Fields: ParsableArguments {
    @Option(value: "name", help: "The customer's name.") var name: String?
    @Option(value: "number", help: "Organisation or personal number.") var orgNumber: String?
    @Option(value: "number", help: "VAT registration number.") var vatNumber: String?
    @Option(help: "Street address.") var street: String?
    @Option(help: "Postal code.") var postalCode: String?
    @Option(help: "City.") var city: String?
    @Option(value: "XX", help: "Country code.") var country: String?
    @Option(value: "address", help: "E-mail.") var email: String?
    @Option(help: "Where the customer is.") var market: Market?
    @Flag(help: "Domestic reverse charge (construction).") var reverseCharge: Bool
    @Option(value: "days", help: "Payment terms overriding the creditor's.") var terms: Int?
    @Option(help: "Reminder fee overriding the creditor's.") var reminderFee: Amount?
    @Option(value: "XXX", help: "Invoice currency overriding the creditor's.")
    var currency: String?
    @Option(value: "number", help: "Bankgiro for self-invoice payouts.") var bankgiro: String?
    @Option(value: "days", help: "First reminder: days past due.") var firstReminderAfter: Int?
    @Option(value: "days", help: "Second reminder: days after the first.") var secondReminderAfter:
      Int?
    @Option(value: "days", help: "Collection: days after the last reminder.") var collectionAfter:
      Int?
    @Option(help: "Collection by plan.") var collection: ReminderPlan.Collection?
    @Option(help: "The language of the customer's documents.") var language: DocumentLanguage?

    /// The reminder-plan fields given, as an override.
    var planOverride: ReminderPlan {
      ReminderPlan(
        firstAfterDays: firstReminderAfter, secondAfterDays: secondReminderAfter,
        collectionAfterDays: collectionAfter, collection: collection)
    }
  }

  static func blank(_ key: String) -> Customer { Customer(number: key, name: "") }

  static func missingOnAdd(_ fields: Fields) -> [String] { fields.name == nil ? ["name"] : [] }

  static func apply(_ fields: Fields, to customer: inout Customer) {
    if let value = fields.name { customer.name = value }
    if let value = fields.orgNumber { customer.organizationNumber = value }
    if let value = fields.vatNumber { customer.vatNumber = value }
    if let value = fields.street { customer.address.street = value }
    if let value = fields.postalCode { customer.address.postalCode = value }
    if let value = fields.city { customer.address.city = value }
    if let value = fields.country { customer.address.country = value }
    if let value = fields.email { customer.email = value }
    if let value = fields.market { customer.market = value }
    if fields.reverseCharge { customer.reverseCharge = true }
    if let value = fields.terms { customer.paymentTermsDays = value }
    if let value = fields.reminderFee { customer.reminderFee = value }
    if let value = fields.currency { customer.currency = value }
    if let value = fields.bankgiro { customer.bankgiro = value }
    if let value = fields.language { customer.language = value }
    if !fields.planOverride.isEmpty {
      customer.reminderPlan = (customer.reminderPlan ?? ReminderPlan()).overridden(
        by: fields.planOverride)
    }
  }

  static var storage: RegisterStorage<Customer> {
    RegisterStorage(
      register: \.customers, missing: .noSuchCustomer,
      subject: ErrorSubject.customer, add: { try $0.addCustomer($1) },
      update: { try $0.updateCustomer($1) })
  }

  static let columns = ["number", "name", "org number", "balance"]
  static let rightAligned: Set<String> = ["balance"]

  static func row(_ customer: Customer, in state: BookState) -> [String] {
    [
      customer.number, customer.name, customer.organizationNumber ?? "",
      (state.balances[customer.number] ?? .zero).swedishFormatted,
    ]
  }

  static func json(_ customer: Customer, in state: BookState) -> JSONValue { customer.jsonValue }

  static func detailJSON(_ customer: Customer, in state: BookState) -> JSONValue {
    guard case .object(var object) = customer.jsonValue else { return customer.jsonValue }
    object["balance"] = (state.balances[customer.number] ?? .zero).jsonValue
    object["invoices"] = .array(invoices(of: customer, in: state).map(\.summaryJSON))
    return .object(object)
  }

  static func detailLines(_ customer: Customer, in state: BookState) -> [String] {
    var lines = ["\(customer.number)  \(customer.name)"]
    if let number = customer.organizationNumber { lines.append("  org number: \(number)") }
    if let number = customer.vatNumber { lines.append("  VAT number: \(number)") }
    if !customer.address.isEmpty {
      lines.append("  address: " + customer.address.lines.joined(separator: ", "))
    }
    if let email = customer.email { lines.append("  e-mail: \(email)") }
    if customer.market != .domestic || customer.reverseCharge {
      lines.append(
        "  market: \(customer.market.rawValue)\(customer.reverseCharge ? ", reverse charge" : "")")
    }
    if let plan = customer.reminderPlan, !plan.isEmpty {
      lines.append("  reminder plan: " + plan.jsonValue.serialized())
    }
    let balance = state.balances[customer.number] ?? .zero
    lines.append("  balance (overpaid, to use or pay back): \(balance.swedishFormatted)")
    let invoices = invoices(of: customer, in: state)
    if !invoices.isEmpty {
      lines.append("")
      lines += InvoiceTable.lines(invoices).map { "  " + $0 }
    }
    return lines
  }

  static func invoices(of customer: Customer, in state: BookState) -> [InvoiceRecord] {
    state.allInvoices.filter { $0.invoice.customer == customer.number }
  }
}

/// `sietool customer refund N --amount A [--date D]`
struct CustomerRefund: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "refund", abstract: "Pay back money from a customer's balance.")

  @OptionGroup var changing: BookChange
  @Argument(help: "The customer number.") var number: String
  @Option(help: "How much.") var amount: Amount

  func record(in book: Book, on day: Day) throws -> String {
    try book.transact { try $0.refund(customer: number, amount: amount, on: day) }
    return "paid back \(amount.swedishFormatted) to \(number)"
  }
}
