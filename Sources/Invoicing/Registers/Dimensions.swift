import Basics

/// A cost centre (SIE dimension 1) or a project (SIE dimension 6).
public struct DimensionEntry: Hashable, Sendable, JSONRepresentable {
  public var code: String
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }

  public init(json: JSONReader) throws {
    try json.allowOnly(["code", "name"])
    code = try json.string("code")
    name = try json.string("name")
    if code.isEmpty || code.contains(where: { $0.isWhitespace || $0 == "\"" }) {
      throw json.error("a code is needed, without spaces or quotes", at: "code")
    }
  }

  public var jsonValue: JSONValue { .object(["code": .string(code), "name": .string(name)]) }
}
