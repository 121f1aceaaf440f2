import Basics
import Invoicing
import SIE

/// `sietool info FILE [--format text|json]`
struct InfoCommand: Command {
  static let configuration = CommandConfiguration(
    name: "info",
    abstract: "Show what an SIE file is: type, encoding, company, fiscal years, counts, checksum.",
    discussion: "Exits 1 when the file is not an SIE file at all.")

  @Argument(help: "The SIE file.") var file: String
  @Option(name: "type", help: "The file type to check against: auto, 1, 2, 3, 4E or 4I.")
  var typeChoice = FileTypeChoice(nil)
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  var type: SIEFileType? { typeChoice.type }

  func run(_ console: Console) throws -> Int32 {
    let report = try SIEValidator.validate(path: file, options: ValidationOptions(type: type))
    if let refusal = report.diagnostics.first(where: { $0.code == .notSIEFile }) {
      throw CommandFailure(.notSIEFile, .file(file), "\(file): \(refusal.message)")
    }
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
