import Basics
import Invoicing
import Reconcile

struct PaymentsImport: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "import", abstract: "Import payment files: read, match, and queue what cannot be placed.",
    discussion: """
      All files or none: a file refused leaves the book unchanged. The format is found from the \
      content. What the book has already (the same file, also renamed, or its deposits inside a \
      larger file) is reported as duplicates and imported again never. Payments with strong \
      evidence (an OCR of an open invoice) are placed at once; medium evidence is kept as \
      suggestions; the rest waits in the queue (sietool payments list).
      """)

  @OptionGroup var bookOptions: BookOptions
  @Argument(name: "file", help: "The payment files.") var files: [String]
  @Flag(help: "Read and decide, write nothing.") var dryRun: Bool
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    var inputs = [PaymentImport.Input]()
    for file in files { inputs.append(.init(name: file, bytes: try FilePath.read(file))) }
    let book = try openBook(directory, forWriting: !dryRun, console: console)
    let plan = try PaymentImport.plan(inputs, book: book.state)
    if let event = plan.event, !dryRun { try book.transact { try $0.record(event) } }
    let summary = plan.summary
    if format == .json {
      console.printJSON(
        .object([
          "files": .array(
            summary.files.map {
              .object([
                "file": .string($0.name), "format": .string($0.format.rawValue),
                "payments": .integer($0.payments), "new": .integer($0.new),
                "duplicates": .integer($0.duplicates),
                "probableDuplicates": .array($0.probableDuplicates.map(JSONValue.string)),
                "notes": .array($0.notes.map { .string($0.description) }),
              ])
            }),
          "matched": .integer(summary.matched), "suggested": .integer(summary.suggested),
          "unhandled": .integer(summary.unhandled), "dryRun": .bool(dryRun),
        ]))
      return 0
    }
    for file in summary.files {
      console.print(
        "\(file.name): \(file.format.rawValue), \(counted(file.payments, "payment")), \(file.new) new, \(file.duplicates) already imported"
      )
      for note in file.notes { console.print("  note: \(TextTable.escaped(note.description))") }
      for twin in file.probableDuplicates {
        console.print("  probable duplicate, not imported: \(twin)")
      }
    }
    console.print(
      (dryRun ? "would place " : "placed ")
        + "\(summary.matched) automatically (\(summary.matchedAmount.swedishFormatted)), "
        + "\(summary.suggested) suggested (\(summary.suggestedAmount.swedishFormatted)), "
        + "\(summary.unhandled) unhandled (\(summary.unhandledAmount.swedishFormatted))")
    return 0
  }
}

/// The payment a queue step is taken on.
struct PaymentTarget: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Argument(name: "id", help: "The payment's id (see payments list).") var id: String
}

/// A step on one payment of the queue: open the book, record the step's event, say the
/// payment's new state.
protocol PaymentStep: Command {
  var target: PaymentTarget { get }
  /// The step's event, worked out against the book's state on `today`.
  func event(in state: BookState, today: Day) throws -> Event
  /// What to print once it is recorded.
  func done(_ record: IncomingRecord) -> String
}

extension PaymentStep {
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(target.bookOptions.directory, forWriting: true, console: console)
    try book.transact { tx in try tx.record(try event(in: tx.state, today: book.today)) }
    console.print("payment \(target.id): " + done(book.state.incoming[target.id]!))
    return 0
  }

  func done(_ record: IncomingRecord) -> String { record.state.rawValue }
}

struct PaymentsList: ReadsBook {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List incoming payments: the queue, or all of them.")

  enum StateChoice: String, ArgumentEnum {
    case unhandled, suggested, matched, overpayment, ignored, refunded, open, all
    case refundPending = "refund-pending"
    static var valueName: String { "state" }
  }

  @OptionGroup var reading: BookReading
  @Option(help: "Which payments (open: unhandled and suggested).") var state: StateChoice = .open

  func records(_ book: BookState) -> [IncomingRecord] {
    book.allIncoming.filter { record in
      switch state {
      case .all: true
      case .open: record.state == .unhandled || record.state == .suggested
      case .refundPending: record.state == .refundPending
      default: record.state.rawValue == state.rawValue
      }
    }
  }

  func json(_ book: BookState) -> JSONValue {
    .array(records(book).map { PaymentJSON.record($0, in: book) })
  }

  func text(_ book: BookState) -> [String] {
    var table = TextTable(
      ["id", "date", "amount", "reference", "payer", "state", "invoices"], rightAligned: ["amount"])
    for record in records(book) {
      let invoices = record.allocations.compactMap { book.invoices[$0.invoice]?.invoice.number }
      let suggested = record.suggestions.first.map { suggestion in
        "? "
          + suggestion.invoices.compactMap { book.invoices[$0]?.invoice.number }.map(String.init)
          .joined(separator: "+") + " (\(suggestion.score))"
      }
      table.append([
        record.payment.id, record.payment.date.iso, record.payment.amount.swedishFormatted,
        record.payment.reference ?? "", record.payment.payerName ?? "", record.state.rawValue,
        invoices.isEmpty ? (suggested ?? "") : invoices.map(String.init).joined(separator: "+"),
      ])
    }
    return table.lines
  }
}

struct PaymentsShow: ReadsBook {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show a payment: where it came from, what was decided and why.")
  @OptionGroup var reading: BookReading
  @Argument(name: "id", help: "The payment's id (see payments list).") var id: String

  func record(_ book: BookState) throws -> IncomingRecord {
    guard let record = book.incoming[id] else {
      throw ReconcileError(.noSuchPayment, .payment(id), "no incoming payment \(id)")
    }
    return record
  }

  func json(_ book: BookState) throws -> JSONValue {
    PaymentJSON.record(try record(book), in: book)
  }

  func text(_ book: BookState) throws -> [String] {
    let record = try record(book)
    let payment = record.payment
    var lines = [
      "payment \(payment.id): \(payment.amount.swedishFormatted) \(payment.currency) on \(payment.date), \(record.state.rawValue)",
      "  from \(payment.file) (\(payment.format)), deposit \(payment.deposit)",
    ]
    if let reference = payment.reference { lines.append("  reference: \(reference)") }
    for text in payment.texts { lines.append("  text: \(text)") }
    let payer = [payment.payerName, payment.payerOrganizationNumber, payment.payerBankgiro]
      .compactMap { $0 }
    if !payer.isEmpty { lines.append("  payer: " + payer.joined(separator: ", ")) }
    for deduction in payment.deductions {
      lines.append("  deduction: \(deduction.amount.swedishFormatted) for \(deduction.reference)")
    }
    for allocation in record.allocations {
      let number = book.invoices[allocation.invoice]?.invoice.displayName ?? "?"
      lines.append("  placed on invoice \(number): \(allocation.amount.swedishFormatted)")
    }
    if record.rest > .zero, let customer = record.customer {
      lines.append(
        "  overpaid: \(record.rest.swedishFormatted) stands as customer \(customer)'s credit")
    }
    for suggestion in record.suggestions {
      let numbers = suggestion.invoices.compactMap { book.invoices[$0]?.invoice.number }
      lines.append(
        "  suggested: invoices \(numbers.map(String.init).joined(separator: ", ")), score \(suggestion.score)"
      )
      for reason in suggestion.reasons { lines.append("    - \(reason)") }
    }
    for action in record.actions {
      lines.append(
        "  \(action.date) \(action.kind): \(action.reason)"
          + (action.score.map { " (score \($0))" } ?? ""))
    }
    return lines.map(TextTable.escaped)
  }
}

struct PaymentsMatch: PaymentStep {
  static let configuration = CommandConfiguration(
    name: "match",
    abstract: "Place a payment on one or several invoices by hand (amounts optional).",
    discussion:
      "Without --amount each invoice gets up to its open amount in the order given; the last takes the rest (an overpayment stands as the customer's credit). For a payment in state overpayment, what it left is used on the (one) invoice given."
  )
  @OptionGroup var target: PaymentTarget
  @Option(name: "invoice", help: "An invoice number (repeat for several).") var invoices: [Int]
  @Option(name: "amount", help: "The amount for each invoice, in order.") var amounts: [Amount] = []

  mutating func validate() throws(UsageError) {
    guard !invoices.isEmpty else {
      throw UsageError(.missingValue, .field("invoice"), "missing --invoice")
    }
    guard amounts.isEmpty || amounts.count == invoices.count else {
      throw UsageError(
        .conflictingOptions, .field("amount"), "give an --amount for each --invoice, or none")
    }
  }

  func event(in state: BookState, today: Day) throws -> Event {
    try PaymentQueue.match(target.id, invoices: invoices, amounts: amounts, in: state, on: today)
  }
}

struct PaymentsUnmatch: PaymentStep {
  static let configuration = CommandConfiguration(
    name: "unmatch",
    abstract: "Undo a payment's match: its invoices open again, the payment waits in the queue.")
  @OptionGroup var target: PaymentTarget
  @Option(help: "Why.") var reason = "match undone"

  func event(in state: BookState, today: Day) throws -> Event {
    PaymentQueue.unmatch(target.id, on: today, reason: reason)
  }
}

struct PaymentsIgnore: PaymentStep {
  static let configuration = CommandConfiguration(
    name: "ignore", abstract: "Take a payment out of the queue: it is booked elsewhere.")
  @OptionGroup var target: PaymentTarget
  @Option(help: "The account it is booked on instead.") var account: AccountNumber
  @Option(help: "Why.") var reason: String

  func event(in state: BookState, today: Day) throws -> Event {
    PaymentQueue.ignore(target.id, account: account, reason: reason, on: today)
  }

  func done(_ record: IncomingRecord) -> String { "ignored (booked on \(account))" }
}

struct PaymentsRefund: PaymentStep {
  static let configuration = CommandConfiguration(
    name: "refund", abstract: "Record that a payment (or its overpaid rest) was paid back.")
  @OptionGroup var target: PaymentTarget
  @Option(help: "The date (default: today, in the creditor's time zone).") var date: Day?
  @Flag(help: "The refund is under way; book it when it is recorded without --pending.")
  var pending: Bool

  func event(in state: BookState, today: Day) throws -> Event {
    PaymentQueue.refund(target.id, on: date ?? today, pending: pending)
  }

  func done(_ record: IncomingRecord) -> String { pending ? "refund pending" : "refunded" }
}

/// Payments as JSON (`payments list/show --format json`).
enum PaymentJSON {
  static func record(_ record: IncomingRecord, in state: BookState) -> JSONValue {
    let payment = record.payment
    func number(_ id: Int) -> JSONValue {
      state.invoices[id]?.invoice.number.map(JSONValue.integer) ?? .null
    }
    var payer = JSONObject()
    payer["name"] = payment.payerName.map(JSONValue.string) ?? .null
    payer["orgNumber"] = payment.payerOrganizationNumber.map(JSONValue.string) ?? .null
    payer["bankgiro"] = payment.payerBankgiro.map(JSONValue.string) ?? .null
    return .object([
      "id": .string(payment.id), "date": payment.date.jsonValue, "amount": payment.amount.jsonValue,
      "currency": .string(payment.currency),
      "reference": payment.reference.map(JSONValue.string) ?? .null, "payer": .object(payer),
      "state": .string(record.state.rawValue),
      "allocations": .array(
        record.allocations.map {
          .object([
            "invoice": number($0.invoice), "amount": $0.amount.jsonValue,
            "payment": .integer($0.payment),
          ])
        }),
      "rest": record.rest.jsonValue, "customer": record.customer.map(JSONValue.string) ?? .null,
      "suggestions": .array(
        record.suggestions.map { suggestion in
          .object([
            "invoices": .array(suggestion.invoices.map(number)),
            "score": .integer(suggestion.score),
            "reasons": .array(suggestion.reasons.map(JSONValue.string)),
          ])
        }),
      "source": .object([
        "file": .string(payment.file), "format": .string(payment.format),
        "deposit": .string(payment.deposit),
      ]),
    ])
  }
}

/// Places payments that waited in the queue for invoices attested since (a payment that came
/// before its invoice), and says so.
func placeWaitingPayments(_ book: Book, console: Console) throws {
  let events = PaymentQueue.rematch(in: book.state, on: book.today)
  guard !events.isEmpty else { return }
  try book.transact { tx in for event in events { try tx.record(event) } }
  console.print("placed \(counted(events.count, "waiting payment")) on the invoices just attested")
}
