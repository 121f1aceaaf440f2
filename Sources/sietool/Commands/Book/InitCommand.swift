import Basics
import Invoicing
import Ledger

/// `sietool init --book DIR --name NAME --org-number … --method accrual|cash …`
struct InitCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "init", abstract: "Create a book for a creditor (the company whose invoices it keeps).")

  @OptionGroup var bookOptions: BookOptions
  @Option(value: "name", help: "The company's name.") var name: String
  @Option(value: "NNNNNN-NNNN", help: "The organisation number.") var orgNumber: String
  @Option(help: "Bookkeeping method.") var method: BookkeepingMethod = .accrual
  @Option(help: "The first day of the fiscal year.")
  var fiscalYearStart = MonthDay(month: 1, day: 1)!
  @Option(help: "The end of an extended (or short) first fiscal year (at most 18 months).")
  var firstFiscalYearEnd: Day?
  @Option(help: "The first fiscal year's first day (default: 18 months before its end).")
  var firstFiscalYearStart: Day?
  @Option(value: "number", help: "The creditor's bankgiro.") var bankgiro: String?
  @Flag(help: "Customers pay into the service's client-funds account.") var clientFunds: Bool
  @Option(value: "number", help: "The client-funds account's bankgiro.")
  var clientFundsBankgiro: String?
  @Option(value: "SE…01", help: "The VAT registration number.") var vatNumber: String?
  @Option(help: "Street address.") var street: String?
  @Option(help: "Postal code.") var postalCode: String?
  @Option(help: "City.") var city: String?
  @Option(value: "address", help: "E-mail printed on invoices.") var email: String?
  @Option(value: "days", help: "Default payment terms.") var terms = 30
  @Option(help: "Default reminder fee.") var reminderFee = Amount(kronor: 60)
  @Flag(help: "Round invoice totals to whole kronor.") var round: Bool
  @Option(help: "The first invoice number.") var firstInvoiceNumber = 1001

  var settings: CreditorSettings {
    var settings = CreditorSettings(
      name: name, organizationNumber: orgNumber, method: method,
      paymentMode: clientFunds ? .clientFunds : .ownBankgiro)
    settings.fiscalYearStart = fiscalYearStart
    settings.firstFiscalYearEnd = firstFiscalYearEnd
    settings.firstFiscalYearStart = firstFiscalYearStart
    settings.bankgiro = bankgiro
    settings.clientFundsBankgiro = clientFundsBankgiro
    settings.vatNumber = vatNumber
    settings.address = PostalAddress(
      street: street ?? "", postalCode: postalCode ?? "", city: city ?? "")
    settings.email = email
    settings.paymentTermsDays = terms
    settings.reminderFee = reminderFee
    settings.roundToKronor = round
    settings.firstInvoiceNumber = firstInvoiceNumber
    return settings
  }

  func run(_ console: Console) throws -> Int32 {
    _ = try Book.create(at: directory, settings: settings)
    console.print("created the book of \(settings.name) in \(directory)")
    return 0
  }
}

struct BookRepairCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "repair",
    abstract: "Drop a torn last journal line left by a crash, keeping a backup of the journal.")

  @OptionGroup var bookOptions: BookOptions

  func run(_ console: Console) throws -> Int32 {
    if let backup = try Book.repair(at: directory) {
      console.print("dropped the torn last line; the journal as it was is kept in \(backup)")
    } else {
      console.print("the journal is whole; nothing to repair")
    }
    return 0
  }
}

struct BookVerifyCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "verify",
    abstract: "Replay the journal from line 1 and check its hash chain.",
    discussion: """
      Reads every line, checks each line's hash against the next, and applies every event \
      from line 1. The checkpoint (journal.checkpoint) that other commands start from is not \
      used; it is compared with the state the replay reaches at its line, and removed with \
      the error checkpoint-contradicted when they differ. When no other process is changing \
      the book, it also removes the temporary files that a killed command left in the book \
      and beside the files an export was writing.
      """)

  @OptionGroup var bookOptions: BookOptions

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(
      directory, forWriting: false, checkpoint: .replayAll, console: console)
    Exporter.removeLeftovers(ofBookAt: directory)
    var use = book.checkpointUse
    if case .written(let before) = use { use = before }
    if case .contradicted(let line) = use {
      throw BookError(
        .checkpointContradicted, .file(Checkpoint.fileName),
        "the checkpoint after journal line \(line) holds another state than the journal's replay reaches there: it was changed outside sietool and is removed; the journal is intact, but commands since it was written may have shown what it held"
      )
    }
    console.print(
      "\(book.lineCount) journal lines, \(book.state.eventCount) events: the chain is intact")
    return 0
  }
}
