/// A value in a JSON document could not be read as what was expected; `path` says where
/// (`$.invoices[3].lines[0].quantity`).
public struct JSONPathError: CodedError, Hashable, Sendable {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
  public var codeName: String { "invalid-document" }
  public var subject: ErrorSubject { .path(path) }
}

/// Reads typed values out of a JSON value, naming the JSON path of anything wrong.
///
/// ```swift
/// let reader = JSONReader(try JSONValue(parsing: text))
/// let name = try reader.string("name")
/// let price = try reader.amount("unitPrice")          // a decimal string, "1000.00"
/// let lines = try reader.array("lines") { try InvoiceLineInput(json: $0) }
/// ```
public struct JSONReader: Sendable {
  public let value: JSONValue
  private let location: Location

  /// Where a value is, kept as links to its parent and spelt out only when asked (most reads
  /// never need it).
  private indirect enum Location: Sendable {
    case root(String)
    case member(Location, String)
    case element(Location, Int)

    var path: String {
      switch self {
      case .root(let path): path
      case .member(let parent, let key): parent.path + "." + key
      case .element(let parent, let index): parent.path + "[\(index)]"
      }
    }
  }

  /// The path of ``value`` in the document.
  public var path: String { location.path }

  public init(_ value: JSONValue, path: String = "$") {
    self.value = value
    location = .root(path)
  }

  private init(_ value: JSONValue, location: Location) {
    self.value = value
    self.location = location
  }

  public func error(_ message: String, at key: String? = nil) -> JSONPathError {
    JSONPathError(path: key.map { childPath($0) } ?? path, message: message)
  }

  private func childPath(_ key: String) -> String { Location.member(location, key).path }

  /// The member `key`, which must exist.
  public func member(_ key: String) throws -> JSONReader {
    guard case .object(let object) = value else {
      throw error("expected an object, found \(value.kindDescription)")
    }
    guard let member = object[key], !member.isNull else { throw error("missing", at: key) }
    return JSONReader(member, location: .member(location, key))
  }

  /// The member `key`, or `nil` when absent or null.
  public func optionalMember(_ key: String) throws -> JSONReader? {
    guard case .object(let object) = value else {
      throw error("expected an object, found \(value.kindDescription)")
    }
    guard let member = object[key], !member.isNull else { return nil }
    return JSONReader(member, location: .member(location, key))
  }

  /// Throws unless every key of the object is one of `keys` (a misspelt key is an error, not
  /// something silently ignored).
  public func allowOnly(_ keys: Set<String>) throws {
    guard case .object(let object) = value else {
      throw error("expected an object, found \(value.kindDescription)")
    }
    for key in object.keys where !keys.contains(key) {
      throw error(
        "unknown field; expected one of \(keys.sorted().joined(separator: ", "))", at: key)
    }
  }

  // MARK: Scalars of this value

  public func asString() throws -> String {
    guard case .string(let text) = value else {
      throw error("expected a string, found \(value.kindDescription)")
    }
    return text
  }

  public func asInt() throws -> Int {
    switch value {
    case .number(let text):
      guard let number = Int(text) else { throw error("expected a whole number, found \(text)") }
      return number
    case .string(let text):
      guard let number = Int(text) else {
        throw error("expected a whole number, found \"\(text)\"")
      }
      return number
    default:
      throw error("expected a whole number, found \(value.kindDescription)")
    }
  }

  public func asBool() throws -> Bool {
    guard case .bool(let flag) = value else {
      throw error("expected true or false, found \(value.kindDescription)")
    }
    return flag
  }

  /// A decimal string with at most two decimals: `"1000.00"`.
  public func asAmount() throws -> Amount {
    let text = try asString()
    guard let amount = Amount(parsing: text) else {
      throw error(
        "expected an amount as a decimal string with at most two decimals, like \"1000.00\"; found \"\(text)\""
      )
    }
    return amount
  }

  /// A decimal string (or number): `"7.5"`.
  public func asDecimal() throws -> ExactDecimal {
    let text: String
    switch value {
    case .string(let string): text = string
    case .number(let number): text = number
    default: throw error("expected a decimal string, found \(value.kindDescription)")
    }
    guard let decimal = ExactDecimal(parsing: text) else {
      throw error("expected a decimal number like \"7.5\"; found \"\(text)\"")
    }
    return decimal
  }

  /// A date `YYYY-MM-DD` that exists.
  public func asDay() throws -> Day {
    let text = try asString()
    guard let day = Day(iso: text) else {
      throw error("expected a date YYYY-MM-DD that exists; found \"\(text)\"")
    }
    return day
  }

  // MARK: Members

  public func string(_ key: String) throws -> String { try member(key).asString() }
  public func optionalString(_ key: String) throws -> String? {
    try optionalMember(key)?.asString()
  }
  public func int(_ key: String) throws -> Int { try member(key).asInt() }
  public func optionalInt(_ key: String) throws -> Int? { try optionalMember(key)?.asInt() }
  public func bool(_ key: String) throws -> Bool { try member(key).asBool() }
  public func optionalBool(_ key: String) throws -> Bool? { try optionalMember(key)?.asBool() }
  public func amount(_ key: String) throws -> Amount { try member(key).asAmount() }
  public func optionalAmount(_ key: String) throws -> Amount? {
    try optionalMember(key)?.asAmount()
  }
  public func decimal(_ key: String) throws -> ExactDecimal { try member(key).asDecimal() }
  public func optionalDecimal(_ key: String) throws -> ExactDecimal? {
    try optionalMember(key)?.asDecimal()
  }
  public func day(_ key: String) throws -> Day { try member(key).asDay() }
  public func optionalDay(_ key: String) throws -> Day? { try optionalMember(key)?.asDay() }

  /// An array member, each element read by `body`; `[]` when absent.
  public func array<T>(_ key: String, _ body: (JSONReader) throws -> T) throws -> [T] {
    guard let member = try optionalMember(key) else { return [] }
    return try member.elements(body)
  }

  /// The elements of this array value, each read by `body`.
  public func elements<T>(_ body: (JSONReader) throws -> T) throws -> [T] {
    guard case .array(let elements) = value else {
      throw error("expected an array, found \(value.kindDescription)")
    }
    var result = [T]()
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      result.append(try body(JSONReader(element, location: .element(location, index))))
    }
    return result
  }

  /// A member read as a raw-representable enum (`"accrual"`, `25`).
  public func choice<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> T
  where T.RawValue == String {
    let text = try string(key)
    guard let value = T(rawValue: text) else { throw error("unknown value \"\(text)\"", at: key) }
    return value
  }

  /// A member read as an enum with a known set of values; an unknown value's error names them.
  public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws
    -> T
  where T.RawValue == String {
    let text = try string(key)
    guard let value = T(rawValue: text) else {
      throw error(
        "unknown value \"\(text)\"; one of "
          + T.allCases.map { "\($0.rawValue)" }.joined(separator: ", "), at: key)
    }
    return value
  }

  /// An optional member read as a raw-representable enum.
  public func optionalChoice<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> T?
  where T.RawValue == String {
    guard let text = try optionalString(key) else { return nil }
    guard let value = T(rawValue: text) else { throw error("unknown value \"\(text)\"", at: key) }
    return value
  }
}

/// A value with a JSON form of its own.
public protocol JSONRepresentable {
  var jsonValue: JSONValue { get }
  init(json: JSONReader) throws
}

extension JSONObject {
  /// Sets `key` when `value` is not `nil`.
  public mutating func set(_ key: String, _ value: JSONValue?) {
    if let value { self[key] = value }
  }

  /// Sets `key` to a string when it is not empty.
  public mutating func set(_ key: String, nonEmpty text: String) {
    if !text.isEmpty { self[key] = .string(text) }
  }
}

extension Amount {
  public var jsonValue: JSONValue { .string(description) }
}

extension Day {
  public var jsonValue: JSONValue { .string(iso) }
}

extension ExactDecimal {
  public var jsonValue: JSONValue { .string(description) }
}
