import Basics
import Invoicing

/// `sietool init --book DIR --name NAME --org-number … --method accrual|cash …`
struct InitCommand: Command {
  static let configuration = CommandConfiguration(
    name: "init",
    abstract: "Create a book for a creditor (the company whose invoices it keeps).",
    arguments: [
      bookArgument,
      .option("name", value: "name", help: "The company's name.", required: true),
      .option("org-number", value: "NNNNNN-NNNN", help: "The organisation number.", required: true),
      .option(
        "method", value: "method", help: "Bookkeeping method.", choices: ["accrual", "cash"],
        default: "accrual"),
      .option(
        "fiscal-year-start", value: "MM-DD", help: "The first day of the fiscal year.",
        default: "01-01"),
      .option(
        "first-fiscal-year-end", value: "YYYY-MM-DD",
        help: "The end of an extended first fiscal year."),
      .option("bankgiro", value: "number", help: "The creditor's bankgiro."),
      .flag("client-funds", help: "Customers pay into the service's client-funds account."),
      .option(
        "client-funds-bankgiro", value: "number", help: "The client-funds account's bankgiro."),
      .option("vat-number", value: "SE…01", help: "The VAT registration number."),
      .option("street", value: "text", help: "Street address."),
      .option("postal-code", value: "text", help: "Postal code."),
      .option("city", value: "text", help: "City."),
      .option("email", value: "address", help: "E-mail printed on invoices."),
      .option("terms", value: "days", help: "Default payment terms.", default: "30"),
      .option("reminder-fee", value: "amount", help: "Default reminder fee.", default: "60.00"),
      .flag("round", help: "Round invoice totals to whole kronor."),
      .option(
        "first-invoice-number", value: "n", help: "The first invoice number.", default: "1001"),
    ])

  var directory: String
  var settings: CreditorSettings

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    var settings = CreditorSettings(
      name: arguments.require("name"), organizationNumber: arguments.require("org-number"),
      method: BookkeepingMethod(rawValue: arguments.require("method"))!,
      paymentMode: arguments.flag("client-funds") ? .clientFunds : .ownBankgiro)
    guard let start = MonthDay(arguments.require("fiscal-year-start")) else {
      throw UsageError(
        "invalid value '\(arguments.require("fiscal-year-start"))' for --fiscal-year-start; expected MM-DD"
      )
    }
    settings.fiscalYearStart = start
    settings.firstFiscalYearEnd = try optionalDay(
      arguments.value("first-fiscal-year-end"), "first-fiscal-year-end")
    settings.bankgiro = arguments.value("bankgiro")
    settings.clientFundsBankgiro = arguments.value("client-funds-bankgiro")
    settings.vatNumber = arguments.value("vat-number")
    settings.address = PostalAddress(
      street: arguments.value("street") ?? "", postalCode: arguments.value("postal-code") ?? "",
      city: arguments.value("city") ?? "")
    settings.email = arguments.value("email")
    settings.paymentTermsDays = try integer(arguments.value("terms"), "terms")!
    settings.reminderFee = try amount(arguments.value("reminder-fee"), "reminder-fee")!
    settings.roundToKronor = arguments.flag("round")
    settings.firstInvoiceNumber = try integer(
      arguments.value("first-invoice-number"), "first-invoice-number")!
    self.settings = settings
  }

  func run(_ console: Console) throws -> Int32 {
    _ = try Book.create(at: directory, settings: settings)
    console.print("created the book of \(settings.name) in \(directory)")
    return 0
  }
}

/// `sietool book repair`
struct BookCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "book", abstract: "Look after a book's files.",
    subcommands: [BookRepairCommand.self, BookVerifyCommand.self])
}

struct BookRepairCommand: Command {
  static let configuration = CommandConfiguration(
    name: "repair",
    abstract: "Drop a torn last journal line left by a crash, keeping a backup of the journal.",
    arguments: [bookArgument])

  var directory: String
  init(_ arguments: ParsedArguments) throws(UsageError) { directory = bookDirectory(arguments) }

  func run(_ console: Console) throws -> Int32 {
    if let backup = try Book.repair(at: directory) {
      console.print("dropped the torn last line; the journal as it was is kept in \(backup)")
    } else {
      console.print("the journal is whole; nothing to repair")
    }
    return 0
  }
}

struct BookVerifyCommand: Command {
  static let configuration = CommandConfiguration(
    name: "verify", abstract: "Replay the journal and check its hash chain.",
    arguments: [bookArgument])

  var directory: String
  init(_ arguments: ParsedArguments) throws(UsageError) { directory = bookDirectory(arguments) }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: false)
    console.print(
      "\(book.lineCount) journal lines, \(book.state.eventCount) events: the chain is intact")
    return 0
  }
}
