import Basics
import Invoicing

/// How an invoice is named on the command line.
let invoiceHelp = "The invoice: its number, its external id, or d<id> for a draft."

/// The book and the invoice a command works on: `[--book DIR] <invoice>`.
struct InvoiceTarget: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Argument(help: invoiceHelp) var invoice: String
}

/// A command on one invoice.
protocol InvoiceCommandBase: Command {
  var target: InvoiceTarget { get }
}

extension InvoiceCommandBase {
  var directory: String { target.bookOptions.directory }
  var invoice: String { target.invoice }
}

/// The options that set an invoice's fields (`new` and `update`).
struct InvoiceFields: ParsableArguments {
  @Option(value: "number", help: "The customer.") var customer: String?
  @Option(help: "The invoice date (default: today).") var date: Day?
  @Option(help: "The due date (default: from the payment terms).") var due: Day?
  @Option(
    value: "spec",
    help:
      "A line: PRODUCT:QUANTITY, or key=value pairs (product, description, quantity, price, vat, discount, unit, cc, project, category=interest)."
  )
  var line: [String] = []
  @Option(value: "id", help: "Your own id for the invoice.") var externalId: String?
  @Option(value: "XXX", help: "The currency (default: the customer's or SEK).")
  var currency: String?
  @Option(help: "SEK per unit of the currency.") var rate: ExactDecimal?
  @Option(help: "The customer's reference.") var reference: String?
  @Option(help: "A text printed above the lines.") var text: String?
  @Option(
    name: "reminder-date",
    help: "The day of the first reminder (after the due date); sietool run-due sends it then.")
  var reminderDate: Day?

  /// The `--line` specifications, read.
  func lines() throws(UsageError) -> [LineInput] { try lineInputs(line) }
}

struct InvoiceNew: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "Draft an invoice (or, with --credit, a standalone credit).",
    discussion:
      "Example: sietool invoice new --customer K1 --date 2025-03-10 --line TJ:8 --line 'description=Resa,price=450.00,vat=25'"
  )

  @OptionGroup var bookOptions: BookOptions
  @OptionGroup var fields: InvoiceFields
  @Flag(help: "A standalone credit: negative quantities or prices.") var credit: Bool
  @Flag(help: "Attest it at once.") var attest: Bool

  mutating func validate() throws(UsageError) {
    guard fields.customer != nil else {
      throw UsageError(.missingValue, .field("customer"), "missing --customer")
    }
    guard try !fields.lines().isEmpty else {
      throw UsageError(
        .missingValue, .field("line"), "missing --line; an invoice needs at least one")
    }
  }

  func input(today: Day) -> InvoiceInput {
    InvoiceInput(
      externalId: fields.externalId, customer: fields.customer!, invoiceDate: fields.date ?? today,
      dueDate: fields.due, lines: (try? fields.lines()) ?? [], currency: fields.currency,
      exchangeRate: fields.rate, reference: fields.reference, text: fields.text,
      reminderDate: fields.reminderDate, isCredit: credit)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let input = input(today: book.today)
    let (id, number) = try book.transact { transaction -> (Int, Int?) in
      let id = try transaction.draft(input)
      return (id, attest ? try transaction.attest(id, on: input.invoiceDate) : nil)
    }
    let record = book.state.invoices[id]!
    if let number {
      console.print(
        "invoice \(number) attested: \(record.invoice.totals.total.swedishFormatted) due \(record.invoice.dueDate), OCR \(record.invoice.ocr ?? "")"
      )
    } else {
      console.print("draft d\(id): \(record.invoice.totals.total.swedishFormatted)")
    }
    if let number {
      warnOfMissingParticulars(id, number: String(number), in: book.state, console: console)
      try placeWaitingPayments(book, console: console)
    }
    return 0
  }
}

struct InvoiceUpdate: InvoiceCommandBase {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Change a draft; what is not given stays.")

  @OptionGroup var target: InvoiceTarget
  @OptionGroup var fields: InvoiceFields

  mutating func validate() throws(UsageError) { _ = try fields.lines() }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let record = try invoiceRecord(invoice, in: book.state)
    let old = record.invoice
    let input = InvoiceInput(
      externalId: fields.externalId ?? old.externalId,
      customer: fields.customer ?? old.customer,
      invoiceDate: fields.date ?? old.invoiceDate,
      dueDate: fields.due ?? (fields.date == nil ? old.dueDate : nil),
      lines: try fields.lines().isEmpty
        ? old.lines.map {
          LineInput(
            product: $0.product, description: $0.description, quantity: $0.quantity, unit: $0.unit,
            unitPrice: $0.unitPrice, discountPercent: $0.discountPercent, vatRate: $0.vatRate,
            costCentre: $0.costCentre, project: $0.project)
        } : try fields.lines(),
      currency: fields.currency ?? old.currency,
      exchangeRate: fields.rate ?? old.exchangeRate,
      reference: fields.reference ?? old.reference,
      text: fields.text ?? old.text,
      reminderDate: fields.reminderDate ?? old.reminderDate,
      isCredit: old.kind == .credit)
    try book.transact { try $0.updateDraft(old.id, with: input) }
    console.print(
      "updated draft d\(old.id): \(book.state.invoices[old.id]!.invoice.totals.total.swedishFormatted)"
    )
    return 0
  }
}

struct InvoiceList: ReadsBook {
  static let configuration = CommandConfiguration(name: "list", abstract: "List invoices.")

  @OptionGroup var reading: BookReading
  @Option(help: "Only invoices in this state.") var state: InvoiceState?
  @Option(value: "number", help: "Only this customer's invoices.") var customer: String?

  func records(_ book: BookState) -> [InvoiceRecord] {
    book.allInvoices.filter {
      (state == nil || $0.state == state) && (customer == nil || $0.invoice.customer == customer)
    }
  }

  func json(_ book: BookState) -> JSONValue { .array(records(book).map(\.summaryJSON)) }
  func text(_ book: BookState) -> [String] { InvoiceTable.lines(records(book)) }
}

struct InvoiceShow: ReadsBook {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show an invoice: lines, VAT, payments, credits, reminders.")

  @OptionGroup var reading: BookReading
  @Argument(help: invoiceHelp) var invoice: String

  func json(_ state: BookState) throws -> JSONValue {
    try invoiceRecord(invoice, in: state).detailJSON
  }

  func text(_ state: BookState) throws -> [String] {
    let record = try invoiceRecord(invoice, in: state)
    let invoice = record.invoice
    var lines = [
      "\(invoice.title) \(invoice.displayName) for \(invoice.customer): \(record.state.rawValue)",
      "  dated \(invoice.invoiceDate), due \(invoice.dueDate)"
        + (invoice.ocr.map { ", OCR \($0)" } ?? ""),
    ]
    var table = TextTable(
      ["line", "quantity", "price", "VAT", "net"],
      rightAligned: ["quantity", "price", "VAT", "net"])
    for line in invoice.lines {
      // A package's VAT is that of its parts.
      var rates = [Int]()
      for part in line.parts.isEmpty ? [] : line.parts where !rates.contains(part.vatRate.percent) {
        rates.append(part.vatRate.percent)
      }
      if rates.isEmpty { rates = [line.vatRate.percent] }
      table.append([
        line.description, line.quantity.description, line.unitPrice.swedishFormatted,
        rates.map { "\($0) %" }.joined(separator: " + "), line.net.swedishFormatted,
      ])
    }
    lines += table.lines.map { "  " + $0 }
    let totals = invoice.totals
    for rate in totals.rates {
      lines.append(
        "  VAT \(rate.rate.percent) % on \(rate.net.swedishFormatted): \(rate.vat.swedishFormatted)"
      )
    }
    if !totals.rounding.isZero { lines.append("  rounding: \(totals.rounding.swedishFormatted)") }
    lines.append(
      "  total: \(totals.total.swedishFormatted) \(invoice.currency), open: \(record.open.swedishFormatted)"
    )
    for payment in record.payments {
      lines.append(
        "  paid \(payment.received.swedishFormatted) on \(payment.date) (\(payment.means.rawValue))"
      )
    }
    for reminder in record.reminders {
      lines.append("  reminded on \(reminder.date), fee \(reminder.fee.swedishFormatted)")
    }
    for credit in record.credits {
      lines.append("  credited \(credit.amount.swedishFormatted) on \(credit.date)")
    }
    return lines
  }
}

/// `sietool invoice attach d1 FILE.pdf [--cover]`
struct InvoiceAttach: InvoiceCommandBase {
  static let configuration = CommandConfiguration(
    name: "attach", abstract: "Attach a PDF (at most 10 MiB) to a draft: appendix or cover.")

  @OptionGroup var target: InvoiceTarget
  @Argument(help: "The PDF.") var file: String
  @Flag(help: "Put it before the invoice (cover sheet).") var cover: Bool

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let record = try invoiceRecord(invoice, in: book.state)
    guard record.state == .draft else {
      throw BookError(
        .invoiceAttested, .invoice(record.invoice.displayName),
        "invoice \(record.invoice.displayName) is attested; attachments go on drafts")
    }
    let attachment = try book.storeAttachment(
      try FilePath.readRegularFile(file, limit: Book.maximumAttachmentSize), fileName: file,
      placement: cover ? .cover : .appendix)
    try book.transact { try $0.attach(attachment, to: record.invoice.id) }
    console.print(
      "attached \(attachment.fileName) (\(attachment.size) bytes) to d\(record.invoice.id)")
    return 0
  }
}
