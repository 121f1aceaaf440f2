import Basics
import Invoicing
import Ledger
import SIE

/// `sietool export --from … --to … -o FILE.se [--bundle FILE.zip] [--type 4I|4E] [--profile …]
/// [--summarize day]`
struct ExportCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "export",
    abstract: "Export a period of the book as SIE 4, with a ZIP of the invoice PDFs behind it.",
    discussion: """
      Each event is booked once, by the first export whose period holds it, with the accounts in
      force then; its voucher never changes. Exports never overlap: the next export starts where
      the last one ended, and repeating an export exactly writes the same bytes. Events that
      arrive for an exported period go into the next export, dated on its first day. A period
      lies within one fiscal year; when it ends the year, the cash method's year end is booked
      (series J). 4E holds the fiscal year so far, with balances.
      """)

  /// The SIE types an export writes.
  enum ExportType: String, ArgumentEnum {
    case type4I = "4I"
    case type4E = "4E"
    static var valueName: String { "type" }
    var fileType: SIEFileType { self == .type4I ? .type4I : .type4E }
  }

  @OptionGroup var bookOptions: BookOptions
  @Option(help: "The first day of the period.") var from: Day
  @Option(help: "The last day of the period.") var to: Day
  @Option(short: "o", value: "file.se", help: "The SIE file to write.") var output: String
  @Option(value: "file.zip", help: "Also write the ZIP of the PDFs behind the vouchers.")
  var bundle: String?
  @Option(help: "The SIE type.") var type: ExportType = .type4I
  @Option(value: "receiver", help: "The program that will import the file.")
  var profile: ReceiverProfile = .generic
  @Option(value: "how", help: "One voucher per event, or per series and day.")
  var summarize: Summarization = .event
  @Flag(
    help:
      "Compile the SIE 4E of the whole fiscal year --from–--to from what its exports wrote (read-only)."
  )
  var yearFile: Bool

  var request: ExportRequest {
    ExportRequest(
      from: from, to: to, type: type.fileType, profile: profile, summarization: summarize)
  }

  func run(_ console: Console) throws -> Int32 {
    if yearFile { return try compileYear(console) }
    let book = try openBook(directory, forWriting: true, console: console)
    for path in [output] + (bundle.map { [$0] } ?? []) {
      try OutputTarget.check(path, book: book)
    }
    let result = try ProgressLine.during("exporting", console: console) {
      try Exporter.export(
        request, book: book, to: output, bundle: bundle, today: book.today, keepingVouchers: false)
    }
    for line in Self.summary(result, output: output, bundle: bundle) { console.print(line) }
    KeptUntilExit.keep(result)
    return 0
  }

  /// `--year-file`: the fiscal year as exported, written to `-o`; nothing is recorded.
  func compileYear(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: false, console: console)
    let target = try OutputTarget(output, book: book)
    let (file, through) = try BookLedger(state: book.state).yearFile(from: from, to: to)
    try target.write(file, console: console)
    if through < to {
      console.printError(
        "note: the fiscal year is exported through \(through); the file holds that much")
    }
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
    let ranges = result.numbers.keys.sorted().map { name in
      let range = result.numbers[name]!
      return range.count == 1
        ? "\(name) \(range.lowerBound)" : "\(name) \(range.lowerBound)–\(range.upperBound)"
    }
    lines.append(
      "  " + counted(result.voucherCount, "voucher")
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
