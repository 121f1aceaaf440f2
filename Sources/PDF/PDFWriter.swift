/// Writes a PDF 1.4 file: numbered objects, a cross-reference table with exact offsets, and a
/// trailer. Output is deterministic: the same objects give the same bytes (no dates, no ids).
public struct PDFWriter: Sendable {
  private var objects: [[UInt8]] = []

  public init() {}

  /// Reserves an object number, to be filled with ``set(_:_:)``.
  public mutating func reserve() -> Int {
    objects.append([])
    return objects.count
  }

  /// Sets the body of object `number`.
  public mutating func set(_ number: Int, _ body: [UInt8]) { objects[number - 1] = body }

  /// Adds an object; returns its number.
  public mutating func add(_ body: [UInt8]) -> Int {
    objects.append(body)
    return objects.count
  }

  /// Adds an object from text.
  public mutating func add(_ text: String) -> Int { add(Array(text.utf8)) }

  /// Adds a stream object with its dictionary entries (without `/Length`).
  public mutating func addStream(_ content: [UInt8], dictionary: String = "") -> Int {
    var body = Array(
      "<< /Length \(content.count)\(dictionary.isEmpty ? "" : " " + dictionary) >>\nstream\n".utf8)
    body += content
    body += Array("\nendstream".utf8)
    return add(body)
  }

  /// The file, with `root` as the catalog and `info` as the document information.
  public func finish(root: Int, info: Int? = nil) -> [UInt8] {
    var output = Array(
      "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".unicodeScalars.map { UInt8($0.value) })
    var offsets = [Int]()
    for (index, body) in objects.enumerated() {
      offsets.append(output.count)
      output += Array("\(index + 1) 0 obj\n".utf8)
      output += body
      output += Array("\nendobj\n".utf8)
    }
    let xref = output.count
    output += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
    for offset in offsets {
      let digits = String(offset)
      output += Array(
        (String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
    }
    var trailer = "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R"
    if let info { trailer += " /Info \(info) 0 R" }
    trailer += " >>\nstartxref\n\(xref)\n%%EOF\n"
    output += Array(trailer.utf8)
    return output
  }
}

/// A length in tenths of a point, so that layout never needs floating point.
public typealias Tenths = Int

extension Tenths {
  /// `123.4` as PDF writes numbers.
  var pdfNumber: String {
    let sign = self < 0 ? "-" : ""
    let magnitude = self.magnitude
    return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : "." + String(magnitude % 10))
  }
}
