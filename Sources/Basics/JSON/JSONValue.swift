/// A JSON value whose numbers keep their exact text: money and quantities never pass through
/// floating point on their way in or out.
///
/// Objects keep their keys in order, so output is deterministic and reads like its source.
///
/// ```swift
/// let value = try JSONValue(parsing: #"{"amount": "1000.00", "vatRate": 25}"#)
/// value["vatRate"]?.numberText     // "25"
/// print(value.serialized())        // {"amount":"1000.00","vatRate":25}
/// ```
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  /// A number, as written (`25`, `-0.5`, `1e3`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// A number from an integer.
  public static func integer(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

  /// The member `key` of an object, or `nil`.
  public subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  public var numberText: String? { if case .number(let n) = self { n } else { nil } }
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
  public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
  public var isNull: Bool { self == .null }

  /// A name for the kind of value, for error messages: `"a string"`, `"an object"`.
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON object: members in insertion order, looked up by key.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
  public private(set) var members: [(key: String, value: JSONValue)] = []

  public init() {}

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    for (key, value) in elements { self[key] = value }
  }

  /// The value of `key`; setting `nil` removes it, setting a new key appends it.
  public subscript(key: String) -> JSONValue? {
    get { members.first { $0.key == key }?.value }
    set {
      if let index = members.firstIndex(where: { $0.key == key }) {
        if let newValue { members[index].value = newValue } else { members.remove(at: index) }
      } else if let newValue {
        members.append((key, newValue))
      }
    }
  }

  /// Appends a member whose key the object does not have yet (the parser checked).
  mutating func appendNew(_ key: String, _ value: JSONValue) { members.append((key, value)) }

  /// The keys in order.
  public var keys: [String] { members.map(\.key) }

  public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
    members.makeIterator()
  }

  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.members.count == b.members.count
      && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    for member in members {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }
}
