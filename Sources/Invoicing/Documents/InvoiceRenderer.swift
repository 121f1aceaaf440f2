import Basics
import PDF

/// The PDFs of a book's documents: invoices, credit notes, reminders and self-invoices, on A4
/// with the standard fonts. The same record always gives the same bytes.
public enum InvoiceRenderer {
  /// An invoice, credit note or standalone credit.
  public static func invoice(_ record: InvoiceRecord, in state: BookState) -> [UInt8] {
    let invoice = record.invoice
    let settings = state.settings
    let customer = record.recipient ?? state.customers[invoice.customer]
    var layout = DocumentLayout(footer: footer(settings))
    var facts: [(String, String)] = [
      ("Fakturanummer", invoice.number.map(String.init) ?? "Utkast \(invoice.id)"),
      ("Fakturadatum", invoice.invoiceDate.iso),
    ]
    if case .creditNote(let original) = invoice.kind, let source = state.invoices[original] {
      facts.append(("Krediterar faktura", source.invoice.displayName))
    } else if !invoice.kind.isCredit {
      facts.append(("Förfallodatum", invoice.dueDate.iso))
      if let ocr = invoice.ocr { facts.append(("OCR", ocr)) }
    }
    facts.append(("Kundnummer", invoice.customer))
    if let reference = invoice.reference { facts.append(("Er referens", reference)) }
    if let number = customer?.vatNumber { facts.append(("Ert momsreg.nr", number)) }
    layout.header(
      sender: sender(settings), title: invoice.title, facts: facts,
      recipient: recipient(customer, fallback: invoice.customer))
    if let text = invoice.text {
      layout.canvas.text(text, x: layout.margin, y: layout.y, size: 10)
      layout.y -= 300
    }
    lineTable(invoice.lines, currency: invoice.currency, into: &layout)
    totals(invoice.totals, currency: invoice.currency, into: &layout)
    if let note = invoice.saleType.vatNote {
      layout.ensure(300)
      layout.canvas.text(note, x: layout.margin, y: layout.y, font: .bold, size: 9)
      layout.y -= 200
    }
    if let rate = invoice.exchangeRate {
      layout.canvas.text(
        "Växelkurs: 1 \(invoice.currency) = \(rate.printed) SEK", x: layout.margin, y: layout.y,
        size: 9)
      layout.y -= 200
    }
    if !invoice.attachments.isEmpty {
      layout.ensure(300)
      layout.canvas.text(
        "Bilagor: " + invoice.attachments.map(\.fileName).joined(separator: ", "), x: layout.margin,
        y: layout.y, size: 9)
      layout.y -= 200
    }
    if invoice.kind.isCredit {
      layout.ensure(300)
      layout.canvas.text(
        "Kreditfakturan ska inte betalas.", x: layout.margin, y: layout.y, font: .bold, size: 10)
    } else {
      paymentSlip(
        total: invoice.totals.total, currency: invoice.currency, due: invoice.dueDate,
        ocr: invoice.ocr,
        settings: settings, into: &layout)
    }
    return layout.finish(title: "\(invoice.title) \(invoice.displayName)")
  }

  /// The reminder with index `index` (0 the first) of an invoice.
  public static func reminder(_ record: InvoiceRecord, index: Int, in state: BookState) -> [UInt8] {
    let invoice = record.invoice
    let settings = state.settings
    let reminder = record.reminders[index]
    let due = reminder.date.adding(days: ReminderPlan.reminderTermsDays)
    var layout = DocumentLayout(footer: footer(settings))
    layout.header(
      sender: sender(settings), title: index == 0 ? "Påminnelse" : "Påminnelse \(index + 1)",
      facts: [
        ("Datum", reminder.date.iso), ("Faktura", invoice.displayName),
        ("Förföll", invoice.dueDate.iso), ("OCR", invoice.ocr ?? "-"),
        ("Kundnummer", invoice.customer),
      ],
      recipient: recipient(
        record.recipient ?? state.customers[invoice.customer], fallback: invoice.customer))
    layout.canvas.text(
      "Vi har ännu inte fått betalt för faktura \(invoice.displayName). Vänligen betala senast \(due.iso).",
      x: layout.margin, y: layout.y, size: 10)
    layout.y -= 400
    // What is owed: the open amount as it stood after this reminder.
    let paid = record.payments.filter { $0.date <= reminder.date }.reduce(Amount.zero) {
      $0 + $1.applied + $1.rounding
    }
    let credited = record.credits.filter { $0.date <= reminder.date }.reduce(Amount.zero) {
      $0 + $1.amount
    }
    let earlierFees = record.reminders.prefix(index).reduce(Amount.zero) { $0 + $1.fee }
    var rows: [(String, Amount)] = [("Fakturabelopp", invoice.totals.total)]
    if !paid.isZero { rows.append(("Betalt", -paid)) }
    if !credited.isZero { rows.append(("Krediterat", -credited)) }
    if !earlierFees.isZero { rows.append(("Tidigare påminnelseavgifter", earlierFees)) }
    if !reminder.fee.isZero { rows.append(("Påminnelseavgift", reminder.fee)) }
    let total = rows.reduce(Amount.zero) { $0 + $1.1 }
    for (label, amount) in rows {
      layout.canvas.text(label, x: 3300, y: layout.y, size: 10)
      layout.canvas.rightText(
        amount.printed(invoice.currency), x: layout.right, y: layout.y, size: 10)
      layout.y -= 160
    }
    layout.canvas.line(from: 3300, layout.y + 100, to: layout.right, layout.y + 100)
    layout.canvas.text("Att betala", x: 3300, y: layout.y - 50, font: .bold, size: 11)
    layout.canvas.rightText(
      total.printed(invoice.currency), x: layout.right, y: layout.y - 50, font: .bold, size: 11)
    layout.y -= 400
    paymentSlip(
      total: total, currency: invoice.currency, due: due, ocr: invoice.ocr, settings: settings,
      into: &layout)
    return layout.finish(title: "Påminnelse faktura \(invoice.displayName)")
  }

  /// A self-invoice: issued by the creditor in the payee's (the seller's) name.
  public static func selfInvoice(_ record: SelfInvoiceRecord, in state: BookState) -> [UInt8] {
    let selfInvoice = record.selfInvoice
    let settings = state.settings
    let payee = state.customers[selfInvoice.payee]
    var seller = [payee?.name ?? selfInvoice.payee]
    seller += payee?.address.lines ?? []
    if let number = payee?.organizationNumber { seller.append("Org.nr \(number)") }
    var layout = DocumentLayout(footer: footer(settings))
    layout.header(
      sender: seller, title: "Självfaktura",
      facts: [
        ("Fakturanummer", selfInvoice.number ?? "Utkast \(selfInvoice.id)"),
        ("Fakturadatum", selfInvoice.invoiceDate.iso),
        ("Utbetalningsdag", selfInvoice.payoutDate.iso),
        ("Säljare", selfInvoice.payee),
      ],
      recipient: [settings.name] + settings.address.lines + [
        "Org.nr \(settings.organizationNumber)"
      ])
    layout.canvas.text("Självfakturering", x: layout.margin, y: layout.y, font: .bold, size: 10)
    layout.y -= 200
    layout.canvas.text(
      "Fakturan är utfärdad av köparen \(settings.name) i säljarens namn enligt avtal.",
      x: layout.margin, y: layout.y, size: 9)
    layout.y -= 300
    lineTable(selfInvoice.lines, currency: "SEK", into: &layout)
    totals(selfInvoice.totals, currency: "SEK", into: &layout)
    layout.ensure(500)
    layout.canvas.text("Utbetalas", x: 3300, y: layout.y, font: .bold, size: 10)
    layout.canvas.rightText(
      record.payoutAmount.printed("SEK"), x: layout.right, y: layout.y, font: .bold, size: 10)
    layout.y -= 160
    if let bankgiro = payee?.bankgiro {
      layout.canvas.text(
        "Till bankgiro \(bankgiro) den \(selfInvoice.payoutDate.iso)", x: 3300, y: layout.y, size: 9
      )
    }
    return layout.finish(title: "Självfaktura \(selfInvoice.displayName)")
  }

  // MARK: Parts

  static func sender(_ settings: CreditorSettings) -> [String] {
    [settings.name] + settings.address.lines
  }

  static func recipient(_ customer: Customer?, fallback: String) -> [String] {
    guard let customer else { return [fallback] }
    return [customer.name] + customer.address.lines
  }

  static func footer(_ settings: CreditorSettings) -> [String] {
    var first = [settings.name, "Org.nr \(settings.organizationNumber)"]
    if let vat = settings.vatNumber { first.append("Momsreg.nr \(vat)") }
    first.append("Godkänd för F-skatt")
    var second = settings.address.lines
    if let email = settings.email { second.append(email) }
    if let phone = settings.phone { second.append(phone) }
    var third = [String]()
    if let bankgiro = settings.bankgiro { third.append("Bankgiro \(bankgiro)") }
    if let plusgiro = settings.plusgiro { third.append("Plusgiro \(plusgiro)") }
    return [
      first.joined(separator: " · "), second.joined(separator: " · "),
      third.joined(separator: " · "),
    ]
    .filter { !$0.isEmpty }
  }

  /// The lines: description, quantity, unit, price, discount, VAT and amount.
  static func lineTable(_ lines: [InvoiceLine], currency: String, into layout: inout DocumentLayout)
  {
    let columns: [(String, Tenths, Bool)] = [
      ("Beskrivning", layout.margin, false), ("Antal", 3100, true), ("Enhet", 3200, false),
      ("À-pris", 4000, true), ("Rabatt", 4450, true), ("Moms", 4850, true),
      ("Belopp", layout.right, true),
    ]
    func heading(_ layout: inout DocumentLayout) {
      layout.canvas.fill(
        x: layout.margin - 50, y: layout.y - 60, width: layout.right - layout.margin + 100,
        height: 220, grey: 900)
      for (title, x, right) in columns {
        if right {
          layout.canvas.rightText(title, x: x, y: layout.y, font: .bold, size: 9)
        } else {
          layout.canvas.text(title, x: x, y: layout.y, font: .bold, size: 9)
        }
      }
      layout.y -= 260
    }
    heading(&layout)
    for line in lines {
      let extra = [line.costCentre.map { "KS \($0)" }, line.project.map { "Projekt \($0)" }]
        .compactMap { $0 }
      layout.ensure(extra.isEmpty ? 200 : 320) { heading(&$0) }
      layout.canvas.clippedText(
        line.description, x: layout.margin, y: layout.y, width: 2200, size: 9)
      layout.canvas.rightText(line.quantity.printed, x: 3100, y: layout.y, size: 9)
      layout.canvas.text(line.unit, x: 3200, y: layout.y, size: 9)
      layout.canvas.rightText(line.unitPrice.swedishFormatted, x: 4000, y: layout.y, size: 9)
      if let discount = line.discountPercent {
        layout.canvas.rightText("\(discount.printed) %", x: 4450, y: layout.y, size: 9)
      }
      let rates = Set(line.vatParts.map(\.rate)).sorted(by: >).map { "\($0.percent) %" }.joined(
        separator: "/")
      layout.canvas.rightText(rates, x: 4850, y: layout.y, size: 9)
      layout.canvas.rightText(line.net.swedishFormatted, x: layout.right, y: layout.y, size: 9)
      layout.y -= 160
      if !extra.isEmpty {
        layout.canvas.text(
          extra.joined(separator: " · "), x: layout.margin + 100, y: layout.y, size: 7)
        layout.y -= 120
      }
    }
    layout.canvas.line(
      from: layout.margin, layout.y + 80, to: layout.right, layout.y + 80, width: 5)
    layout.y -= 200
  }

  /// Net, VAT per rate (on each rate's net), rounding and the total.
  static func totals(_ totals: InvoiceTotals, currency: String, into layout: inout DocumentLayout) {
    layout.ensure(300 + 160 * (totals.rates.count + 3))
    func row(_ label: String, _ amount: Amount, bold: Bool = false) {
      layout.canvas.text(
        label, x: 3300, y: layout.y, font: bold ? .bold : .regular, size: bold ? 11 : 10)
      layout.canvas.rightText(
        amount.printed(currency), x: layout.right, y: layout.y, font: bold ? .bold : .regular,
        size: bold ? 11 : 10)
      layout.y -= bold ? 220 : 160
    }
    row("Netto", totals.net)
    for rate in totals.rates where rate.rate != .zero || totals.rates.count > 1 {
      row("Moms \(rate.rate.percent) % på \(rate.net.swedishFormatted)", rate.vat)
    }
    if !totals.rounding.isZero { row("Öresavrundning", totals.rounding) }
    layout.canvas.line(from: 3300, layout.y + 120, to: layout.right, layout.y + 120, width: 8)
    layout.y -= 60
    row("Att betala", totals.total, bold: true)
    layout.y -= 200
  }

  /// The payment details: where to pay, the OCR, the amount and the due date.
  static func paymentSlip(
    total: Amount, currency: String, due: Day, ocr: String?, settings: CreditorSettings,
    into layout: inout DocumentLayout
  ) {
    layout.ensure(1100)
    let top = layout.y
    layout.canvas.fill(
      x: layout.margin - 50, y: top - 900, width: layout.right - layout.margin + 100, height: 1100,
      grey: 950)
    layout.canvas.text("Betalning", x: layout.margin, y: top, font: .bold, size: 11)
    let clientFunds = settings.paymentMode == .clientFunds
    let bankgiro = clientFunds ? settings.clientFundsBankgiro : settings.bankgiro
    let payee = clientFunds ? "Klientmedel för \(settings.name)" : settings.name
    let rows: [(String, String)] = [
      ("Bankgiro", bankgiro ?? "-"), ("Mottagare", payee), ("OCR-nummer", ocr ?? "-"),
      ("Belopp", total.printed(currency)), ("Förfallodatum", due.iso),
    ]
    var y = top - 200
    for (label, value) in rows {
      layout.canvas.text(label, x: layout.margin, y: y, size: 9)
      layout.canvas.text(value, x: layout.margin + 1300, y: y, font: .bold, size: 10)
      y -= 140
    }
    layout.canvas.text("Ange OCR-numret när du betalar.", x: 3300, y: top - 200, size: 9)
    layout.y = y - 200
  }
}
