extension JSONValue {
  /// The value as JSON text: compact, or indented by two spaces per level.
  public func serialized(pretty: Bool = false) -> String {
    var output = [UInt8]()
    write(to: &output, pretty: pretty, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the value's UTF-8 JSON text to `output`.
  public func write(to output: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): JSONValue.writeString(text, to: &output)
    case .array(let elements):
      guard !elements.isEmpty else { return output.append(contentsOf: "[]".utf8) }
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { JSONValue.newline(&output, indent + 1) }
        element.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { JSONValue.newline(&output, indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      guard !object.members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
      output.append(UInt8(ascii: "{"))
      for (index, member) in object.members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { JSONValue.newline(&output, indent + 1) }
        JSONValue.writeString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        member.value.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { JSONValue.newline(&output, indent) }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(_ output: inout [UInt8], _ indent: Int) {
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  /// Appends `text` as a JSON string literal: `"`, `\` and control characters escaped.
  public static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
      case 0x0A: output.append(contentsOf: #"\n"#.utf8)
      case 0x0D: output.append(contentsOf: #"\r"#.utf8)
      case 0x09: output.append(contentsOf: #"\t"#.utf8)
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: #"\u00"#.utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
