import Basics
import Invoicing
import SIE

/// `sietool validate FILE... [--type …] [--strict] [--format text|json]`
struct ValidateCommand: Command {
  static let configuration = CommandConfiguration(
    name: "validate",
    abstract: "Check SIE files against the specification and the rules of their type.",
    discussion: """
      Prints one line per finding, file:line:column: severity: [code] message. Exits 0 when no \
      file has errors (warnings allowed), 1 otherwise. Files are streamed: size does not matter.
      """)

  @Argument(name: "file", help: "The SIE files to check.") var files: [String]
  @Option(name: "type", help: "The file type to check against: auto, 1, 2, 3, 4E or 4I.")
  var typeChoice = FileTypeChoice(nil)
  @Flag(help: "Treat warnings as errors.") var strict: Bool
  @Option(help: "How to print the findings.", only: ["text", "json"])
  var format: OutputFormat = .text

  var type: SIEFileType? { typeChoice.type }

  func run(_ console: Console) throws -> Int32 {
    var failed = false
    var results = [JSONValue]()
    for file in files {
      let report: ValidationReport
      do {
        report = try SIEValidator.validate(
          path: file, options: ValidationOptions(type: type, strict: strict))
      } catch {
        console.printError("error: [\(error.codeName)] \(error.message)")
        failed = true
        results.append(.object(["file": .string(file), "error": error.jsonValue]))
        continue
      }
      failed = failed || !report.isValid
      switch format {
      case .json:
        results.append(Self.json(report, file: file))
      case .text, .csv:
        for diagnostic in report.diagnostics { console.print(diagnostic.formatted(file: file)) }
        console.print(Self.summary(report, file: file))
      }
    }
    if format == .json {
      console.printJSON(.object(["files": .array(results)]))
    }
    return failed ? 1 : 0
  }

  static func summary(_ report: ValidationReport, file: String) -> String {
    let verdict = report.isValid ? "valid" : "invalid"
    let type = "type \(report.type.rawValue)" + (report.typeWasGuessed ? " (guessed)" : "")
    return "\(file): \(verdict), \(type), \(report.encoding.rawValue), "
      + "\(report.summary.vouchers.counted("voucher")), checksum \(report.checksum.summary): "
      + "\(report.errorCount.counted("error")), \(report.warningCount.counted("warning"))"
  }

  static func json(_ report: ValidationReport, file: String) -> JSONValue {
    .object([
      "file": .string(file),
      "valid": .bool(report.isValid),
      "sieType": .string(report.type.rawValue),
      "typeGuessed": .bool(report.typeWasGuessed),
      "encoding": .string(report.encoding.rawValue),
      "checksum": .string(report.checksum.summary),
      "vouchers": .integer(report.summary.vouchers),
      "errors": .integer(report.errorCount),
      "warnings": .integer(report.warningCount),
      "diagnostics": .array(report.diagnostics.map(\.jsonValue)),
    ])
  }
}
