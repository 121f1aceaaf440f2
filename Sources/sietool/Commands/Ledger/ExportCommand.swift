import Basics
import Invoicing
import Ledger
import SIE

/// `sietool export --from … --to … -o FILE.se [--bundle FILE.zip] [--type 4I|4E] [--profile …]
/// [--summarize day]`
struct ExportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "export",
    abstract: "Export a period of the book as SIE 4, with a ZIP of the invoice PDFs behind it.",
    discussion: """
      Each event is booked once, by the first export whose period holds it, with the accounts in
      force then; its voucher never changes. Repeating an export writes the same bytes. Events
      that arrive for an exported period go into the next export, dated on its first day. A
      period lies within one fiscal year; when it ends the year, the cash method's year end is
      booked (series J). 4E holds the fiscal year so far, with balances.
      """,
    arguments: [
      bookArgument,
      .option("from", value: "YYYY-MM-DD", help: "The first day of the period.", required: true),
      .option("to", value: "YYYY-MM-DD", help: "The last day of the period.", required: true),
      .option(
        "output", short: "o", value: "file.se", help: "The SIE file to write.", required: true),
      .option(
        "bundle", value: "file.zip", help: "Also write the ZIP of the PDFs behind the vouchers."),
      .option("type", value: "type", help: "The SIE type.", choices: ["4I", "4E"], default: "4I"),
      .option(
        "profile", value: "receiver", help: "The program that will import the file.",
        choices: ReceiverProfile.allCases.map(\.rawValue), default: "generic"),
      .option(
        "summarize", value: "how", help: "One voucher per event, or per series and day.",
        choices: ["event", "day"], default: "event"),
    ])

  var directory: String
  var request: ExportRequest
  var output: String
  var bundle: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    request = ExportRequest(
      from: try day(arguments.value("from"), "from"), to: try day(arguments.value("to"), "to"),
      type: SIEFileType(argument: arguments.require("type"))!,
      profile: ReceiverProfile(rawValue: arguments.require("profile"))!,
      summarization: Summarization(rawValue: arguments.require("summarize"))!)
    output = arguments.require("output")
    bundle = arguments.value("bundle")
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    let result = try Exporter.export(
      request, book: book, to: output, bundle: bundle, today: today())
    for line in Self.summary(result, output: output, bundle: bundle) { console.print(line) }
    return 0
  }

  /// What an export did, for people.
  static func summary(_ result: Exporter.Result, output: String, bundle: String?) -> [String] {
    let record = result.record
    var lines = [String]()
    lines.append(
      (result.isRepeat
        ? "repeated export \(record.number) (the same bytes)" : "export \(record.number)")
        + ": \(record.from) – \(record.to), SIE \(record.type.rawValue) for \(record.profile.rawValue)"
    )
    var series = [String: (first: Int, last: Int)]()
    var order = [String]()
    for voucher in result.vouchers {
      if let range = series[voucher.series] {
        series[voucher.series] = (min(range.first, voucher.number), max(range.last, voucher.number))
      } else {
        series[voucher.series] = (voucher.number, voucher.number)
        order.append(voucher.series)
      }
    }
    let ranges = order.sorted().map { name in
      let (first, last) = series[name]!
      return first == last ? "\(name) \(first)" : "\(name) \(first)–\(last)"
    }
    lines.append(
      "  " + counted(result.vouchers.count, "voucher")
        + (ranges.isEmpty ? "" : " (\(ranges.joined(separator: ", ")))"))
    lines.append("  \(output) (\(result.fileSize) bytes)")
    if let bundle {
      lines.append(
        "  \(bundle): " + counted(result.entries.count, "document") + " and manifest.csv")
    }
    if result.waiting > 0 {
      lines.append(
        "  " + counted(result.waiting, "event") + " dated after the period "
          + (result.waiting == 1 ? "waits" : "wait") + " for a later export")
    }
    return lines
  }
}

/// `1 voucher`, `2 vouchers`.
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
