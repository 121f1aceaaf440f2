import Basics
import Invoicing
import Ledger
import Reconcile
import SIE

/// Every code the command line can print, for `docs/errors.md` (a test keeps the two equal).
enum ErrorCatalog {
  /// Codes of errors that are not enums of their own: the byte tools and the journal.
  static let fixedCodes: [(code: String, summary: String)] = [
    ("file-error", "A file cannot be opened, read, written or renamed (the subject names it)."),
    ("invalid-json", "The text is not JSON (the subject gives line and column)."),
    (
      "invalid-document",
      "A JSON document has a value of the wrong kind (the subject's path names it)."
    ),
    ("journal-torn-line", "The journal's last line is incomplete: `sietool book repair` drops it."),
    ("journal-damaged", "A journal line is not what was written; the book is not opened."),
    ("journal-newer-format", "The journal was written by a newer release; open it with that."),
    ("zip-unsafe-name", "A name in a ZIP archive could escape the directory it is unpacked in."),
    ("zip-duplicate-name", "A name is in a ZIP archive twice."),
    ("zip-size-mismatch", "A ZIP entry's contents are not as long as declared."),
    ("sie-not-writable", "The SIE document cannot be written (each problem is listed)."),
    ("amount-overflow", "A sum of amounts does not fit in 64 bits."),
    ("internal", "An error without a code of its own: a defect, please report it."),
  ]

  static func markdown() -> String {
    var lines = [
      "# Error codes",
      "",
      "Every error `sietool` prints has a stable code: `error: [code] message` on standard error, or",
      "with `--format json` the object `{\"error\": {\"code\", \"message\", \"subject\"}}` on standard output.",
      "The subject names what the error is about (`invoice`, `customer`, `line`, `path`, `file`,",
      "`from`/`to`, `export`, …). Codes never change once released. This file is generated from the",
      "code (`ErrorCatalog`); a test keeps it current.",
      "",
      "Exit status: 64 for a command line that cannot be understood, 1 for everything else.",
      "",
    ]
    func section(_ title: String, _ rows: [(String, String)]) {
      lines += ["## \(title)", "", "| code | meaning |", "|---|---|"]
      lines += rows.map { "| `\($0.0)` | \($0.1) |" }
      lines.append("")
    }
    let commandLine = CommandLineCode.allCases
    section(
      "Command line (exit 64)", commandLine.filter(\.isUsage).map { ($0.rawValue, $0.summary) })
    section("Commands", commandLine.filter { !$0.isUsage }.map { ($0.rawValue, $0.summary) })
    section("The book", BookError.Code.allCases.map { ($0.rawValue, $0.summary) })
    section("The ledger and exports", LedgerError.Code.allCases.map { ($0.rawValue, $0.summary) })
    section(
      "Payment files and the payment queue",
      ReconcileError.Code.allCases.map { ($0.rawValue, $0.summary) })
    section(
      "Files, JSON, the journal, ZIP and SIE writing", fixedCodes.map { ($0.code, $0.summary) })
    section(
      "Warnings when a book is opened (`warning: [code] …`)",
      BookWarning.Code.allCases.map { ($0.rawValue, $0.summary) })
    lines += [
      "## SIE findings (`validate`)",
      "",
      "`validate` prints findings as `file:line:column: severity: [code] message`. The codes, each",
      "documented in `Sources/SIE/Diagnostics/DiagnosticCode.swift`:",
      "",
      DiagnosticCode.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ".",
      "",
    ]
    return lines.joined(separator: "\n")
  }
}
