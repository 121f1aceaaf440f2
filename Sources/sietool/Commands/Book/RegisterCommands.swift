import Basics
import Invoicing

/// `sietool customer add|list|show|update|refund`
struct CustomerCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "customer", abstract: "The customer register (customers and self-invoice payees).",
    subcommands: [
      CustomerAdd.self, CustomerUpdate.self, CustomerList.self, CustomerShow.self,
      CustomerRefund.self,
    ])
}

let customerFields: [ArgumentDefinition] = [
  .option("name", value: "name", help: "The customer's name."),
  .option("org-number", value: "number", help: "Organisation or personal number."),
  .option("vat-number", value: "number", help: "VAT registration number."),
  .option("street", value: "text", help: "Street address."),
  .option("postal-code", value: "text", help: "Postal code."),
  .option("city", value: "text", help: "City."),
  .option("country", value: "XX", help: "Country code."),
  .option("email", value: "address", help: "E-mail."),
  .option(
    "market", value: "market", help: "Where the customer is.",
    choices: Market.allCases.map(\.rawValue)),
  .flag("reverse-charge", help: "Domestic reverse charge (construction)."),
  .option("terms", value: "days", help: "Payment terms overriding the creditor's."),
  .option("reminder-fee", value: "amount", help: "Reminder fee overriding the creditor's."),
  .option("currency", value: "XXX", help: "Invoice currency overriding the creditor's."),
  .option("bankgiro", value: "number", help: "Bankgiro for self-invoice payouts."),
]

extension Customer {
  /// The customer with the fields the command line gives.
  mutating func update(from arguments: ParsedArguments) throws(UsageError) {
    if let name = arguments.value("name") { self.name = name }
    if let value = arguments.value("org-number") { organizationNumber = value }
    if let value = arguments.value("vat-number") { vatNumber = value }
    if let value = arguments.value("street") { address.street = value }
    if let value = arguments.value("postal-code") { address.postalCode = value }
    if let value = arguments.value("city") { address.city = value }
    if let value = arguments.value("country") { address.country = value }
    if let value = arguments.value("email") { email = value }
    if let value = try arguments.choice("market", as: Market.self) { market = value }
    if arguments.flag("reverse-charge") { reverseCharge = true }
    if let value = try integer(arguments.value("terms"), "terms") { paymentTermsDays = value }
    if let value = try amount(arguments.value("reminder-fee"), "reminder-fee") {
      reminderFee = value
    }
    if let value = arguments.value("currency") { currency = value }
    if let value = arguments.value("bankgiro") { bankgiro = value }
  }

  var textLines: [String] {
    var lines = ["\(number)  \(name)"]
    if let organizationNumber { lines.append("  org number: \(organizationNumber)") }
    if !address.isEmpty { lines.append("  address: " + address.lines.joined(separator: ", ")) }
    if let email { lines.append("  e-mail: \(email)") }
    if market != .domestic || reverseCharge {
      lines.append("  market: \(market.rawValue)\(reverseCharge ? ", reverse charge" : "")")
    }
    return lines
  }
}

struct CustomerAdd: Command {
  static let configuration = CommandConfiguration(
    name: "add", abstract: "Add a customer.",
    arguments: [
      bookArgument,
      .option("number", value: "number", help: "The customer number.", required: true),
    ] + customerFields)

  var directory: String
  var customer: Customer

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    guard arguments.value("name") != nil else { throw UsageError("missing --name") }
    customer = Customer(number: arguments.require("number"), name: "")
    try customer.update(from: arguments)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    try book.transact { try $0.addCustomer(customer) }
    console.print("added customer \(customer.number)")
    return 0
  }
}

struct CustomerUpdate: Command {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Change a customer's details.",
    arguments: [bookArgument, .positional("number", help: "The customer number.")] + customerFields)

  var directory: String
  var number: String
  var arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    number = arguments.require("number")
    self.arguments = arguments
    var probe = Customer(number: number, name: "x")
    try probe.update(from: arguments)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    guard var customer = book.state.customers[number] else {
      throw CommandFailure("no customer \(number)")
    }
    try customer.update(from: arguments)
    try book.transact { try $0.updateCustomer(customer) }
    console.print("updated customer \(number)")
    return 0
  }
}

struct CustomerList: Command {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List the customers.", arguments: [bookArgument, textOrJSON])

  var directory: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    if format == .json {
      console.printJSON(.array(state.allCustomers.map(\.jsonValue)))
    } else {
      for customer in state.allCustomers {
        console.print(customer.number.padding(10) + customer.name)
      }
    }
    return 0
  }
}

struct CustomerShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show a customer, its open invoices and balance.",
    arguments: [bookArgument, .positional("number", help: "The customer number."), textOrJSON])

  var directory: String
  var number: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    number = arguments.require("number")
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    guard let customer = state.customers[number] else {
      throw CommandFailure("no customer \(number)")
    }
    let invoices = state.allInvoices.filter { $0.invoice.customer == number }
    let balance = state.balances[number] ?? .zero
    if format == .json {
      guard case .object(var object) = customer.jsonValue else { return 1 }
      object["balance"] = balance.jsonValue
      object["invoices"] = .array(invoices.map(\.summaryJSON))
      console.printJSON(.object(object))
    } else {
      customer.textLines.forEach { console.print($0) }
      console.print("  balance (overpaid, to use or pay back): \(balance)")
      for record in invoices { console.print("  " + record.listLine) }
    }
    return 0
  }
}

struct CustomerRefund: Command {
  static let configuration = CommandConfiguration(
    name: "refund", abstract: "Pay back money from a customer's balance.",
    arguments: [
      bookArgument, .positional("number", help: "The customer number."),
      .option("amount", value: "amount", help: "How much.", required: true), dateArgument(),
    ])

  var directory: String
  var number: String
  var amount: Amount
  var date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    number = arguments.require("number")
    amount = try sietool.amount(arguments.value("amount"), "amount")!
    date = try day(arguments.value("date"))
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    try book.transact { try $0.refund(customer: number, amount: amount, on: date) }
    console.print("paid back \(amount) to \(number)")
    return 0
  }
}

/// `sietool cost-centre add|list` and `sietool project add|list`
struct CostCentreCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "cost-centre", abstract: "The cost centres (SIE dimension 1).",
    subcommands: [DimensionAdd<CostCentres>.self, DimensionList<CostCentres>.self])
}

struct ProjectCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "project", abstract: "The projects (SIE dimension 6).",
    subcommands: [DimensionAdd<Projects>.self, DimensionList<Projects>.self])
}

protocol DimensionKind {
  static var name: String { get }
  static func entries(_ state: BookState) -> [DimensionEntry]
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws
}

enum CostCentres: DimensionKind {
  static let name = "cost centre"
  static func entries(_ state: BookState) -> [DimensionEntry] { state.allCostCentres }
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws {
    try transaction.addCostCentre(entry)
  }
}

enum Projects: DimensionKind {
  static let name = "project"
  static func entries(_ state: BookState) -> [DimensionEntry] { state.allProjects }
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws {
    try transaction.addProject(entry)
  }
}

struct DimensionAdd<Kind: DimensionKind>: Command {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      name: "add", abstract: "Add a \(Kind.name).",
      arguments: [
        bookArgument, .positional("code", help: "The code."),
        .option("name", value: "name", help: "The name.", required: true),
      ])
  }

  var directory: String
  var entry: DimensionEntry
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    entry = DimensionEntry(code: arguments.require("code"), name: arguments.require("name"))
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    try book.transact { try Kind.add(entry, to: &$0) }
    console.print("added \(Kind.name) \(entry.code)")
    return 0
  }
}

struct DimensionList<Kind: DimensionKind>: Command {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      name: "list", abstract: "List the \(Kind.name)s.", arguments: [bookArgument, textOrJSON])
  }

  var directory: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let entries = Kind.entries(try openBook(directory, forWriting: false).state)
    if format == .json {
      console.printJSON(.array(entries.map(\.jsonValue)))
    } else {
      for entry in entries { console.print(entry.code.padding(10) + entry.name) }
    }
    return 0
  }
}
