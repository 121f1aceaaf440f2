import Basics
import Invoicing

/// The invoices a bulk step is taken on: numbers (`d<id>` for drafts), and those a filter
/// picks among the ones the step applies to.
struct InvoiceSelection: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Argument(
    name: "invoice", help: "The invoices: numbers, external ids, or d<id> for drafts.",
    required: false)
  var invoices: [String]
  @Option(value: "number", help: "Every invoice of this customer the step applies to.")
  var customer: String?
  @Flag(help: "Every draft.") var allDrafts: Bool
  @Option(help: "Every invoice unpaid and past its due date on this day.") var overdueOn: Day?

  var filters: Bool { customer != nil || allDrafts || overdueOn != nil }

  mutating func validate() throws(UsageError) {
    guard !invoices.isEmpty || filters else {
      throw UsageError(
        .missingValue, .field("invoice"),
        "name an invoice, or give --customer, --all-drafts or --overdue-on")
    }
  }

  /// The records selected, in invoice order, each once: those named, then those the filters
  /// pick among the ones `applies` accepts.
  func records(in state: BookState, applies: (InvoiceRecord) -> Bool) throws -> [InvoiceRecord] {
    var chosen = [InvoiceRecord]()
    var seen = Set<Int>()
    for name in invoices {
      let record = try invoiceRecord(name, in: state)
      if seen.insert(record.invoice.id).inserted { chosen.append(record) }
    }
    if filters {
      if let customer, !state.customers.contains(key: customer) {
        throw BookError(.noSuchCustomer, .customer(customer), "no customer \(customer)")
      }
      for record in state.allInvoices where !seen.contains(record.invoice.id) {
        guard customer == nil || record.invoice.customer == customer,
          !allDrafts || record.state == .draft,
          overdueOn.map({ record.isOverdue(on: $0) }) ?? true, applies(record)
        else { continue }
        seen.insert(record.invoice.id)
        chosen.append(record)
      }
    }
    return chosen
  }
}

extension InvoiceRecord {
  /// Whether the invoice is unpaid, not in collection and past its due date on `day`.
  func isOverdue(on day: Day) -> Bool {
    invoice.kind == .invoice && (state == .attested || state == .reminded)
      && invoice.dueDate < day && open > .zero
  }
}

/// The invoices a step is taken on, and its day.
struct BulkStep: ParsableArguments {
  @OptionGroup var selection: InvoiceSelection
  @Option(help: "The date (default: today, in the creditor's time zone).") var date: Day?
}

/// An invoice step that takes several invoices: `attest`, `remind`, `collect`. All are taken
/// in one transaction, or none.
protocol BulkInvoiceAction: Command {
  var step: BulkStep { get }
  /// The past tense for the summary: "attested".
  static var done: String { get }
  /// Whether a filter (`--customer`, `--overdue-on`) picks this invoice.
  func applies(to record: InvoiceRecord, on date: Day) -> Bool
  /// Takes the step on invoice `id`; returns what to print.
  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String
}

extension BulkInvoiceAction {
  mutating func validate() throws(UsageError) {
    var selection = step.selection
    try selection.validate()
  }

  func run(_ console: Console) throws -> Int32 {
    let selection = step.selection
    let book = try openBook(selection.bookOptions.directory, forWriting: true, console: console)
    let date = step.date ?? book.today
    let ids = try selection.records(in: book.state) { applies(to: $0, on: date) }
      .map(\.invoice.id)
    guard !ids.isEmpty else {
      console.print("no invoice to take the step on")
      return 0
    }
    let messages = try book.transact { transaction in
      try ids.map { try apply($0, on: date, to: &transaction) }
    }
    messages.forEach { console.print($0) }
    if ids.count > 1 { console.print("\(ids.count.counted("invoice")) \(Self.done)") }
    if Self.self == InvoiceAttest.self {
      for id in ids {
        warnOfMissingParticulars(
          id, number: book.state.invoices[id]?.invoice.displayName ?? "", in: book.state,
          console: console)
      }
      try placeWaitingPayments(book, console: console)
    }
    return 0
  }
}

struct InvoiceAttest: BulkInvoiceAction {
  static let configuration = CommandConfiguration(
    name: "attest",
    abstract: "Attest drafts: each gets the next number and its OCR, and never changes again.")
  static let done = "attested"
  @OptionGroup var step: BulkStep

  func applies(to record: InvoiceRecord, on date: Day) -> Bool { record.state == .draft }

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    let number = try transaction.attest(id, on: date)
    let invoice = transaction.state.invoices[id]!.invoice
    return
      "\(invoice.title.lowercased()) \(number) attested: \(invoice.totals.total.swedishFormatted), OCR \(invoice.ocr ?? "")"
  }
}

struct InvoiceRemind: BulkInvoiceAction {
  static let configuration = CommandConfiguration(
    name: "remind", abstract: "Send reminders for overdue invoices, with the reminder fee.")
  static let done = "reminded"
  @OptionGroup var step: BulkStep
  @Option(help: "The fee (default: the customer's or creditor's reminder fee).") var fee: Amount?

  func applies(to record: InvoiceRecord, on date: Day) -> Bool { record.isOverdue(on: date) }

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    try transaction.remind(id, on: date, fee: fee)
    let record = transaction.state.invoices[id]!
    return
      "reminder \(record.reminders.count) for invoice \(record.invoice.displayName): fee \(record.reminders.last!.fee.swedishFormatted), open \(record.open.swedishFormatted)"
  }
}

struct InvoiceCollect: BulkInvoiceAction {
  static let configuration = CommandConfiguration(
    name: "collect", abstract: "Send overdue invoices to debt collection.")
  static let done = "sent to collection"
  @OptionGroup var step: BulkStep

  func applies(to record: InvoiceRecord, on date: Day) -> Bool { record.isOverdue(on: date) }

  func apply(_ id: Int, on date: Day, to transaction: inout BookTransaction) throws -> String {
    try transaction.sendToCollection(id, on: date)
    return "invoice \(transaction.state.invoices[id]!.invoice.displayName) sent to collection"
  }
}

struct InvoicePDF: Command {
  static let configuration = CommandConfiguration(
    name: "pdf", abstract: "Write the PDF of invoices, credit notes or reminders.",
    discussion: """
      With one invoice, -o names the file (- for standard output); with several, a directory \
      that gets <number>.pdf for each (d<id>.pdf for a draft).
      """)

  @OptionGroup var selection: InvoiceSelection
  @Option(short: "o", value: "path", help: "Where to write: a file, -, or a directory.")
  var output: String
  @Option(help: "The n-th reminder (1 the first) instead of the invoice.") var reminder: Int?

  mutating func validate() throws(UsageError) { try selection.validate() }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(selection.bookOptions.directory, forWriting: false, console: console)
    let state = book.state
    // A filter picks the invoices that have the reminder asked for.
    let records = try selection.records(in: state) { $0.reminders.count >= reminder ?? 0 }
    let several = records.count > 1 || selection.filters
    if several && !FilePath.isDirectory(output) {
      throw CommandFailure(
        .unsafeOutput, .file(output),
        "\(output) is not a directory; with several invoices -o names one")
    }
    // Every PDF is made before any is written: a refusal writes nothing.
    var files = [(path: String, bytes: [UInt8])]()
    for record in records {
      let name =
        (record.invoice.number.map(String.init) ?? "d\(record.invoice.id)")
        + (reminder.map { "-reminder-\($0)" } ?? "")
      files.append(
        (several ? FilePath.join(output, name + ".pdf") : output, try pdf(of: record, in: book)))
    }
    for file in files {
      try OutputTarget(file.path, book: book).write(file.bytes, console: console)
    }
    if several { console.print("\(files.count.counted("PDF")) written to \(output)") }
    return 0
  }

  func pdf(of record: InvoiceRecord, in book: Book) throws -> [UInt8] {
    let state = book.state
    let style = DocumentStyle.of(record, in: state, logo: book.logo(named:))
    guard let reminder else { return InvoiceRenderer.invoice(record, in: state, style: style) }
    guard record.reminders.indices.contains(reminder - 1) else {
      throw CommandFailure(
        .noSuchReminder, .invoice(record.invoice.displayName),
        "invoice \(record.invoice.displayName) has \(record.reminders.count.counted("reminder")); --reminder is 1 to \(record.reminders.count)"
      )
    }
    return InvoiceRenderer.reminder(record, index: reminder - 1, in: state, style: style)
  }
}
