/// The two standard fonts invoices use, in WinAnsi encoding (Windows-1252), so that å ä ö É
/// print without embedding a font.
public enum PDFFont: Sendable {
  case regular
  case bold

  /// The resource name in content streams.
  var resourceName: String { self == .regular ? "F1" : "F2" }
  /// The standard font it is.
  var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }

  /// Advance widths in thousandths of an em for ASCII 32–126 (the standard fonts' metrics).
  private static let regularWidths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ]
  private static let boldWidths: [Int] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ]

  /// The width of `text` at `size` points, in tenths of a point.
  public func width(_ text: String, size: Int) -> Tenths {
    let widths = self == .regular ? PDFFont.regularWidths : PDFFont.boldWidths
    var total = 0
    for scalar in text.unicodeScalars {
      let base = PDFFont.baseLetter(scalar)
      let value = Int(base.value)
      total += (32...126).contains(value) ? widths[value - 32] : 556
    }
    return total * size / 100
  }

  /// The unaccented letter whose width an accented Latin letter shares.
  static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "å", "ä", "à", "á", "â", "ã": "a"
    case "Å", "Ä", "À", "Á", "Â", "Ã": "A"
    case "ö", "ò", "ó", "ô", "õ", "ø": "o"
    case "Ö", "Ò", "Ó", "Ô", "Õ", "Ø": "O"
    case "é", "è", "ê", "ë": "e"
    case "É", "È", "Ê", "Ë": "E"
    case "ü", "ù", "ú", "û": "u"
    case "Ü", "Ù", "Ú", "Û": "U"
    case "í", "ì", "î", "ï": "i"
    case "ñ": "n"
    case "ç": "c"
    case "–", "—": "-"
    case "\u{00A0}": " "
    default: scalar
    }
  }

  /// `text` in Windows-1252 for a PDF string literal: `(`, `)` and `\` escaped, bytes above
  /// 0x7E as octal escapes, characters outside the code page as `?`.
  static func literal(_ text: String) -> String {
    var result = "("
    for scalar in text.unicodeScalars {
      let byte = winAnsi(scalar)
      switch byte {
      case UInt8(ascii: "("): result += "\\("
      case UInt8(ascii: ")"): result += "\\)"
      case UInt8(ascii: "\\"): result += "\\\\"
      case 0x20...0x7E: result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let octal = String(byte, radix: 8)
        result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      }
    }
    return result + ")"
  }

  /// The Windows-1252 byte of a character (`?` when it has none).
  static func winAnsi(_ scalar: Unicode.Scalar) -> UInt8 {
    let value = scalar.value
    if (0x20...0x7E).contains(value) || (0xA0...0xFF).contains(value) { return UInt8(value) }
    switch scalar {
    case "€": return 0x80
    case "‚": return 0x82
    case "„": return 0x84
    case "…": return 0x85
    case "‘": return 0x91
    case "’": return 0x92
    case "“": return 0x93
    case "”": return 0x94
    case "•": return 0x95
    case "–": return 0x96
    case "—": return 0x97
    case "™": return 0x99
    case "Š": return 0x8A
    case "š": return 0x9A
    case "Œ": return 0x8C
    case "œ": return 0x9C
    case "Ž": return 0x8E
    case "ž": return 0x9E
    case "Ÿ": return 0x9F
    default: return value < 0x20 ? 0x20 : UInt8(ascii: "?")
    }
  }
}

/// A page's content stream, drawn in tenths of a point from the bottom left.
public struct PDFCanvas: Sendable {
  public private(set) var operations = ""
  public static let a4Width: Tenths = 5953
  public static let a4Height: Tenths = 8419

  public init() {}

  /// Adds drawing operations as they are.
  mutating func appendOperations(_ text: String) { operations += text }

  /// Draws beneath what the page holds already (a watermark).
  public mutating func underlay(_ draw: (inout PDFCanvas) -> Void) {
    var below = PDFCanvas()
    draw(&below)
    operations = below.operations + operations
  }

  /// Text with its left end at `x`.
  public mutating func text(
    _ text: String, x: Tenths, y: Tenths, font: PDFFont = .regular, size: Int = 10,
    grey: Int? = nil
  ) {
    guard !text.isEmpty else { return }
    let drawn =
      "BT /\(font.resourceName) \(size) Tf \(x.pdfNumber) \(y.pdfNumber) Td \(PDFFont.literal(text)) Tj ET"
    if let grey {
      operations += "q \(Self.greyLevel(grey)) g \(drawn) Q\n"
    } else {
      operations += drawn + "\n"
    }
  }

  /// A grey (0 black … 1000 white, in thousandths) as PDF writes it.
  static func greyLevel(_ grey: Int) -> String {
    grey >= 1000 ? "1" : "0." + String(repeating: "0", count: 3 - String(grey).count) + String(grey)
  }

  /// Text with its right end at `x`.
  public mutating func rightText(
    _ text: String, x: Tenths, y: Tenths, font: PDFFont = .regular, size: Int = 10
  ) {
    self.text(text, x: x - font.width(text, size: size), y: y, font: font, size: size)
  }

  /// Text shortened with an ellipsis to fit `width`.
  public mutating func clippedText(
    _ text: String, x: Tenths, y: Tenths, width: Tenths, font: PDFFont = .regular, size: Int = 10
  ) {
    var shown = text
    if font.width(shown, size: size) > width {
      while !shown.isEmpty && font.width(shown + "…", size: size) > width { shown.removeLast() }
      shown += "…"
    }
    self.text(shown, x: x, y: y, font: font, size: size)
  }

  public mutating func line(
    from x1: Tenths, _ y1: Tenths, to x2: Tenths, _ y2: Tenths, width: Tenths = 5
  ) {
    operations +=
      "\(width.pdfNumber) w \(x1.pdfNumber) \(y1.pdfNumber) m \(x2.pdfNumber) \(y2.pdfNumber) l S\n"
  }

  /// A rectangle filled with a grey (0 black … 1000 white, in thousandths).
  public mutating func fill(x: Tenths, y: Tenths, width: Tenths, height: Tenths, grey: Int) {
    let level = Self.greyLevel(grey)
    operations +=
      "q \(level) g \(x.pdfNumber) \(y.pdfNumber) \(width.pdfNumber) \(height.pdfNumber) re f Q\n"
  }
}

/// Puts pages with the two standard fonts into a PDF file.
public enum PDFDocumentBuilder {
  /// A PDF of `pages`, with a title, and the picture the pages draw with
  /// ``PDFCanvas/picture(x:y:width:height:)``.
  public static func document(pages: [PDFCanvas], title: String, image: PDFImage? = nil)
    -> [UInt8]
  {
    var writer = PDFWriter()
    let catalog = writer.reserve()
    let pagesObject = writer.reserve()
    let regular = writer.add(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    let bold = writer.add(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    // Without a picture the resources are exactly what they always were.
    let pictures =
      image.map {
        " /XObject << /Im1 \(writer.addStream($0.data, dictionary: $0.dictionary)) 0 R >>"
      } ?? ""
    var kids = [Int]()
    for page in pages {
      let content = writer.addStream(Array(page.operations.utf8))
      let pageObject = writer.add(
        "<< /Type /Page /Parent \(pagesObject) 0 R /MediaBox [0 0 \(PDFCanvas.a4Width.pdfNumber) \(PDFCanvas.a4Height.pdfNumber)] "
          + "/Resources << /Font << /F1 \(regular) 0 R /F2 \(bold) 0 R >>\(pictures) >> /Contents \(content) 0 R >>"
      )
      kids.append(pageObject)
    }
    writer.set(
      pagesObject,
      Array(
        "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
          .utf8))
    writer.set(catalog, Array("<< /Type /Catalog /Pages \(pagesObject) 0 R >>".utf8))
    let info = writer.add("<< /Title \(PDFFont.literal(title)) /Producer (sietool) >>")
    return writer.finish(root: catalog, info: info)
  }
}
