import Invoicing

/// `sietool invoice new|list|show|update|attest|delete|credit|pay|remind|collect|write-off|offset|attach|pdf`
struct InvoiceCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "invoice", abstract: "Invoices, credit notes and standalone credits, from draft to paid.",
    subcommands: [
      InvoiceNew.self, InvoiceList.self, InvoiceShow.self, InvoiceUpdate.self, InvoiceAttest.self,
      InvoiceDelete.self, InvoiceCredit.self, InvoicePay.self, InvoiceRemind.self,
      InvoiceCollect.self,
      InvoiceWriteOff.self, InvoiceOffset.self, InvoiceAttach.self, InvoicePDF.self,
    ])
}

let invoiceNameArgument = ArgumentDefinition.positional(
  "invoice", help: "The invoice: its number, its external id, or d<id> for a draft.")

let invoiceFields: [ArgumentDefinition] = [
  .option("customer", value: "number", help: "The customer."),
  dateArgument("The invoice date (default: today)."),
  .option("due", value: "YYYY-MM-DD", help: "The due date (default: from the payment terms)."),
  .option(
    "line", value: "spec",
    help:
      "A line: PRODUCT:QUANTITY, or key=value pairs (product, description, quantity, price, vat, discount, unit, cc, project).",
    repeatable: true),
  .option("external-id", value: "id", help: "Your own id for the invoice."),
  .option("currency", value: "XXX", help: "The currency (default: the customer's or SEK)."),
  .option("rate", value: "decimal", help: "SEK per unit of the currency."),
  .option("reference", value: "text", help: "The customer's reference."),
  .option("text", value: "text", help: "A text printed above the lines."),
]

struct InvoiceNew: Command {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "Draft an invoice (or, with --credit, a standalone credit).",
    discussion:
      "Example: sietool invoice new --customer K1 --date 2025-03-10 --line TJ:8 --line 'description=Resa,price=450.00,vat=25'",
    arguments: [bookArgument] + invoiceFields + [
      .flag("credit", help: "A standalone credit: negative quantities or prices."),
      .flag("attest", help: "Attest it at once."),
    ])

  var directory: String
  var input: InvoiceInput
  var attest: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    guard let customer = arguments.value("customer") else { throw UsageError("missing --customer") }
    let lines = try lineInputs(arguments.values("line"))
    guard !lines.isEmpty else { throw UsageError("missing --line; an invoice needs at least one") }
    input = InvoiceInput(
      externalId: arguments.value("external-id"), customer: customer,
      invoiceDate: try day(arguments.value("date")),
      dueDate: try optionalDay(arguments.value("due"), "due"), lines: lines,
      currency: arguments.value("currency"),
      exchangeRate: try decimal(arguments.value("rate"), "rate"),
      reference: arguments.value("reference"),
      text: arguments.value("text"), isCredit: arguments.flag("credit"))
    attest = arguments.flag("attest")
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let (id, number) = try book.transact { transaction -> (Int, Int?) in
      let id = try transaction.draft(input)
      return (id, attest ? try transaction.attest(id, on: input.invoiceDate) : nil)
    }
    let record = book.state.invoices[id]!
    if let number {
      console.print(
        "invoice \(number) attested: \(record.invoice.totals.total) due \(record.invoice.dueDate), OCR \(record.invoice.ocr ?? "")"
      )
    } else {
      console.print("draft d\(id): \(record.invoice.totals.total)")
    }
    return 0
  }
}

struct InvoiceUpdate: Command {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Change a draft; what is not given stays.",
    arguments: [bookArgument, invoiceNameArgument] + invoiceFields)

  var directory: String
  var name: String
  var arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    self.arguments = arguments
    _ = try lineInputs(arguments.values("line"))
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let record = try invoiceRecord(name, in: book.state)
    let old = record.invoice
    let lines = try lineInputs(arguments.values("line"))
    let input = InvoiceInput(
      externalId: arguments.value("external-id") ?? old.externalId,
      customer: arguments.value("customer") ?? old.customer,
      invoiceDate: try optionalDay(arguments.value("date"), "date") ?? old.invoiceDate,
      dueDate: try optionalDay(arguments.value("due"), "due")
        ?? (arguments.value("date") == nil ? old.dueDate : nil),
      lines: lines.isEmpty
        ? old.lines.map {
          LineInput(
            product: $0.product, description: $0.description, quantity: $0.quantity, unit: $0.unit,
            unitPrice: $0.unitPrice, discountPercent: $0.discountPercent, vatRate: $0.vatRate,
            costCentre: $0.costCentre, project: $0.project)
        } : lines,
      currency: arguments.value("currency") ?? old.currency,
      exchangeRate: try decimal(arguments.value("rate"), "rate") ?? old.exchangeRate,
      reference: arguments.value("reference") ?? old.reference,
      text: arguments.value("text") ?? old.text,
      isCredit: old.kind == .credit)
    try book.transact { try $0.updateDraft(old.id, with: input) }
    console.print("updated draft d\(old.id): \(book.state.invoices[old.id]!.invoice.totals.total)")
    return 0
  }
}

struct InvoiceList: Command {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List invoices.",
    arguments: [
      bookArgument, textOrJSON,
      .option(
        "state", value: "state", help: "Only invoices in this state.",
        choices: InvoiceState.allCases.map(\.rawValue)),
      .option("customer", value: "number", help: "Only this customer's invoices."),
    ])

  var directory: String
  var format: OutputFormat
  var state: InvoiceState?
  var customer: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
    state = try arguments.choice("state", as: InvoiceState.self)
    customer = arguments.value("customer")
  }

  func run(_ console: Console) throws -> Int32 {
    let records = try openBook(directory, forWriting: false).state.allInvoices.filter {
      (state == nil || $0.state == state) && (customer == nil || $0.invoice.customer == customer)
    }
    if format == .json {
      console.printJSON(.array(records.map(\.summaryJSON)))
    } else {
      console.print(
        "number".padding(8) + "customer".padding(10) + "date".padding(12) + "due".padding(12)
          + "state".padding(11) + "total".leftPadded(12) + "open".leftPadded(12))
      for record in records { console.print(record.listLine) }
    }
    return 0
  }
}

struct InvoiceShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show an invoice: lines, VAT, payments, credits, reminders.",
    arguments: [bookArgument, invoiceNameArgument, textOrJSON])

  var directory: String
  var name: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let record = try invoiceRecord(name, in: try openBook(directory, forWriting: false).state)
    if format == .json {
      console.printJSON(record.detailJSON)
      return 0
    }
    let invoice = record.invoice
    console.print(
      "\(invoice.title) \(invoice.displayName) for \(invoice.customer): \(record.state.rawValue)")
    console.print(
      "  dated \(invoice.invoiceDate), due \(invoice.dueDate)"
        + (invoice.ocr.map { ", OCR \($0)" } ?? ""))
    for line in invoice.lines {
      console.print(
        "  " + line.description.padding(30) + line.quantity.description.leftPadded(8) + " × "
          + line.unitPrice.description.leftPadded(10) + "  \(line.vatRate.percent) %"
          + line.net.description.leftPadded(12))
    }
    let totals = invoice.totals
    for rate in totals.rates {
      console.print("  VAT \(rate.rate.percent) % on \(rate.net): \(rate.vat)")
    }
    if !totals.rounding.isZero { console.print("  rounding: \(totals.rounding)") }
    console.print("  total: \(totals.total) \(invoice.currency), open: \(record.open)")
    for payment in record.payments {
      console.print("  paid \(payment.received) on \(payment.date) (\(payment.means.rawValue))")
    }
    for reminder in record.reminders {
      console.print("  reminded on \(reminder.date), fee \(reminder.fee)")
    }
    for credit in record.credits { console.print("  credited \(credit.amount) on \(credit.date)") }
    return 0
  }
}

/// A command that changes one invoice on a date.
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

struct InvoiceAttach: Command {
  static let configuration = CommandConfiguration(
    name: "attach",
    abstract: "Attach a PDF (at most 10 MiB) to a draft, as an appendix or a cover sheet.",
    arguments: [
      bookArgument, invoiceNameArgument, .positional("file", help: "The PDF."),
      .flag("cover", help: "Put it before the invoice (cover sheet)."),
    ])
  var directory: String, name: String, file: String, cover: Bool
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    file = arguments.require("file")
    cover = arguments.flag("cover")
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let record = try invoiceRecord(name, in: book.state)
    guard record.state == .draft else {
      throw CommandFailure(
        "invoice \(record.invoice.displayName) is attested; attachments go on drafts")
    }
    let attachment = try book.storeAttachment(
      try FilePath.read(file), fileName: file, placement: cover ? .cover : .appendix)
    try book.transact { try $0.attach(attachment, to: record.invoice.id) }
    console.print(
      "attached \(attachment.fileName) (\(attachment.size) bytes) to d\(record.invoice.id)")
    return 0
  }
}

struct InvoicePDF: Command {
  static let configuration = CommandConfiguration(
    name: "pdf", abstract: "Write an invoice's, credit note's or reminder's PDF.",
    arguments: [
      bookArgument, invoiceNameArgument,
      .option("output", short: "o", value: "file", help: "Where to write the PDF.", required: true),
      .option(
        "reminder", value: "n", help: "The n-th reminder (1 the first) instead of the invoice."),
    ])
  var directory: String, name: String, output: String, reminder: Int?
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    name = arguments.require("invoice")
    output = arguments.require("output")
    reminder = try integer(arguments.value("reminder"), "reminder")
  }
  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    let record = try invoiceRecord(name, in: state)
    let bytes: [UInt8]
    if let reminder {
      guard (1...record.reminders.count).contains(reminder) else {
        throw CommandFailure(
          "invoice \(record.invoice.displayName) has \(record.reminders.count) reminders")
      }
      bytes = InvoiceRenderer.reminder(record, index: reminder - 1, in: state)
    } else {
      bytes = InvoiceRenderer.invoice(record, in: state)
    }
    try AtomicFile.write(bytes, to: output)
    console.print("wrote \(output) (\(bytes.count) bytes)")
    return 0
  }
}
