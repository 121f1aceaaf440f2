import Basics
import PDF

/// The PDFs of a book's documents: invoices, credit notes and reminders (and, in
/// ``SelfInvoiceRenderer``, self-invoices), on A4 with the standard fonts. The same record and
/// style always give the same bytes.
public enum InvoiceRenderer {
  /// An invoice, credit note or standalone credit, in the current layout.
  public static func invoice(_ record: InvoiceRecord, in state: BookState) -> [UInt8] {
    invoice(record, in: state, style: .of(record, in: state))
  }

  /// An invoice, credit note or standalone credit.
  public static func invoice(_ record: InvoiceRecord, in state: BookState, style: DocumentStyle)
    -> [UInt8]
  {
    let invoice = record.invoice
    let settings = style.settings
    let labels = style.labels
    let second = style.edition >= 2
    let customer = record.recipient ?? state.customers[invoice.customer]
    var layout = DocumentLayout(style: style, footer: DocumentParts.footer(style))
    let isDraft = record.state == .draft
    if second && isDraft { layout.mark = labels.draftMark }
    var facts: [(String, String)] = [
      (labels.invoiceNumber, invoice.number.map(String.init) ?? "\(labels.draft) \(invoice.id)"),
      (labels.invoiceDate, invoice.invoiceDate.iso),
    ]
    if case .creditNote(let original) = invoice.kind, let source = state.invoices[original] {
      facts.append((labels.credits, source.invoice.displayName))
    } else if !invoice.kind.isCredit {
      facts.append((labels.dueDate, invoice.dueDate.iso))
      if let ocr = invoice.ocr { facts.append((labels.ocr, ocr)) }
    }
    facts.append((labels.customerNumber, invoice.customer))
    if let reference = invoice.reference { facts.append((labels.yourReference, reference)) }
    if let number = customer?.vatNumber { facts.append((labels.yourVATNumber, number)) }
    layout.header(
      sender: DocumentParts.sender(settings), title: labels.title(invoice.kind), facts: facts,
      recipient: DocumentParts.recipient(customer, fallback: invoice.customer))
    if let text = invoice.text {
      layout.canvas.text(text, x: layout.margin, y: layout.y, size: 10)
      layout.y -= 300
    }
    DocumentParts.lineTable(invoice.lines, style: style, into: &layout)
    DocumentParts.totals(
      invoice.totals, currency: invoice.currency, style: style,
      credit: second && invoice.kind.isCredit, into: &layout)
    if let note = labels.vatNote(invoice.saleType) {
      layout.ensure(300)
      layout.canvas.text(note, x: layout.margin, y: layout.y, font: .bold, size: 9)
      layout.y -= 200
    }
    if let rate = invoice.exchangeRate {
      layout.canvas.text(
        labels.exchangeRate(invoice.currency, rate.printed), x: layout.margin, y: layout.y,
        size: 9)
      layout.y -= 200
    }
    if !invoice.attachments.isEmpty {
      layout.ensure(300)
      layout.canvas.text(
        "\(labels.attachments): " + invoice.attachments.map(\.fileName).joined(separator: ", "),
        x: layout.margin, y: layout.y, size: 9)
      layout.y -= 200
    }
    if invoice.kind.isCredit {
      layout.ensure(300)
      layout.canvas.text(labels.notToBePaid, x: layout.margin, y: layout.y, font: .bold, size: 10)
    } else if second && isDraft {
      layout.ensure(300)
      layout.canvas.text(labels.draftNote, x: layout.margin, y: layout.y, font: .bold, size: 10)
    } else {
      DocumentParts.paymentSlip(
        total: invoice.totals.total, currency: invoice.currency, due: invoice.dueDate,
        ocr: invoice.ocr, style: style, into: &layout)
    }
    return layout.finish(title: "\(labels.title(invoice.kind)) \(invoice.displayName)")
  }

  /// The reminder with index `index` (0 the first) of an invoice, in the current layout.
  public static func reminder(_ record: InvoiceRecord, index: Int, in state: BookState) -> [UInt8] {
    reminder(record, index: index, in: state, style: .of(record, in: state))
  }

  /// The reminder with index `index` (0 the first) of an invoice.
  public static func reminder(
    _ record: InvoiceRecord, index: Int, in state: BookState, style: DocumentStyle
  ) -> [UInt8] {
    let invoice = record.invoice
    let labels = style.labels
    let reminder = record.reminders[index]
    let due = reminder.date.adding(days: ReminderPlan.reminderTermsDays)
    var layout = DocumentLayout(style: style, footer: DocumentParts.footer(style))
    layout.header(
      sender: DocumentParts.sender(style.settings),
      title: index == 0 ? labels.reminder : "\(labels.reminder) \(index + 1)",
      facts: [
        (labels.date, reminder.date.iso), (labels.invoice, invoice.displayName),
        (labels.fellDue, invoice.dueDate.iso), (labels.ocr, invoice.ocr ?? "-"),
        (labels.customerNumber, invoice.customer),
      ],
      recipient: DocumentParts.recipient(
        record.recipient ?? state.customers[invoice.customer], fallback: invoice.customer))
    layout.canvas.text(
      labels.reminderText(invoice.displayName, due.iso), x: layout.margin, y: layout.y, size: 10)
    layout.y -= 400
    // What is owed: the open amount after this reminder, as the book knew it when it was sent.
    let (paid, credited) = record.reminderStatements[index]
    let earlierFees = record.reminders.prefix(index).reduce(Amount.zero) { $0 + $1.fee }
    var rows: [(String, Amount)] = [(labels.invoiceAmount, invoice.totals.total)]
    if !paid.isZero { rows.append((labels.paid, -paid)) }
    if !credited.isZero { rows.append((labels.creditedSoFar, -credited)) }
    if !earlierFees.isZero { rows.append((labels.earlierFees, earlierFees)) }
    if !reminder.fee.isZero { rows.append((labels.reminderFee, reminder.fee)) }
    let total = rows.reduce(Amount.zero) { $0 + $1.1 }
    for (label, amount) in rows {
      layout.canvas.text(label, x: 3300, y: layout.y, size: 10)
      layout.canvas.rightText(
        amount.printed(invoice.currency), x: layout.right, y: layout.y, size: 10)
      layout.y -= 160
    }
    layout.canvas.line(from: 3300, layout.y + 100, to: layout.right, layout.y + 100)
    layout.canvas.text(labels.toPay, x: 3300, y: layout.y - 50, font: .bold, size: 11)
    layout.canvas.rightText(
      total.printed(invoice.currency), x: layout.right, y: layout.y - 50, font: .bold, size: 11)
    layout.y -= 400
    DocumentParts.paymentSlip(
      total: total, currency: invoice.currency, due: due, ocr: invoice.ocr, style: style,
      into: &layout)
    return layout.finish(
      title: "\(labels.reminder) \(labels.invoice.lowercased()) \(invoice.displayName)")
  }

  /// A self-invoice, in the current layout.
  public static func selfInvoice(_ record: SelfInvoiceRecord, in state: BookState) -> [UInt8] {
    SelfInvoiceRenderer.selfInvoice(record, in: state, style: .of(record, in: state))
  }
}
