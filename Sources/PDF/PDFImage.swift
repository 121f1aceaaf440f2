/// A picture a PDF can show as it is stored: a JPEG (any baseline or progressive one, passed
/// through with `DCTDecode`), or a PNG of 8-bit grey or RGB without interlacing (its compressed
/// data passed through with `FlateDecode` and the PNG predictors). Nothing is decoded, so a
/// picture costs its own size.
public struct PDFImage: Hashable, Sendable {
  /// Why a picture cannot be used.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case notAPicture
    case unsupportedPNG(String)
    case damaged(String)

    public var description: String {
      switch self {
      case .notAPicture: "not a JPEG or PNG file"
      case .unsupportedPNG(let why):
        "a PNG \(why) cannot be shown; save it as JPEG, or as PNG without transparency"
      case .damaged(let why): "the picture is damaged: \(why)"
      }
    }
  }

  public let width: Int
  public let height: Int
  /// `/DeviceRGB`, `/DeviceGray` or `/DeviceCMYK`.
  let colourSpace: String
  /// The stream's `/Filter` and, for PNG, `/DecodeParms`.
  let filter: String
  let data: [UInt8]

  /// Reads a JPEG or PNG file.
  public init(_ bytes: [UInt8]) throws(Problem) {
    if bytes.starts(with: [0xFF, 0xD8]) {
      try self.init(jpeg: bytes)
    } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      try self.init(png: bytes)
    } else {
      throw .notAPicture
    }
  }

  private init(jpeg bytes: [UInt8]) throws(Problem) {
    // Walk the markers to the frame header (SOF0–SOF15 but DHT, JPG and DAC).
    var index = 2
    while index + 4 <= bytes.count {
      guard bytes[index] == 0xFF else { throw .damaged("no JPEG marker at byte \(index)") }
      let marker = bytes[index + 1]
      if marker == 0xFF {
        index += 1
        continue
      }
      let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
      guard length >= 2, index + 2 + length <= bytes.count else {
        throw .damaged("a JPEG segment runs past the end")
      }
      if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard length >= 8 else { throw .damaged("a short JPEG frame header") }
        let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
        let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
        let components = bytes[index + 9]
        guard width > 0, height > 0, [1, 3, 4].contains(components) else {
          throw .damaged("a JPEG of \(width)×\(height) with \(components) components")
        }
        self.width = width
        self.height = height
        colourSpace =
          components == 1 ? "/DeviceGray" : components == 3 ? "/DeviceRGB" : "/DeviceCMYK"
        filter = "/Filter /DCTDecode" + (components == 4 ? " /Decode [1 0 1 0 1 0 1 0]" : "")
        data = bytes
        return
      }
      index += 2 + length
    }
    throw .damaged("no JPEG frame header")
  }

  private init(png bytes: [UInt8]) throws(Problem) {
    var index = 8
    var header: [UInt8]?
    var compressed = [UInt8]()
    while index + 12 <= bytes.count {
      let length =
        Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16
        | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
      let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
      guard length >= 0, index + 12 + length <= bytes.count else {
        throw .damaged("a PNG chunk runs past the end")
      }
      let body = bytes[(index + 8)..<(index + 8 + length)]
      switch type {
      case "IHDR": header = Array(body)
      case "IDAT": compressed += body
      case "PLTE": throw .unsupportedPNG("with a palette")
      case "tRNS": throw .unsupportedPNG("with transparency")
      case "IEND": index = bytes.count
      default: break
      }
      index += 12 + length
    }
    guard let header, header.count == 13, !compressed.isEmpty else {
      throw .damaged("no PNG header or data")
    }
    let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
    let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
    let depth = header[8]
    let colour = header[9]
    guard depth == 8 else { throw .unsupportedPNG("of \(depth)-bit samples") }
    guard colour == 0 || colour == 2 else {
      throw .unsupportedPNG(colour == 3 ? "with a palette" : "with transparency")
    }
    guard header[12] == 0 else { throw .unsupportedPNG("interlaced") }
    guard width > 0, height > 0 else { throw .damaged("a PNG of \(width)×\(height)") }
    self.width = width
    self.height = height
    let colours = colour == 2 ? 3 : 1
    colourSpace = colour == 2 ? "/DeviceRGB" : "/DeviceGray"
    filter =
      "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors \(colours) /BitsPerComponent 8 /Columns \(width) >>"
    data = compressed
  }

  /// The image XObject's dictionary entries (without `/Length`).
  var dictionary: String {
    "/Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace \(colourSpace) /BitsPerComponent 8 \(filter)"
  }
}

extension PDFCanvas {
  /// Draws the document's picture (``PDFDocumentBuilder/document(pages:title:image:)``) with
  /// its bottom left corner at `x`, `y`, scaled to `width` by `height`.
  public mutating func picture(x: Tenths, y: Tenths, width: Tenths, height: Tenths) {
    appendOperations(
      "q \(width.pdfNumber) 0 0 \(height.pdfNumber) \(x.pdfNumber) \(y.pdfNumber) cm /Im1 Do Q\n")
  }
}
