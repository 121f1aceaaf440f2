import Basics

/// Something the book refuses: an unknown customer, a payment on a draft, a reminder before
/// the due date, a second writer. The message says what and why; nothing was changed.
public struct BookError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
