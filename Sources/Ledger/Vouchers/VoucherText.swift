import Basics

/// A voucher's text as posting makes it: most are a title, the document's name, its customer
/// and perhaps the recipient's name, spaced (`Faktura 1001 K1 Kund AB`). Held as those parts
/// and copied into a ``VoucherList``'s text bytes piece by piece: made as one `String` for
/// each of two million vouchers, the texts were an allocation and two copies each.
struct VoucherText {
  private let title: String
  /// The parts after the title, each after a space; `nil` for a text given whole.
  private let parts: (name: String, customer: String, recipient: String?)?

  /// A text given whole.
  init(_ text: String) {
    title = text
    parts = nil
  }

  /// `title`, `name`, `customer` and `recipient` (when there is one), spaced.
  init(_ title: String, _ name: String, _ customer: String, _ recipient: String?) {
    self.title = title
    parts = (name, customer, recipient)
  }

  /// The text as one `String`.
  var string: String {
    guard parts != nil else { return title }
    var bytes = [UInt8]()
    withPieces { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Calls `body` with the UTF-8 of each piece of the text, in order (the spaces between the
  /// parts are pieces of their own).
  func withPieces(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    Self.withUTF8(of: title, body)
    guard let parts else { return }
    Self.withUTF8(of: " ", body)
    Self.withUTF8(of: parts.name, body)
    Self.withUTF8(of: " ", body)
    Self.withUTF8(of: parts.customer, body)
    if let recipient = parts.recipient {
      Self.withUTF8(of: " ", body)
      Self.withUTF8(of: recipient, body)
    }
  }

  private static func withUTF8(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var text = text
    text.withUTF8(body)
  }
}
