import Basics
import Invoicing
import Reconcile

struct ReportStatus: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "status",
    abstract:
      "The period's payments, queue, overdue invoices, reminders, credits and what is open.",
    discussion: "JSON keys are described in docs/report-status.md.")

  @OptionGroup var bookOptions: BookOptions
  @Option(help: "The first day of the period.") var from: Day
  @Option(help: "The last day of the period.") var to: Day
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  mutating func validate() throws(UsageError) {
    guard from <= to else {
      throw UsageError(.conflictingOptions, .field("to"), "--to \(to) is before --from \(from)")
    }
  }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false, console: console).state
    let report = StatusReport(state: state, from: from, to: to)
    if format == .json {
      console.printJSON(report.jsonValue)
      return 0
    }
    console.print("status \(from) – \(to)")
    var table = TextTable(["", "count", "amount"], rightAligned: ["count", "amount"])
    let rows: [(String, StatusReport.Tally)] = [
      ("payments received", report.paymentsReceived),
      ("  from files, placed", report.paymentsMatched),
      ("  entered by hand", report.paymentsByHand),
      ("unhandled payments (queue)", report.paymentsUnhandled),
      ("invoices that fell due unpaid", report.becameOverdue),
      ("reminders (fees)", report.reminders), ("sent to collection", report.collections),
      ("credit notes", report.creditNotes), ("written off", report.writeOffs),
    ]
    for (label, tally) in rows {
      table.append([label, String(tally.count), tally.amount.swedishFormatted])
    }
    table.append([
      "open at \(to)", String(report.openInvoicesAtEnd), report.openAtEnd.swedishFormatted,
    ])
    table.lines.dropFirst().forEach { console.print($0) }
    return 0
  }
}
