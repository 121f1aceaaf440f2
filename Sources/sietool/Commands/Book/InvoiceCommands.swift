import Basics
import Invoicing

/// `sietool invoice new|list|show|update|attest|delete|credit|pay|remind|collect|doubtful|write-off|offset|attach|pdf`
struct InvoiceCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "invoice", abstract: "Invoices, credit notes and standalone credits, from draft to paid.",
    subcommands: [
      InvoiceNew.self, InvoiceList.self, InvoiceShow.self, InvoiceUpdate.self, InvoiceAttest.self,
      InvoiceDelete.self, InvoiceCredit.self, InvoicePay.self, InvoiceRemind.self,
      InvoiceCollect.self,
      InvoiceDoubtful.self, InvoiceWriteOff.self, InvoiceOffset.self, InvoiceAttach.self,
      InvoicePDF.self,
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
      "A line: PRODUCT:QUANTITY, or key=value pairs (product, description, quantity, price, vat, discount, unit, cc, project, category=interest).",
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
