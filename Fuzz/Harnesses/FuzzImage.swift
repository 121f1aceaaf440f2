// libFuzzer harness: the logo reader (PDFImage) on arbitrary bytes; what it accepts has
// positive dimensions and goes into a PDF page.
@testable import PDF

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let image = try? PDFImage(bytes) else { return 0 }
  precondition(image.width > 0 && image.height > 0, "an image without size was accepted")
  var page = PDFCanvas()
  page.picture(x: 0, y: 0, width: 100, height: 100)
  let document = PDFDocumentBuilder.document(pages: [page], title: "x", image: image)
  precondition(document.starts(with: Array("%PDF-".utf8)))
  return 0
}
