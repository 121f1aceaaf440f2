import Basics
import Invoicing

/// The invoice a step is taken on, and the day: `<invoice> [--date D]`.
struct InvoiceStep: ParsableArguments {
  @OptionGroup var target: InvoiceTarget
  @Option(help: "The date (default: today, in the creditor's time zone).") var date: Day?
}

/// An invoice subcommand that changes one invoice: `delete`, `credit`, `pay`, `doubtful`,
/// `write-off` (`attest`, `remind` and `collect` take several: ``BulkInvoiceAction``).
protocol InvoiceAction: Command {
  var step: InvoiceStep { get }
  /// Takes the step on invoice `id`; returns what to print.
  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String
}

extension InvoiceAction {
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(step.target.bookOptions.directory, forWriting: true, console: console)
    let record = try invoiceRecord(step.target.invoice, in: book.state)
    let date = step.date ?? book.today
    if Self.self == InvoicePay.self && date > book.today {
      // Money that has not arrived is not registered: a payment is dated when it came.
      throw BookError(
        .invalidDate, ErrorSubject.invoice(record.invoice.displayName).with(field: "date"),
        "a payment cannot be dated \(date), after today (\(book.today))")
    }
    let message = try book.transact { try apply(record.invoice.id, on: date, to: &$0) }
    console.print(message)
    return 0
  }
}

struct InvoiceDelete: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "delete", abstract: "Delete a draft (attested invoices are credited, never deleted).")
  @OptionGroup var step: InvoiceStep

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    try transaction.deleteDraft(id)
    return "deleted draft d\(id)"
  }
}

/// `--line N[:QUANTITY]` of `invoice credit`.
struct CreditLine: ExpressibleByArgument {
  var line: Int
  var quantity: ExactDecimal?

  init?(argument: String) {
    let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), let line = Int(parts[0]) else { return nil }
    self.line = line
    if parts.count == 2 {
      guard let quantity = ExactDecimal(parsing: parts[1]) else { return nil }
      self.quantity = quantity
    }
  }

  static var valueName: String { "n[:quantity]" }
  static var expectation: String { "N or N:QUANTITY, e.g. 2 or 2:1.5" }
}

struct InvoiceCredit: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "credit",
    abstract:
      "Draft a credit note for an invoice (all lines, or some), and attest it with --attest.")
  @OptionGroup var step: InvoiceStep
  @Option(help: "Credit only this line (1-based), optionally a quantity of it.")
  var line: [CreditLine] = []
  @Flag(help: "Attest the credit note at once, crediting the invoice.") var attest: Bool

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    let selection: CreditSelection =
      line.isEmpty ? .whole : .lines(line.map { ($0.line, $0.quantity) })
    let note = try transaction.draftCreditNote(for: id, selection: selection, on: date)
    let total = transaction.state.invoices[note]!.invoice.totals.total
    guard attest else {
      return
        "credit note draft d\(note): \(total.swedishFormatted); attest it to credit the invoice"
    }
    let number = try transaction.attest(note, on: date)
    return "credit note \(number) attested: \(total.swedishFormatted)"
  }
}

extension PaymentMeans: ExpressibleByArgument {
  init?(argument: String) { self.init(rawValue: argument) }
  static var valueName: String { "means" }
  static var expectation: String {
    "bankgiro, clientFunds, swish, card, autogiro, cash or balance"
  }
}

struct InvoicePay: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "pay", abstract: "Register a payment; an overpayment goes to the customer's balance.")
  @OptionGroup var step: InvoiceStep
  @Option(help: "How much was paid, in the invoice's currency.") var amount: Amount
  @Option(help: "bankgiro, clientFunds, swish, card, autogiro, cash or balance.")
  var means: PaymentMeans = .bankgiro
  @Option(name: "amount-sek", help: "For an invoice in another currency: the SEK received.")
  var amountSEK: Amount?

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    try transaction.pay(id, amount: amount, on: date, means: means, amountSEK: amountSEK)
    let record = transaction.state.invoices[id]!
    let payment = record.payments.last!
    var message =
      "payment of \(amount.swedishFormatted) on invoice \(record.invoice.displayName): open \(record.open.swedishFormatted)"
    if !payment.overpaid.isZero {
      message += "; \(payment.overpaid.swedishFormatted) overpaid, kept as the customer's balance"
    }
    if !payment.rounding.isZero {
      message += "; \(payment.rounding.swedishFormatted) short, closed as rounding"
    }
    return message
  }
}

struct InvoiceWriteOff: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "write-off", abstract: "Write off the open amount as a bad debt.")
  @OptionGroup var step: InvoiceStep

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    let open = transaction.state.invoices[id]?.open ?? .zero
    try transaction.writeOff(id, on: date)
    return
      "invoice \(transaction.state.invoices[id]!.invoice.displayName): \(open.swedishFormatted) written off"
  }
}

struct InvoiceDoubtful: InvoiceAction {
  static let configuration = CommandConfiguration(
    name: "doubtful",
    abstract:
      "Mark the open amount doubtful (befarad kundförlust): still owed, expected to be lost.")
  @OptionGroup var step: InvoiceStep

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    try transaction.record(.markedDoubtful(id: id, date: date))
    let record = transaction.state.invoices[id]!
    return "invoice \(record.invoice.displayName): \(record.open.swedishFormatted) marked doubtful"
  }
}

struct InvoiceOffset: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "offset", abstract: "Use a standalone credit on an invoice of the same customer.",
    discussion:
      "The rest stays on the one with the larger absolute amount; equal amounts close both.")
  @OptionGroup var changing: BookChange
  @Argument(help: "The credit.") var credit: String
  @Argument(help: "The invoice.") var invoice: String

  func record(in book: Book, on day: Day) throws -> String {
    let creditRecord = try invoiceRecord(credit, in: book.state)
    let invoiceRecord = try invoiceRecord(invoice, in: book.state)
    try book.transact {
      try $0.offset(credit: creditRecord.invoice.id, invoice: invoiceRecord.invoice.id, on: day)
    }
    let after = book.state
    return
      "credit \(creditRecord.invoice.displayName) open \(after.invoices[creditRecord.invoice.id]!.open.swedishFormatted), "
      + "invoice \(invoiceRecord.invoice.displayName) open \(after.invoices[invoiceRecord.invoice.id]!.open.swedishFormatted)"
  }
}
