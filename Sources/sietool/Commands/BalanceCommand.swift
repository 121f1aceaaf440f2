import Basics
import Invoicing
import SIE

/// `sietool balance FILE [--year 0] [--format text|json|csv]`
struct BalanceCommand: Command {
  static let configuration = CommandConfiguration(
    name: "balance",
    abstract: "Show the trial balance of an SIE file: opening, movement, closing per account.",
    discussion: """
      Movement is the sum of the effective rows (#TRANS not replaced by #RTRANS, and #RTRANS; \
      never #BTRANS) of the year's vouchers. 'declared' is the file's own #UB (balance-sheet \
      accounts) or #RES (result accounts); a '!' marks accounts where it differs. Text output \
      writes amounts with Swedish grouping (10 562,50); JSON and CSV write them plain (10562.50).
      """)

  @Argument(help: "The SIE file.") var file: String
  @Option(help: "The fiscal year: 0 current, -1 previous.") var year = 0
  @Option(help: "How to print.") var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    let (document, report) = try SIEDocument.read(path: file)
    if report.summary.lines > 0 && document.records.isEmpty {
      throw CommandFailure(.notSIEFile, .file(file), "\(file) is not an SIE file")
    }
    let lines = try document.trialBalance(year: year)
    let leftOut = document.vouchersOutside(year: year)
    switch format {
    case .json:
      let accounts = lines.map { line -> JSONValue in
        .object([
          "account": .string(line.account.text), "name": .string(line.name),
          "opening": .string(line.opening.description),
          "movement": .string(line.movement.description),
          "closing": .string(line.closing.description),
          "declared": line.declared.map { .string($0.description) } ?? .null,
        ])
      }
      console.printJSON(
        .object([
          "year": .integer(year), "accounts": .array(accounts),
          "vouchersLeftOut": .integer(leftOut),
        ]))
    case .csv:
      var csv = CSVWriter()
      csv.row(["account", "name", "opening", "movement", "closing", "declared"])
      for line in lines {
        csv.row([
          line.account.text, line.name, line.opening.description, line.movement.description,
          line.closing.description, line.declared?.description ?? "",
        ])
      }
      console.write(csv.bytes)
    case .text:
      var table = TextTable(
        ["account", "name", "opening", "movement", "closing", "declared", ""],
        rightAligned: ["opening", "movement", "closing", "declared"])
      var totals = (opening: Amount.zero, movement: Amount.zero, closing: Amount.zero)
      for line in lines {
        let name = line.name.count > 30 ? String(line.name.prefix(29)) + "…" : line.name
        table.append([
          line.account.text, name, line.opening.swedishFormatted, line.movement.swedishFormatted,
          line.closing.swedishFormatted, line.declared?.swedishFormatted ?? "-",
          line.differs ? "!" : "",
        ])
        totals.opening = totals.opening.adding(line.opening) ?? totals.opening
        totals.movement = totals.movement.adding(line.movement) ?? totals.movement
        totals.closing = totals.closing.adding(line.closing) ?? totals.closing
      }
      table.append([
        "total", "", totals.opening.swedishFormatted, totals.movement.swedishFormatted,
        totals.closing.swedishFormatted, "", "",
      ])
      table.print(to: console)
    }
    if leftOut > 0 {
      console.flush()
      console.printError(
        "note: \(leftOut.counted("voucher")) dated outside fiscal year \(year)"
          + (document.fiscalYear(year).map { " (\($0.start) – \($0.end))" } ?? "")
          + " or without a date left out of the movement")
    }
    return 0
  }
}

extension String {
  /// The string right-aligned in `width` characters.
  func leftPadded(_ width: Int) -> String {
    count >= width ? " " + self : String(repeating: " ", count: width - count) + self
  }
}
