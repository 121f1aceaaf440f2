import Basics
import Invoicing

/// `sietool self-invoice new|list|show|attest|update|pause|resume|cancel|pay|pdf`
struct SelfInvoiceCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "self-invoice",
    abstract:
      "Self-invoices (självfaktura): purchases invoiced in the supplier's name and paid out.",
    subcommands: [
      SelfInvoiceNew.self, SelfInvoiceList.self, SelfInvoiceShow.self, SelfInvoiceAttest.self,
      SelfInvoiceUpdate.self, SelfInvoiceState.self, SelfInvoicePDF.self,
    ])
}

let selfInvoiceNameArgument = ArgumentDefinition.positional(
  "self-invoice", help: "The self-invoice: its number (SF-…), external id, or d<id> for a draft.")

func selfInvoiceRecord(_ name: String, in state: BookState) throws -> SelfInvoiceRecord {
  guard let record = state.selfInvoice(named: name) else {
    throw CommandFailure("no self-invoice \(name)")
  }
  return record
}

struct SelfInvoiceNew: Command {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "Draft a self-invoice for a payee.",
    arguments: [
      bookArgument,
      .option(
        "payee", value: "number", help: "The payee (from the customer register).", required: true),
      dateArgument("The invoice date (default: today)."),
      .option(
        "payout", value: "YYYY-MM-DD", help: "The payout date (default: after the payment terms)."),
      .option("line", value: "spec", help: "A line, as for invoices.", repeatable: true),
      .option("external-id", value: "id", help: "Your own id."),
      .option("text", value: "text", help: "A text."),
      .flag("attest", help: "Attest it at once."),
    ])

  var directory: String, payee: String, date: Day, payout: Day?, lines: [LineInput]
  var externalId: String?, text: String?, attest: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    payee = arguments.require("payee")
    date = try day(arguments.value("date"))
    payout = try optionalDay(arguments.value("payout"), "payout")
    lines = try lineInputs(arguments.values("line"))
    guard !lines.isEmpty else { throw UsageError("missing --line") }
    externalId = arguments.value("external-id")
    text = arguments.value("text")
    attest = arguments.flag("attest")
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let (id, number) = try book.transact { transaction -> (Int, String?) in
      let id = try transaction.draftSelfInvoice(
        payee: payee, invoiceDate: date, payoutDate: payout, lines: lines, text: text,
        externalId: externalId)
      return (id, attest ? try transaction.attestSelfInvoice(id, on: date) : nil)
    }
    let record = book.state.selfInvoices[id]!
    console.print(
      "\(number.map { "self-invoice \($0) attested" } ?? "draft d\(id)"): \(record.selfInvoice.totals.total), payout \(record.selfInvoice.payoutDate)"
    )
    return 0
  }
}

struct SelfInvoiceList: Command {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List self-invoices.", arguments: [bookArgument, textOrJSON])
  var directory: String, format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }
  func run(_ console: Console) throws -> Int32 {
    let records = try openBook(directory, forWriting: false).state.allSelfInvoices
    if format == .json {
      console.printJSON(.array(records.map(\.summaryJSON)))
    } else {
      for record in records {
        console.print(
          record.selfInvoice.displayName.padding(16) + record.selfInvoice.payee.padding(10)
            + record.selfInvoice.payoutDate.iso.padding(12) + record.state.rawValue.padding(10)
            + record.payoutAmount.description.leftPadded(12))
      }
    }
    return 0
  }
}

struct SelfInvoiceShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show a self-invoice.",
    arguments: [bookArgument, selfInvoiceNameArgument, textOrJSON])
  var directory: String, name: String, format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("self-invoice")
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }
  func run(_ console: Console) throws -> Int32 {
    let record = try selfInvoiceRecord(name, in: try openBook(directory, forWriting: false).state)
    if format == .json {
      console.printJSON(record.summaryJSON)
    } else {
      console.print(
        "self-invoice \(record.selfInvoice.displayName) from \(record.selfInvoice.payee): \(record.state.rawValue)"
      )
      console.print(
        "  total \(record.selfInvoice.totals.total), payout \(record.payoutAmount) on \(record.selfInvoice.payoutDate)"
      )
    }
    return 0
  }
}

struct SelfInvoiceAttest: Command {
  static let configuration = CommandConfiguration(
    name: "attest",
    abstract: "Attest a self-invoice: it gets the next number of the payee's series.",
    arguments: [bookArgument, selfInvoiceNameArgument, dateArgument()])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("self-invoice")
    date = try day(arguments.value("date"))
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let record = try selfInvoiceRecord(name, in: book.state)
    let number = try book.transact { try $0.attestSelfInvoice(record.selfInvoice.id, on: date) }
    console.print("self-invoice \(number) attested")
    return 0
  }
}

struct SelfInvoiceUpdate: Command {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Change the payout date or amount of an unpaid self-invoice.",
    arguments: [
      bookArgument, selfInvoiceNameArgument,
      .option("payout", value: "YYYY-MM-DD", help: "The new payout date."),
      .option("amount", value: "amount", help: "The new payout amount."),
    ])
  var directory: String, name: String, payout: Day?, amount: Amount?
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("self-invoice")
    payout = try optionalDay(arguments.value("payout"), "payout")
    amount = try sietool.amount(arguments.value("amount"), "amount")
    guard payout != nil || amount != nil else { throw UsageError("give --payout or --amount") }
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let record = try selfInvoiceRecord(name, in: book.state)
    try book.transact {
      try $0.record(.payoutChanged(id: record.selfInvoice.id, date: payout, amount: amount))
    }
    let after = book.state.selfInvoices[record.selfInvoice.id]!
    console.print(
      "self-invoice \(after.selfInvoice.displayName): payout \(after.payoutAmount) on \(after.selfInvoice.payoutDate)"
    )
    return 0
  }
}

/// `pause`, `resume`, `cancel` and `pay` share this shape.
struct SelfInvoiceState: Command {
  static let configuration = CommandConfiguration(
    name: "set", abstract: "Pause, resume, cancel or record the payout of a self-invoice.",
    arguments: [
      bookArgument, .positional("change", help: "pause, resume, cancel or pay."),
      selfInvoiceNameArgument, dateArgument(),
    ])
  var directory: String, change: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    change = arguments.require("change")
    guard ["pause", "resume", "cancel", "pay"].contains(change) else {
      throw UsageError("invalid change '\(change)'; use pause, resume, cancel or pay")
    }
    name = arguments.require("self-invoice")
    date = try day(arguments.value("date"))
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let id = try selfInvoiceRecord(name, in: book.state).selfInvoice.id
    let event: Event =
      switch change {
      case "pause": .payoutPaused(id: id)
      case "resume": .payoutResumed(id: id)
      case "cancel": .selfInvoiceCancelled(id: id, date: date)
      default: .selfInvoicePaid(id: id, date: date)
      }
    try book.transact { try $0.record(event) }
    console.print(
      "self-invoice \(book.state.selfInvoices[id]!.selfInvoice.displayName): \(book.state.selfInvoices[id]!.state.rawValue)"
    )
    return 0
  }
}

struct SelfInvoicePDF: Command {
  static let configuration = CommandConfiguration(
    name: "pdf", abstract: "Write a self-invoice's PDF.",
    arguments: [
      bookArgument, selfInvoiceNameArgument,
      .option("output", short: "o", value: "file", help: "Where to write.", required: true),
    ])
  var directory: String, name: String, output: String
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("self-invoice")
    output = arguments.require("output")
  }
  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    let bytes = InvoiceRenderer.selfInvoice(try selfInvoiceRecord(name, in: state), in: state)
    try AtomicFile.write(bytes, to: output)
    console.print("wrote \(output) (\(bytes.count) bytes)")
    return 0
  }
}
