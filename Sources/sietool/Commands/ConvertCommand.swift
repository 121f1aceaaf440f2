import Basics
import Invoicing
import SIE

/// `sietool convert FILE --to sie|json|csv [-o OUT|-] [--profile …] [--fix] [--checksum]`
struct ConvertCommand: Command {
  static let configuration = CommandConfiguration(
    name: "convert", abstract: "Convert an SIE file to canonical SIE4 (CP437, CRLF), JSON or CSV.",
    discussion: """
      'sie' writes the canonical form: records in group order, code page 437, CRLF, quotes \
      only where the format wants them. A receiver profile first lists everything that system \
      would refuse; nothing is written while such findings remain, unless --fix repairs them \
      (shortened texts, normalised #ORGNR, #FLAGGA 0). 'json' holds every record; 'csv' one \
      line per effective transaction row. Files are written atomically.
      """)

  /// What `--to` names.
  enum Target: String, ArgumentEnum {
    case sie, json, csv
    static var valueName: String { "format" }
  }

  @Argument(help: "The SIE file to read.") var file: String
  @Option(name: "to", help: "What to write.") var targetChoice: Target
  @Option(short: "o", value: "path", help: "Where to write; - for standard output.")
  var output = "-"
  @Option(value: "receiver", help: "Check the result for a receiving system.")
  var profile: ReceiverProfile?
  @Flag(help: "Repair what the profile finds and can be repaired.") var fix: Bool
  @Flag(help: "Only report what the profile finds; write nothing.") var dryRun: Bool
  @Flag(help: "Write #KSUMMA (sie only).") var checksum: Bool
  @Flag(help: "Replace characters code page 437 lacks (€ → EUR) instead of failing.")
  var transliterate: Bool
  @Flag(help: "Write even when the input has errors.") var force: Bool

  var target: OutputFormat {
    switch targetChoice {
    case .sie: .text
    case .json: .json
    case .csv: .csv
    }
  }

  mutating func validate() throws(UsageError) {
    if target != .text && (profile != nil || checksum) {
      throw UsageError(
        .conflictingOptions, .field("to"), "--profile and --checksum apply to --to sie only")
    }
    if (fix || dryRun) && profile == nil {
      throw UsageError(.conflictingOptions, .field("profile"), "--fix and --dry-run need --profile")
    }
  }

  func run(_ console: Console) throws -> Int32 {
    if target == .json { return try streamJSON(console) }
    var (document, report) = try SIEDocument.read(path: file)
    if report.summary.lines > 0 && document.records.isEmpty {
      throw CommandFailure(.notSIEFile, .file(file), "\(file) is not an SIE file")
    }
    let inputErrors = report.diagnostics.filter { $0.severity == .error }
    for diagnostic in inputErrors { console.printError(diagnostic.formatted(file: file)) }
    switch target {
    case .json:
      return try streamJSON(console)
    case .csv:
      var csv = CSVWriter()
      csv.row(VoucherRecord.csvHeader)
      for voucher in document.vouchers {
        for row in voucher.csvRows { csv.row(row) }
      }
      try emit(csv.bytes, console)
      return report.isValid ? 0 : 1
    case .text:
      guard report.isValid || force else {
        throw CommandFailure(
          .invalidSIEFile, .file(file),
          "\(file) has \(report.errorCount.counted("error")); nothing written (--force writes anyway)"
        )
      }
      if let profile {
        if fix {
          let (fixed, changes) = profile.fix(document)
          document = fixed
          for change in changes { console.printError(change.formatted(file: file)) }
        }
        let findings = profile.check(document)
        for finding in findings {
          let hint = finding.isFixable && !fix ? " (--fix repairs this)" : ""
          console.printError(finding.diagnostic.formatted(file: file) + hint)
        }
        if dryRun { return findings.contains { $0.diagnostic.severity == .error } ? 1 : 0 }
        if findings.contains(where: { $0.diagnostic.severity == .error }) {
          throw CommandFailure(
            .refusedByProfile, .file(file),
            "the \(profile.rawValue) profile finds errors; nothing written")
        }
      }
      let writer = SIEWriter(options: .init(checksum: checksum, transliterate: transliterate))
      let encoded = try writer.encode(document)
      for change in encoded.changes { console.printError(change.formatted(file: file)) }
      try emit(encoded.bytes, console)
      return 0
    }
  }

  /// Converts to JSON while reading, so that memory stays small for any file: to standard
  /// output piece by piece, or to a temporary file renamed over the output at the end.
  func streamJSON(_ console: Console) throws -> Int32 {
    let writer: AtomicFileWriter?
    if output == "-" {
      writer = nil
    } else {
      try OutputTarget.check(output, book: nil)
      writer = try AtomicFileWriter(path: output)
    }
    let report = try SIEJSONStream.convert(path: file) { bytes in
      if let writer { try writer.write(bytes) } else { console.write(bytes) }
    }
    if report.summary.lines > 0 && report.diagnostics.contains(where: { $0.code == .notSIEFile }) {
      throw CommandFailure(.notSIEFile, .file(file), "\(file) is not an SIE file")
    }
    for diagnostic in report.diagnostics where diagnostic.severity == .error {
      console.printError(diagnostic.formatted(file: file))
    }
    try writer?.commit()
    return report.isValid ? 0 : 1
  }

  /// Writes to the output file atomically, or to standard output.
  func emit(_ bytes: [UInt8], _ console: Console) throws {
    if output == "-" {
      if target == .text && console.isTerminal(1) {
        // CP437 bytes would garble a terminal: show them as UTF-8, and say so.
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(CP437.scalar(for: byte)) }
        console.write(Array(String(text).utf8))
        console.printError(
          "note: shown as UTF-8 on the terminal; give -o FILE (or a pipe) for the CP437 bytes")
        return
      }
      console.write(bytes)
    } else {
      try OutputTarget.check(output, book: nil)
      try AtomicFile.write(bytes, to: output)
    }
  }
}
