import Basics
import Invoicing
import SIE

extension Diagnostic {
  /// The diagnostic as a JSON object: severity, code, message, line, column.
  var jsonValue: JSONValue {
    var object: JSONObject = [
      "severity": .string(severity.rawValue), "code": .string(code.rawValue),
      "message": .string(message),
    ]
    if let location {
      object["line"] = .integer(location.line)
      object["column"] = .integer(location.column)
    }
    return .object(object)
  }
}

extension Console {
  /// Prints a JSON value, indented, with a final newline.
  func printJSON(_ value: JSONValue) {
    var bytes = [UInt8]()
    value.write(to: &bytes, pretty: true)
    bytes.append(0x0A)
    write(bytes)
  }
}
