import Basics
import PDF

/// Pages being laid out top-down: a cursor, page breaks, and the parts every business document
/// shares (sender block, title block, address window, footer).
struct DocumentLayout {
  private(set) var pages: [PDFCanvas] = []
  var canvas = PDFCanvas()
  /// The baseline of the next row.
  var y: Tenths = 0
  let margin: Tenths = 500
  var right: Tenths { PDFCanvas.a4Width - margin }
  /// Rows may go down to here; below is the footer.
  let bottom: Tenths = 1500
  let footer: [String]
  /// "Sida" or "Page".
  var pageLabel = "Sida"
  /// The logo, drawn at the top left of every page (edition 2).
  var logo: PDFImage?
  /// A mark across every page: UTKAST on drafts (edition 2).
  var mark: String?

  init(footer: [String]) { self.footer = footer }

  init(style: DocumentStyle, footer: [String]) {
    self.footer = footer
    pageLabel = style.labels.page
    logo = style.edition >= 2 ? style.logo : nil
  }

  /// Sender at the top left, title and facts at the top right, recipient in the address window.
  mutating func header(
    sender: [String], title: String, facts: [(String, String)], recipient: [String]
  ) {
    var top = PDFCanvas.a4Height - 600
    if let logo {
      // At most 18 mm high and 60 mm wide, in proportion, at the top left; the sender below.
      var height: Tenths = 510
      var width = logo.width * height / max(logo.height, 1)
      if width > 1700 {
        width = 1700
        height = logo.height * width / max(logo.width, 1)
      }
      let logoTop = PDFCanvas.a4Height - 400
      canvas.picture(x: margin, y: logoTop - height, width: width, height: height)
      top = min(top, logoTop - height - 250)
    }
    if let name = sender.first { canvas.text(name, x: margin, y: top, font: .bold, size: 14) }
    for line in sender.dropFirst() {
      top -= 130
      canvas.text(line, x: margin, y: top, size: 9)
    }
    var factY = PDFCanvas.a4Height - 600
    canvas.text(title, x: 3300, y: factY, font: .bold, size: 18)
    factY -= 260
    for (label, value) in facts {
      canvas.text(label, x: 3300, y: factY, size: 9)
      canvas.text(value, x: 4500, y: factY, font: .bold, size: 9)
      factY -= 135
    }
    var addressY = min(factY - 250, PDFCanvas.a4Height - 2000)
    for (index, line) in recipient.enumerated() {
      canvas.text(line, x: 3300, y: addressY, font: index == 0 ? .bold : .regular, size: 10)
      addressY -= 140
    }
    y = min(addressY, top) - 500
  }

  /// Starts a new page when fewer than `needed` tenths remain.
  mutating func ensure(_ needed: Tenths, continuation: (inout DocumentLayout) -> Void = { _ in }) {
    guard y - needed < bottom else { return }
    finishPage()
    y = PDFCanvas.a4Height - 700
    continuation(&self)
  }

  mutating func finishPage() {
    var footerY: Tenths = 900
    canvas.line(from: margin, footerY + 150, to: right, footerY + 150, width: 5)
    for line in footer {
      canvas.text(line, x: margin, y: footerY, size: 8)
      footerY -= 115
    }
    canvas.rightText("\(pageLabel) \(pages.count + 1)", x: right, y: 900, size: 8)
    if let mark {
      canvas.underlay { $0.text(mark, x: 1300, y: 3700, font: .bold, size: 96, grey: 900) }
    }
    pages.append(canvas)
    canvas = PDFCanvas()
  }

  mutating func finish(title: String) -> [UInt8] {
    finishPage()
    return PDFDocumentBuilder.document(pages: pages, title: title, image: logo)
  }
}

extension Amount {
  /// As printed on a document: `11 120,00`, with the currency when not SEK.
  func printed(_ currency: String) -> String {
    currency == "SEK" ? swedishFormatted : swedishFormatted + " " + currency
  }
}

extension ExactDecimal {
  /// `7,5`.
  var printed: String { description.replacingDot() }
}

extension String {
  func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
}
