import Basics
import Invoicing
import SIE

/// `sietool info FILE [--format text|json]`
struct InfoCommand: Command {
  static let configuration = CommandConfiguration(
    name: "info",
    abstract: "Show what an SIE file is: type, encoding, company, fiscal years, counts, checksum.",
    arguments: [
      .positional("file", help: "The SIE file."),
      typeArgument,
      .option(
        "format", value: "format", help: "How to print.", choices: ["text", "json"],
        default: "text"),
    ])

  var file: String
  var type: SIEFileType?
  var format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    file = arguments.require("file")
    type = try parseFileType(arguments.value("type"))
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let report = try SIEValidator.validate(path: file, options: ValidationOptions(type: type))
    let summary = report.summary
    let years = summary.fiscalYears.map { year -> JSONValue in
      .object([
        "index": .integer(year.index), "start": .string(year.start.iso),
        "end": .string(year.end.iso),
      ])
    }
    switch format {
    case .json:
      console.printJSON(
        .object([
          "file": .string(file),
          "sieType": .string(report.type.rawValue),
          "typeGuessed": .bool(report.typeWasGuessed),
          "encoding": .string(report.encoding.rawValue),
          "program": summary.program.map { .string($0.name) } ?? .null,
          "programVersion": summary.program.map { .string($0.version) } ?? .null,
          "company": summary.companyName.map { .string($0) } ?? .null,
          "orgNumber": summary.organizationNumber.map { .string($0) } ?? .null,
          "fiscalYears": .array(years),
          "accounts": .integer(summary.accounts),
          "vouchers": .integer(summary.vouchers),
          "transactions": .integer(summary.transactions),
          "checksum": .string(report.checksum.summary),
          "errors": .integer(report.errorCount),
          "warnings": .integer(report.warningCount),
        ]))
    case .text, .csv:
      let rows: [(String, String)] = [
        ("file", file),
        ("type", report.type.rawValue + (report.typeWasGuessed ? " (guessed)" : "")),
        ("encoding", report.encoding.rawValue),
        ("program", summary.program.map { "\($0.name) \($0.version)" } ?? "-"),
        ("company", summary.companyName ?? "-"),
        ("org number", summary.organizationNumber ?? "-"),
        (
          "fiscal years",
          summary.fiscalYears.isEmpty
            ? "-"
            : summary.fiscalYears.map { "\($0.index): \($0.start) – \($0.end)" }
              .joined(separator: ", ")
        ),
        ("accounts", String(summary.accounts)),
        ("vouchers", String(summary.vouchers)),
        ("transactions", String(summary.transactions)),
        ("checksum", report.checksum.summary),
        ("errors", String(report.errorCount)),
        ("warnings", String(report.warningCount)),
      ]
      for (key, value) in rows {
        console.print((key + ":").padding(14) + value)
      }
    }
    return 0
  }
}

extension String {
  /// The string padded with spaces to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
