import Basics
import Invoicing

/// An invoice subcommand that changes one invoice: `attest`, `delete`, `credit`, `pay`,
/// `remind`, `collect`, `doubtful`, `write-off`.
protocol InvoiceAction: Command {
  var directory: String { get }
  var name: String { get }
  var date: Day { get }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String
}

extension InvoiceAction {
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let record = try invoiceRecord(name, in: book.state)
    let message = try book.transact { try apply(record.invoice.id, to: &$0) }
    console.print(message)
    return 0
  }
}

struct InvoiceAttest: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "attest",
    abstract: "Attest a draft: it gets the next number and its OCR, and never changes again.",
    arguments: [bookArgument, invoiceNameArgument, dateArgument()])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    let number = try transaction.attest(id, on: date)
    let invoice = transaction.state.invoices[id]!.invoice
    return
      "\(invoice.title.lowercased()) \(number) attested: \(invoice.totals.total), OCR \(invoice.ocr ?? "")"
  }
}

struct InvoiceDelete: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "delete", abstract: "Delete a draft (attested invoices are credited, never deleted).",
    arguments: [bookArgument, invoiceNameArgument])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = Day.today()
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    try transaction.deleteDraft(id)
    return "deleted draft d\(id)"
  }
}

struct InvoiceCredit: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "credit",
    abstract:
      "Draft a credit note for an invoice (all lines, or some), and attest it with --attest.",
    arguments: [
      bookArgument, invoiceNameArgument, dateArgument(),
      .option(
        "line", value: "n[:quantity]",
        help: "Credit only this line (1-based), optionally a quantity of it.", repeatable: true),
      .flag("attest", help: "Attest the credit note at once, crediting the invoice."),
    ])
  var directory: String, name: String, date: Day
  var selection: CreditSelection
  var attest: Bool
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
    attest = arguments.flag("attest")
    let lines = arguments.values("line")
    if lines.isEmpty {
      selection = .whole
    } else {
      selection = .lines(
        try lines.map { spec throws(UsageError) in
          let parts = spec.split(separator: ":").map(String.init)
          guard let line = Int(parts[0]), parts.count <= 2 else {
            throw UsageError("invalid --line '\(spec)'; use N or N:QUANTITY")
          }
          return (line, parts.count == 2 ? try decimal(parts[1], "line") : nil)
        })
    }
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    let note = try transaction.draftCreditNote(for: id, selection: selection, on: date)
    let total = transaction.state.invoices[note]!.invoice.totals.total
    guard attest else {
      return "credit note draft d\(note): \(total); attest it to credit the invoice"
    }
    let number = try transaction.attest(note, on: date)
    return "credit note \(number) attested: \(total)"
  }
}

struct InvoicePay: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "pay", abstract: "Register a payment; an overpayment goes to the customer's balance.",
    arguments: [
      bookArgument, invoiceNameArgument, dateArgument(),
      .option(
        "amount", value: "amount", help: "How much was paid, in the invoice's currency.",
        required: true),
      .option(
        "means", value: "means",
        help: "bankgiro, clientFunds, swish, card, autogiro, cash or balance.", default: "bankgiro"),
      .option(
        "amount-sek", value: "amount", help: "For an invoice in another currency: the SEK received."
      ),
    ])
  var directory: String, name: String, date: Day
  var amount: Amount, means: PaymentMeans, amountSEK: Amount?
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
    amount = try sietool.amount(arguments.value("amount"), "amount")!
    means = PaymentMeans(rawValue: arguments.require("means"))
    amountSEK = try sietool.amount(arguments.value("amount-sek"), "amount-sek")
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    try transaction.pay(id, amount: amount, on: date, means: means, amountSEK: amountSEK)
    let record = transaction.state.invoices[id]!
    let payment = record.payments.last!
    var message =
      "payment of \(amount) on invoice \(record.invoice.displayName): open \(record.open)"
    if !payment.overpaid.isZero {
      message += "; \(payment.overpaid) overpaid, kept as the customer's balance"
    }
    if !payment.rounding.isZero { message += "; \(payment.rounding) short, closed as rounding" }
    return message
  }
}

struct InvoiceRemind: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "remind", abstract: "Send a reminder for an overdue invoice, with the reminder fee.",
    arguments: [
      bookArgument, invoiceNameArgument, dateArgument(),
      .option(
        "fee", value: "amount",
        help: "The fee (default: the customer's or creditor's reminder fee)."),
    ])
  var directory: String, name: String, date: Day
  var fee: Amount?
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
    fee = try amount(arguments.value("fee"), "fee")
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    try transaction.remind(id, on: date, fee: fee)
    let record = transaction.state.invoices[id]!
    return
      "reminder \(record.reminders.count) for invoice \(record.invoice.displayName): fee \(record.reminders.last!.fee), open \(record.open)"
  }
}

struct InvoiceCollect: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "collect", abstract: "Send an overdue invoice to debt collection.",
    arguments: [bookArgument, invoiceNameArgument, dateArgument()])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    try transaction.sendToCollection(id, on: date)
    return "invoice \(transaction.state.invoices[id]!.invoice.displayName) sent to collection"
  }
}

struct InvoiceWriteOff: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "write-off", abstract: "Write off the open amount as a bad debt.",
    arguments: [bookArgument, invoiceNameArgument, dateArgument()])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    let open = transaction.state.invoices[id]?.open ?? .zero
    try transaction.writeOff(id, on: date)
    return "invoice \(transaction.state.invoices[id]!.invoice.displayName): \(open) written off"
  }
}

struct InvoiceDoubtful: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "doubtful",
    abstract:
      "Mark the open amount doubtful (befarad kundförlust): still owed, expected to be lost.",
    arguments: [bookArgument, invoiceNameArgument, dateArgument()])
  var directory: String, name: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    date = try day(arguments.value("date"))
  }
  func apply(_ id: Int, to transaction: inout BookTransaction) throws -> String {
    try transaction.record(.markedDoubtful(id: id, date: date))
    let record = transaction.state.invoices[id]!
    return "invoice \(record.invoice.displayName): \(record.open) marked doubtful"
  }
}

struct InvoiceOffset: Command {
  static let configuration = CommandConfiguration(
    name: "offset", abstract: "Use a standalone credit on an invoice of the same customer.",
    discussion:
      "The rest stays on the one with the larger absolute amount; equal amounts close both.",
    arguments: [
      bookArgument, .positional("credit", help: "The credit."),
      .positional("invoice", help: "The invoice."), dateArgument(),
    ])
  var directory: String, credit: String, invoice: String, date: Day
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    credit = arguments.require("credit")
    invoice = arguments.require("invoice")
    date = try day(arguments.value("date"))
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let creditRecord = try invoiceRecord(credit, in: book.state)
    let invoiceRecord = try invoiceRecord(invoice, in: book.state)
    try book.transact {
      try $0.offset(credit: creditRecord.invoice.id, invoice: invoiceRecord.invoice.id, on: date)
    }
    let after = book.state
    console.print(
      "credit \(creditRecord.invoice.displayName) open \(after.invoices[creditRecord.invoice.id]!.open), "
        + "invoice \(invoiceRecord.invoice.displayName) open \(after.invoices[invoiceRecord.invoice.id]!.open)"
    )
    return 0
  }
}
