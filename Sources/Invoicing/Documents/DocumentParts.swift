import Basics
import PDF

/// The parts business documents share: sender and recipient blocks, the footer, the line
/// table, the totals and the payment box.
enum DocumentParts {
  static func sender(_ settings: CreditorSettings) -> [String] {
    [settings.name] + settings.address.lines
  }

  static func recipient(_ customer: Customer?, fallback: String) -> [String] {
    guard let customer else { return [fallback] }
    return [customer.name] + customer.address.lines
  }

  /// The seller's identity, contact and accounts. Edition 2 prints F-skatt only when the
  /// company has it, the registered office, IBAN and BIC, and in client-funds mode no account
  /// of the company's own (customers pay the client-funds account in the payment box).
  static func footer(_ style: DocumentStyle) -> [String] {
    let settings = style.settings
    let labels = style.labels
    let second = style.edition >= 2
    var first = [settings.name, "\(labels.registrationNumber) \(settings.organizationNumber)"]
    if let vat = settings.vatNumber { first.append("\(labels.vatNumber) \(vat)") }
    if !second || settings.fSkatt { first.append(labels.fSkatt) }
    if second, let office = settings.registeredOffice {
      first.append("\(labels.registeredOffice): \(office)")
    }
    var second_ = settings.address.lines
    if let email = settings.email { second_.append(email) }
    if let phone = settings.phone { second_.append(phone) }
    var third = [String]()
    if !second || settings.paymentMode != .clientFunds {
      if let bankgiro = settings.bankgiro { third.append("Bankgiro \(bankgiro)") }
      if let plusgiro = settings.plusgiro { third.append("Plusgiro \(plusgiro)") }
    }
    if second && settings.paymentMode != .clientFunds {
      if let iban = settings.iban { third.append("IBAN \(iban)") }
      if let bic = settings.bic { third.append("BIC \(bic)") }
    }
    return [
      first.joined(separator: " · "), second_.joined(separator: " · "),
      third.joined(separator: " · "),
    ]
    .filter { !$0.isEmpty }
  }

  /// The lines: description, quantity, unit, price, discount, VAT and amount. Cost-centre and
  /// project codes are printed in edition 1, and in edition 2 only when the settings ask.
  static func lineTable(
    _ lines: [InvoiceLine], style: DocumentStyle, into layout: inout DocumentLayout
  ) {
    let titles = style.labels.columns
    let columns: [(String, Tenths, Bool)] = [
      (titles[0], layout.margin, false), (titles[1], 3100, true), (titles[2], 3200, false),
      (titles[3], 4000, true), (titles[4], 4450, true), (titles[5], 4850, true),
      (titles[6], layout.right, true),
    ]
    let showsDimensions = style.edition < 2 || style.settings.printDimensions
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
      let extra =
        showsDimensions
        ? [
          line.costCentre.map { "\(style.labels.costCentre) \($0)" },
          line.project.map { "\(style.labels.project) \($0)" },
        ]
        .compactMap { $0 } : []
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

  /// Net, VAT per rate (on each rate's net), rounding and the total: "Att betala", or for a
  /// credit in edition 2 "Krediteras" and what is credited.
  static func totals(
    _ totals: InvoiceTotals, currency: String, style: DocumentStyle, credit: Bool = false,
    totalLabel: String? = nil, into layout: inout DocumentLayout
  ) {
    let labels = style.labels
    layout.ensure(300 + 160 * (totals.rates.count + 3))
    func row(_ label: String, _ amount: Amount, bold: Bool = false) {
      layout.canvas.text(
        label, x: 3300, y: layout.y, font: bold ? .bold : .regular, size: bold ? 11 : 10)
      layout.canvas.rightText(
        amount.printed(currency), x: layout.right, y: layout.y, font: bold ? .bold : .regular,
        size: bold ? 11 : 10)
      layout.y -= bold ? 220 : 160
    }
    row(labels.net, totals.net)
    for rate in totals.rates where rate.rate != .zero || totals.rates.count > 1 {
      row(labels.vat(rate.rate.percent, on: rate.net.swedishFormatted), rate.vat)
    }
    if !totals.rounding.isZero { row(labels.rounding, totals.rounding) }
    layout.canvas.line(from: 3300, layout.y + 120, to: layout.right, layout.y + 120, width: 8)
    layout.y -= 60
    if let totalLabel {
      row(totalLabel, totals.total, bold: true)
    } else if credit {
      row(labels.credited, Amount.zero - totals.total, bold: true)
    } else {
      row(labels.toPay, totals.total, bold: true)
    }
    layout.y -= 200
  }

  /// The payment details: where to pay, the OCR, the amount and the due date.
  static func paymentSlip(
    total: Amount, currency: String, due: Day, ocr: String?, style: DocumentStyle,
    into layout: inout DocumentLayout
  ) {
    let settings = style.settings
    let labels = style.labels
    // Edition 2 leaves room between the box and the line above it.
    if style.edition >= 2 { layout.y -= 150 }
    layout.ensure(1100)
    let top = layout.y
    layout.canvas.fill(
      x: layout.margin - 50, y: top - 900, width: layout.right - layout.margin + 100, height: 1100,
      grey: 950)
    layout.canvas.text(labels.payment, x: layout.margin, y: top, font: .bold, size: 11)
    let clientFunds = settings.paymentMode == .clientFunds
    let bankgiro = clientFunds ? settings.clientFundsBankgiro : settings.bankgiro
    let payee = clientFunds ? labels.clientFunds(settings.name) : settings.name
    let rows: [(String, String)] = [
      ("Bankgiro", bankgiro ?? "-"), (labels.payee, payee), (labels.ocrNumber, ocr ?? "-"),
      (labels.amount, total.printed(currency)), (labels.dueDate, due.iso),
    ]
    // From abroad: the company's IBAN and BIC (not in client-funds mode, where customers pay
    // the service's account).
    if style.edition >= 2 && !clientFunds, let iban = settings.iban {
      layout.canvas.text("IBAN \(iban)", x: 3300, y: top - 400, size: 9)
      if let bic = settings.bic { layout.canvas.text("BIC \(bic)", x: 3300, y: top - 540, size: 9) }
    }
    var y = top - 200
    for (label, value) in rows {
      layout.canvas.text(label, x: layout.margin, y: y, size: 9)
      layout.canvas.text(value, x: layout.margin + 1300, y: y, font: .bold, size: 10)
      y -= 140
    }
    layout.canvas.text(labels.quoteOCR, x: 3300, y: top - 200, size: 9)
    layout.y = y - 200
  }
}
