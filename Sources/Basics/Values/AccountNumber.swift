/// An account number, e.g. `1510`: in an SIE file, in the chart of accounts a book posts to, and
/// on every voucher row.
///
/// The SIE specification wants account numbers numeric; real files are not always right, so
/// the text is kept as read and ``isNumeric`` tells; a book's own accounts are four-digit BAS
/// numbers (``isBASAccount``). Numeric account numbers order numerically.
/// The usual numbers (digits without a leading zero, up to nine) are stored in four bytes.
public struct AccountNumber: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  @usableFromInline enum Storage: Hashable, Sendable {
    case number(UInt32)
    case text(TextBox)
  }

  /// Text that is not a plain number, held by reference to keep rows small.
  @usableFromInline final class TextBox: Hashable, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
    @usableFromInline static func == (a: TextBox, b: TextBox) -> Bool { a.text == b.text }
    @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(text) }
  }

  @usableFromInline let storage: Storage

  /// Equal numbers compare without a call: exports and validation compare accounts per row.
  @inlinable public static func == (a: AccountNumber, b: AccountNumber) -> Bool {
    if case .number(let left) = a.storage, case .number(let right) = b.storage {
      return left == right
    }
    return a.storage == b.storage
  }

  @inlinable public func hash(into hasher: inout Hasher) {
    hasher.combine(storage)
  }

  public init(_ text: String) {
    if let number = AccountNumber.plainNumber(text) {
      storage = .number(number)
    } else {
      storage = .text(TextBox(text))
    }
  }

  public init(stringLiteral value: String) { self.init(value) }

  public init(_ number: Int) {
    if let small = UInt32(exactly: number), small <= 999_999_999 {
      storage = .number(small)
    } else {
      storage = .text(TextBox(String(number)))
    }
  }

  /// The value of 1–9 digits without a leading zero (or `0`).
  private static func plainNumber(_ text: String) -> UInt32? {
    var value: UInt32 = 0
    var count = 0
    var first: UInt8 = 0
    for byte in text.utf8 {
      let digit = byte &- 0x30
      guard digit < 10, count < 9 else { return nil }
      if count == 0 { first = byte }
      value = value * 10 + UInt32(digit)
      count += 1
    }
    guard count > 0, count == 1 || first != 0x30 else { return nil }
    return value
  }

  /// The number when it is stored as one (digits without a leading zero, up to nine).
  public var plainValue: UInt32? {
    if case .number(let number) = storage { return number }
    return nil
  }

  /// The number as written.
  public var text: String {
    switch storage {
    case .number(let number): String(number)
    case .text(let box): box.text
    }
  }

  public var description: String { text }

  /// Whether the number is all ASCII digits (and not empty).
  public var isNumeric: Bool {
    switch storage {
    case .number: true
    case .text(let box): !box.text.isEmpty && box.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
  }

  /// The number as an integer, when numeric and not too long.
  public var integerValue: Int? {
    switch storage {
    case .number(let number): Int(number)
    case .text(let box): isNumeric && box.text.utf8.count <= 18 ? Int(box.text) : nil
    }
  }

  /// Whether it is a BAS balance-sheet account (classes 1 and 2: assets, equity and
  /// liabilities), as opposed to a result account.
  @inlinable public var isBalanceSheetAccount: Bool { (accountClass ?? 3) < 3 }

  /// Whether it is a four-digit BAS account number (1000–8999), as the package books on.
  public var isBASAccount: Bool {
    guard let value = plainValue else { return false }
    return (1000...8999).contains(value)
  }

  /// The BAS account class: the first digit (1 assets … 8 financial items), or `nil`.
  /// Exports and checks ask it of every row: a usual number's first digit is worked out
  /// without making its text.
  @inlinable public var accountClass: Int? {
    switch storage {
    case .number(var value):
      while value >= 10 { value /= 10 }
      return Int(value)
    case .text:
      return textAccountClass
    }
  }

  /// ``accountClass`` of a number held as text.
  @usableFromInline var textAccountClass: Int? {
    guard isNumeric, let first = text.utf8.first else { return nil }
    return Int(first - 0x30)
  }

  public static func < (a: AccountNumber, b: AccountNumber) -> Bool {
    switch (a.integerValue, b.integerValue) {
    case (let x?, let y?): x != y ? x < y : a.text < b.text
    case (.some, nil): true
    case (nil, .some): false
    case (nil, nil): a.text < b.text
    }
  }
}
