/// Malformed JSON text, with where it went wrong.
public struct JSONSyntaxError: CodedError, Hashable, Sendable {
  public var message: String
  /// 1-based line and column (in bytes) of the offending character.
  public var line: Int
  public var column: Int

  public var description: String { "line \(line), column \(column): \(message)" }
  public var codeName: String { "invalid-json" }
  public var subject: ErrorSubject { .path("line \(line), column \(column)") }
}

extension JSONValue {
  /// Parses JSON text (RFC 8259). Numbers are kept as written; duplicate keys are refused.
  public init(parsing text: String) throws(JSONSyntaxError) {
    self = try JSONValue(parsing: Array(text.utf8))
  }

  /// Parses UTF-8 JSON bytes.
  public init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
    var parser = JSONParser(bytes: bytes)
    self = try parser.parseDocument()
  }
}

private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
    let position = min(position ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for offset in 0..<position where bytes[offset] == 0x0A {
      line += 1
      lineStart = offset + 1
    }
    return JSONSyntaxError(message: message, line: line, column: position - lineStart + 1)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else { throw error("unexpected text after the JSON value") }
    return value
  }

  mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else { throw error("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default:
      throw error("unexpected character '\(String(decoding: [bytes[index]], as: UTF8.self))'")
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let expected = Array(word.utf8)
    guard bytes.count - index >= expected.count,
      Array(bytes[index..<(index + expected.count)]) == expected
    else { throw error("invalid literal; expected \(word)") }
    index += expected.count
    return value
  }

  mutating func nest() throws(JSONSyntaxError) {
    depth += 1
    if depth > 512 { throw error("nesting deeper than 512 levels") }
  }

  mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a member name in quotes")
      }
      let keyStart = index
      let key = try parseString()
      if object.members.contains(where: { $0.key == key }) {
        throw error("duplicate key \"\(key)\"", at: keyStart)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after a member name")
      }
      index += 1
      object.appendNew(key, try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(object)
      } else {
        throw error("expected ',' or '}' in an object")
      }
    }
  }

  mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    index += 1
    var elements = [JSONValue]()
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      } else {
        throw error("expected ',' or ']' in an array")
      }
    }
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    func digits(_ parser: inout JSONParser) -> Int {
      let from = parser.index
      while parser.index < parser.bytes.count,
        parser.bytes[parser.index] >= 0x30 && parser.bytes[parser.index] <= 0x39
      {
        parser.index += 1
      }
      return parser.index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    guard digits(&self) > 0 else { throw error("invalid number") }
    if bytes[integerStart] == 0x30 && index - integerStart > 1 {
      throw error("leading zeros are not allowed in numbers", at: integerStart)
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw error("digits expected after the decimal point") }
    }
    if index < bytes.count
      && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
    {
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      guard digits(&self) > 0 else { throw error("digits expected in the exponent") }
    }
    return .number(String(decoding: bytes[start..<index], as: UTF8.self))
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    // Fast path: no escapes — the text is the bytes between the quotes.
    let start = index
    var ascii = true
    var end = index
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      if byte >= 0x80 { ascii = false }
      end += 1
    }
    if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
      let slice = bytes[start..<end]
      index = end + 1
      if ascii { return String(decoding: slice, as: UTF8.self) }
      guard let text = String(validating: slice, as: UTF8.self) else {
        index = start
        throw error("invalid UTF-8 in a string")
      }
      return text
    }
    var output = Array(bytes[start..<end])
    index = end
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: output, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string")
        }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): output.append(0x22)
        case UInt8(ascii: "\\"): output.append(0x5C)
        case UInt8(ascii: "/"): output.append(0x2F)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in \\u escape") }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(scalar) {
            throw error("unpaired surrogate in \\u escape")
          }
          output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
          throw error(
            "invalid escape \\\(String(decoding: [escape], as: UTF8.self))", at: index - 2)
        }
      case 0..<0x20:
        throw error("control character in a string; escape it")
      default:
        output.append(byte)
        index += 1
      }
    }
    throw error("string not closed")
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("\\u needs four hex digits")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
