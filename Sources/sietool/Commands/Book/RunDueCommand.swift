import Basics
import Invoicing

/// `sietool run-due [--date D] [--dry-run] [--pdfs DIR] [--format text|json]`: the day's
/// scheduled steps, as one transaction.
struct RunDueCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "run-due",
    abstract: "Take every scheduled step whose day has come: reminders, collection, payouts.",
    discussion: """
      Reminders and collection follow the reminder plan (settings reminderPlan.*, a customer's \
      own plan, an invoice's --reminder-date); self-invoices are paid out on their payout day, \
      client funds one bank day after the customer paid. Each step is dated on its own day, so \
      a run after a gap takes every missed step once, as daily runs would have; a step whose \
      day found the invoice paid, credited or in collection is not taken. Running it twice for \
      the same day does nothing the second time. Invoices whose collection waits for a review \
      are listed: send them with sietool invoice collect N.
      """)

  @OptionGroup var reading: BookReading
  @Option(help: "The day to run for (default: today, in the creditor's time zone).")
  var date: Day?
  @Flag(help: "Say what would be done; write nothing.") var dryRun: Bool
  @Option(value: "dir", help: "Also write the PDFs of the reminders sent into this directory.")
  var pdfs: String?

  var bookOptions: BookOptions { reading.bookOptions }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: !dryRun, console: console)
    let day = date ?? book.today
    if let pdfs { try checkDirectory(pdfs, book: book) }
    let run: DueRun
    if dryRun {
      var transaction = book.transaction()
      run = transaction.takeDueSteps(through: day)
    } else {
      run = try book.transact { $0.takeDueSteps(through: day) }
    }
    if let pdfs, !dryRun { try writeReminders(run, into: pdfs, book: book, console: console) }
    if reading.format == .json {
      console.printJSON(DueRunJSON.object(run, dryRun: dryRun))
    } else {
      DueRunText.lines(run, dryRun: dryRun).forEach { console.print(TextTable.escaped($0)) }
    }
    return 0
  }

  private func checkDirectory(_ path: String, book: Book) throws {
    guard FilePath.isDirectory(path) else {
      throw CommandFailure(.unsafeOutput, .file(path), "\(path) is not a directory")
    }
    try OutputTarget.check(FilePath.join(path, "reminder.pdf"), book: book)
  }

  /// `<invoice>-reminder-<n>.pdf` for each reminder sent.
  private func writeReminders(_ run: DueRun, into path: String, book: Book, console: Console)
    throws
  {
    let state = book.state
    for reminder in run.reminders {
      guard let record = state.invoices[reminder.invoice] else { continue }
      let bytes = InvoiceRenderer.reminder(
        record, index: reminder.ordinal - 1, in: state,
        style: .of(record, in: state, logo: book.logo(named:)))
      let file = FilePath.join(path, "\(reminder.number)-reminder-\(reminder.ordinal).pdf")
      try OutputTarget(file, book: book).write(bytes, console: console)
    }
  }
}

/// `run-due --format json`.
enum DueRunJSON {
  static func object(_ run: DueRun, dryRun: Bool) -> JSONValue {
    .object([
      "date": run.date.jsonValue,
      "dryRun": .bool(dryRun),
      "reminders": .array(
        run.reminders.map {
          .object([
            "invoice": .string($0.number), "number": .integer($0.ordinal),
            "fee": $0.fee.jsonValue, "due": $0.due.jsonValue,
          ])
        }),
      "collections": .array(run.collections.map(collection)),
      "needsReview": .array(run.needsReview.map(collection)),
      "payouts": .array(
        run.payouts.map {
          .object([
            "kind": .string($0.kind.rawValue), "document": .string($0.document),
            "amount": $0.amount.jsonValue, "date": $0.date.jsonValue,
          ])
        }),
      "skipped": .array(
        run.skipped.map { .object(["invoice": .string($0.subject), "reason": .string($0.reason)]) }
      ),
    ])
  }

  private static func collection(_ item: DueRun.Collection) -> JSONValue {
    .object([
      "invoice": .string(item.number), "due": item.due.jsonValue, "open": item.open.jsonValue,
    ])
  }
}

/// `run-due` as text: one line a step, then the summary.
enum DueRunText {
  static func lines(_ run: DueRun, dryRun: Bool) -> [String] {
    let verb = dryRun ? "would be" : ""
    var lines = run.reminders.map {
      "reminder \($0.ordinal) for invoice \($0.number) on \($0.due), fee \($0.fee.swedishFormatted)"
    }
    lines += run.collections.map { "invoice \($0.number) to collection on \($0.due)" }
    lines += run.payouts.map {
      let what = $0.kind == .selfInvoice ? "self-invoice" : "client funds for"
      return "payout of \($0.amount.swedishFormatted) on \($0.date): \(what) \($0.document)"
    }
    lines += run.needsReview.map {
      "review: invoice \($0.number) is due for collection since \($0.due), \($0.open.swedishFormatted) open (sietool invoice collect \($0.number))"
    }
    lines += run.skipped.map { "skipped: \($0.subject): \($0.reason)" }
    let steps = run.reminders.count + run.collections.count + run.payouts.count
    lines.append(
      steps == 0
        ? "nothing was due by \(run.date)"
        : "\(steps.counted("step")) \(verb.isEmpty ? "taken" : "\(verb) taken") by \(run.date)"
    )
    return lines
  }
}
