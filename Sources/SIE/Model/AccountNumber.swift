/// An account number as written in the file, e.g. `1510`.
///
/// The specification wants account numbers numeric; real files are not always right, so the
/// text is kept as read and ``isNumeric`` tells. Numeric account numbers order numerically.
public struct AccountNumber: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The number as written.
  public var text: String

  public init(_ text: String) { self.text = text }
  public init(stringLiteral value: String) { self.text = value }
  public init(_ number: Int) { self.text = String(number) }

  public var description: String { text }

  /// Whether the number is all ASCII digits (and not empty).
  public var isNumeric: Bool {
    !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// The number as an integer, when numeric and not too long.
  public var integerValue: Int? { isNumeric && text.utf8.count <= 18 ? Int(text) : nil }

  /// The BAS account class: the first digit (1 assets … 8 financial items), or `nil`.
  public var accountClass: Int? {
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

/// A reference to an object of a dimension, as in an object list `{1 "100" 6 "P1"}`.
public struct ObjectReference: Hashable, Sendable, Comparable {
  /// The dimension number: 1 cost centre, 6 project, … (SIE §8.17).
  public var dimension: Int
  /// The object's code. Codes are strings: `"0123"` and `"123"` differ.
  public var code: String

  public init(dimension: Int, code: String) {
    self.dimension = dimension
    self.code = code
  }

  public static func < (a: ObjectReference, b: ObjectReference) -> Bool {
    (a.dimension, a.code) < (b.dimension, b.code)
  }
}
