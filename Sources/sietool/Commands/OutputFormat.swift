import Basics
import Invoicing
import SIE

/// How a command prints its result.
enum OutputFormat: String {
  case text, json, csv
}

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

/// `--type auto|1|2|3|4E|4I`.
func parseFileType(_ text: String?) throws(UsageError) -> SIEFileType? {
  guard let text, text.lowercased() != "auto" else { return nil }
  guard let type = SIEFileType(argument: text) else {
    throw UsageError("invalid value '\(text)' for --type; choose one of auto, 1, 2, 3, 4E, 4I")
  }
  return type
}

let typeArgument = ArgumentDefinition.option(
  "type", value: "type", help: "The file type to check against: auto, 1, 2, 3, 4E or 4I.",
  default: "auto")
