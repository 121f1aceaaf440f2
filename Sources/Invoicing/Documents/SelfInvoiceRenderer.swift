import Basics
import PDF

/// The PDF of a self-invoice: issued by the creditor (the buyer) in the payee's (the seller's)
/// name, so the seller's identity heads it and fills its footer (edition 2); a correction
/// (rättelse) names the self-invoice it corrects.
public enum SelfInvoiceRenderer {
  public static func selfInvoice(
    _ record: SelfInvoiceRecord, in state: BookState, style: DocumentStyle
  ) -> [UInt8] {
    let selfInvoice = record.selfInvoice
    let settings = style.settings
    let second = style.edition >= 2
    let payee = (second ? record.payee : nil) ?? state.customers[selfInvoice.payee]
    var seller = [payee?.name ?? selfInvoice.payee]
    seller += payee?.address.lines ?? []
    if let number = payee?.organizationNumber { seller.append("Org.nr \(number)") }
    if second, let number = payee?.vatNumber { seller.append("Momsreg.nr \(number)") }
    var layout =
      second
      ? DocumentLayout(style: style, footer: sellerFooter(payee, name: selfInvoice.payee))
      : DocumentLayout(footer: DocumentParts.footer(style))
    if second && record.state == .draft { layout.mark = "UTKAST" }
    // The document is in the seller's name: the buyer's logo does not head it.
    layout.logo = nil
    let original = selfInvoice.corrects.flatMap { state.selfInvoices[$0]?.selfInvoice }
    // Edition 2 prints the document as issued: its own amount and the payout day it named.
    let payoutDate =
      second ? record.issuedPayoutDate ?? selfInvoice.payoutDate : selfInvoice.payoutDate
    let payoutAmount = second ? selfInvoice.totals.total : record.payoutAmount
    var facts = [
      ("Fakturanummer", selfInvoice.number ?? "Utkast \(selfInvoice.id)"),
      ("Fakturadatum", selfInvoice.invoiceDate.iso),
    ]
    if let original {
      facts.append(("Rättar", original.displayName))
    } else {
      facts.append(("Utbetalningsdag", payoutDate.iso))
    }
    facts.append(("Säljare", selfInvoice.payee))
    layout.header(
      sender: seller, title: original == nil ? "Självfaktura" : "Rättelse",
      facts: facts,
      recipient: [settings.name] + settings.address.lines + [
        "Org.nr \(settings.organizationNumber)"
      ] + (second ? settings.vatNumber.map { ["Momsreg.nr \($0)"] } ?? [] : []))
    layout.canvas.text("Självfakturering", x: layout.margin, y: layout.y, font: .bold, size: 10)
    layout.y -= 200
    layout.canvas.text(
      "Fakturan är utfärdad av köparen \(settings.name) i säljarens namn enligt avtal.",
      x: layout.margin, y: layout.y, size: 9)
    layout.y -= 300
    if second, let original {
      layout.canvas.text(
        "Rättelse av självfaktura \(original.displayName) av \(original.invoiceDate.iso): det som ändras.",
        x: layout.margin, y: layout.y, size: 9)
      layout.y -= 300
    }
    if second, let text = selfInvoice.text {
      layout.canvas.text(text, x: layout.margin, y: layout.y, size: 10)
      layout.y -= 300
    }
    DocumentParts.lineTable(selfInvoice.lines, style: style, into: &layout)
    DocumentParts.totals(
      selfInvoice.totals, currency: "SEK", style: style,
      totalLabel: second && original != nil ? "Ändring att betala" : nil, into: &layout)
    guard original == nil else {
      return layout.finish(title: "Rättelse \(selfInvoice.displayName)")
    }
    layout.ensure(500)
    layout.canvas.text("Utbetalas", x: 3300, y: layout.y, font: .bold, size: 10)
    layout.canvas.rightText(
      payoutAmount.printed("SEK"), x: layout.right, y: layout.y, font: .bold, size: 10)
    layout.y -= 160
    if let bankgiro = payee?.bankgiro {
      layout.canvas.text(
        "Till bankgiro \(bankgiro) den \(payoutDate.iso)", x: 3300, y: layout.y, size: 9
      )
    }
    return layout.finish(title: "Självfaktura \(selfInvoice.displayName)")
  }

  /// The seller's identity: the self-invoice is in the seller's name. Whether the seller is
  /// approved for F-skatt is the seller's to say; it is not printed.
  static func sellerFooter(_ payee: Customer?, name: String) -> [String] {
    var first = [payee?.name ?? name]
    if let number = payee?.organizationNumber { first.append("Org.nr \(number)") }
    if let number = payee?.vatNumber { first.append("Momsreg.nr \(number)") }
    var second = payee?.address.lines ?? []
    if let email = payee?.email { second.append(email) }
    return [first.joined(separator: " · "), second.joined(separator: " · ")].filter {
      !$0.isEmpty
    }
  }
}
