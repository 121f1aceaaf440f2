import Basics

/// A voucher's text as posting makes it: most are a title, the document's name, its customer
/// and perhaps the recipient's name, spaced (`Faktura 1001 K1 Kund AB`). Held as those parts
/// and put together in a buffer on the stack when a ``VoucherList`` takes its bytes: made as
/// one `String` for each of two million vouchers, the texts were an allocation and two copies
/// each, and added to the list piece by piece, seven appends each.
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
    return withUTF8 { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the text's UTF-8, its pieces put together in one buffer (on the stack
  /// unless the text is long).
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    guard let parts else { return Self.withUTF8(of: title, body) }
    var count = title.utf8.count + 1 + parts.name.utf8.count + 1 + parts.customer.utf8.count
    if let recipient = parts.recipient { count += 1 + recipient.utf8.count }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
      var end = 0
      withPieces { piece in
        guard let source = piece.baseAddress, let target = buffer.baseAddress else { return }
        (target + end).initialize(from: source, count: piece.count)
        end += piece.count
      }
      return body(UnsafeBufferPointer(rebasing: buffer[..<end]))
    }
  }

  /// Calls `body` with the UTF-8 of each piece of the text, in order (the spaces between the
  /// parts are pieces of their own).
  private func withPieces(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
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

  private static func withUTF8<Result>(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var text = text
    return text.withUTF8(body)
  }
}
