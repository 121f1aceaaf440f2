import Basics
import Invoicing

let selfInvoiceHelp = "The self-invoice: its number (SF-…), external id, or d<id> for a draft."

func selfInvoiceRecord(_ name: String, in state: BookState) throws -> SelfInvoiceRecord {
  guard let record = state.selfInvoice(named: name) else {
    throw BookError(.noSuchSelfInvoice, .selfInvoice(name), "no self-invoice \(name)")
  }
  return record
}

/// The self-invoices as a register the command line lists and shows.
enum SelfInvoices: ListedRegister {
  static let noun = "self-invoice"
  static let keyName = "self-invoice"
  static let keyHelp = selfInvoiceHelp
  static func entries(in state: BookState) -> [SelfInvoiceRecord] { state.allSelfInvoices }
  static func entry(_ key: String, in state: BookState) throws -> SelfInvoiceRecord {
    try selfInvoiceRecord(key, in: state)
  }
  static let columns = ["number", "payee", "payout", "state", "amount"]
  static let rightAligned: Set<String> = ["amount"]
  static func row(_ record: SelfInvoiceRecord, in state: BookState) -> [String] {
    [
      record.selfInvoice.displayName, record.selfInvoice.payee, record.selfInvoice.payoutDate.iso,
      record.state.rawValue, record.payoutAmount.swedishFormatted,
    ]
  }
  static func json(_ record: SelfInvoiceRecord, in state: BookState) -> JSONValue {
    record.summaryJSON
  }
  static func detailLines(_ record: SelfInvoiceRecord, in state: BookState) -> [String] {
    [
      "self-invoice \(record.selfInvoice.displayName) from \(record.selfInvoice.payee): \(record.state.rawValue)",
      "  total \(record.selfInvoice.totals.total.swedishFormatted), payout \(record.payoutAmount.swedishFormatted) on \(record.selfInvoice.payoutDate)",
    ]
  }
}

/// `--line … [--text T] [--attest]`: what a self-invoice, or a correction, says.
struct SelfInvoiceContent: ParsableArguments {
  @Option(
    value: "spec",
    help: "A line, as for invoices (a correction takes back with negative quantities).")
  var line: [String] = []
  @Option(help: "A text.") var text: String?
  @Flag(help: "Attest it at once.") var attest: Bool

  /// The `--line` specifications read; at least one.
  func lines() throws(UsageError) -> [LineInput] {
    let lines = try lineInputs(line)
    guard !lines.isEmpty else { throw UsageError(.missingValue, .field("line"), "missing --line") }
    return lines
  }

  /// Drafts with `draft`, and attests on `day` with `--attest`, in one transaction; returns
  /// the id and, when attested, the number.
  func record(
    in book: Book, on day: Day, _ draft: (inout BookTransaction, [LineInput]) throws -> Int
  ) throws -> (id: Int, number: String?) {
    let lines = try lines()
    return try book.transact { transaction -> (Int, String?) in
      let id = try draft(&transaction, lines)
      return (id, attest ? try transaction.attestSelfInvoice(id, on: day) : nil)
    }
  }
}

struct SelfInvoiceNew: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "Draft a self-invoice for a payee.")

  @OptionGroup var bookOptions: BookOptions
  @Option(value: "number", help: "The payee (from the customer register).") var payee: String
  @Option(help: "The invoice date (default: today).") var date: Day?
  @Option(help: "The payout date (default: after the payment terms).") var payout: Day?
  @Option(value: "id", help: "Your own id.") var externalId: String?
  @OptionGroup var content: SelfInvoiceContent

  mutating func validate() throws(UsageError) { _ = try content.lines() }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let day = date ?? book.today
    let (id, number) = try content.record(in: book, on: day) {
      try $0.draftSelfInvoice(
        payee: payee, invoiceDate: day, payoutDate: payout, lines: $1, text: content.text,
        externalId: externalId)
    }
    let record = book.state.selfInvoices[id]!
    console.print(
      "\(number.map { "self-invoice \($0) attested" } ?? "draft d\(id)"): \(record.selfInvoice.totals.total.swedishFormatted), payout \(record.selfInvoice.payoutDate)"
    )
    return 0
  }
}

/// `sietool self-invoice correct SF-S2-0001 --line … [--attest]`: a correction document.
struct SelfInvoiceCorrect: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "correct", abstract: "Correct an attested self-invoice with a correction document.",
    discussion: """
      An attested self-invoice never changes. A correction (rättelse) refers to it, gets the \
      next number of the payee's series, and takes back (negative quantities) or adds (positive \
      ones); once attested it changes what the original pays out, and it is paid, or cancelled, \
      with the original. Example: --line 'description=Avdrag,quantity=-1,price=40.00,vat=25'.
      """)
  @OptionGroup var changing: BookChange
  @Argument(name: "self-invoice", help: selfInvoiceHelp) var name: String
  @OptionGroup var content: SelfInvoiceContent

  mutating func validate() throws(UsageError) { _ = try content.lines() }

  func record(in book: Book, on day: Day) throws -> String {
    let original = try selfInvoiceRecord(name, in: book.state)
    let (id, number) = try content.record(in: book, on: day) {
      try $0.draftSelfInvoiceCorrection(
        of: original.selfInvoice.id, date: day, lines: $1, text: content.text)
    }
    let correction = book.state.selfInvoices[id]!.selfInvoice
    let after = book.state.selfInvoices[original.selfInvoice.id]!
    return (number.map { "correction \($0) attested" } ?? "correction draft d\(id)")
      + " of \(original.selfInvoice.displayName): \(correction.totals.total.swedishFormatted); "
      + "\(after.selfInvoice.displayName) pays out \(after.payoutAmount.swedishFormatted)"
  }
}

/// The self-invoice a step is taken on: `<self-invoice> [--date D]`.
struct SelfInvoiceStep: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Argument(name: "self-invoice", help: selfInvoiceHelp) var name: String
}

struct SelfInvoiceAttest: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "attest",
    abstract: "Attest a self-invoice: it gets the next number of the payee's series.")
  @OptionGroup var changing: BookChange
  @Argument(name: "self-invoice", help: selfInvoiceHelp) var name: String

  func record(in book: Book, on day: Day) throws -> String {
    let id = try selfInvoiceRecord(name, in: book.state).selfInvoice.id
    return "self-invoice \(try book.transact { try $0.attestSelfInvoice(id, on: day) }) attested"
  }
}

struct SelfInvoiceUpdate: Command {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Move the payout date of an unpaid self-invoice.",
    discussion: """
      The amount of an attested self-invoice is its total: --amount is refused \
      (payout-amount-fixed); change what is paid out with sietool self-invoice correct.
      """)
  @OptionGroup var step: SelfInvoiceStep
  @Option(help: "The new payout date.") var payout: Day?
  @Option(help: "Refused: the amount changes by a correction.") var amount: Amount?

  mutating func validate() throws(UsageError) {
    guard payout != nil || amount != nil else {
      throw UsageError(.missingValue, .field("payout"), "give --payout")
    }
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(step.bookOptions.directory, forWriting: true, console: console)
    let record = try selfInvoiceRecord(step.name, in: book.state)
    try book.transact {
      try $0.record(.payoutChanged(id: record.selfInvoice.id, date: payout, amount: amount))
    }
    let after = book.state.selfInvoices[record.selfInvoice.id]!
    console.print(
      "self-invoice \(after.selfInvoice.displayName): payout \(after.payoutAmount.swedishFormatted) on \(after.selfInvoice.payoutDate)"
    )
    return 0
  }
}

/// `pause`, `resume`, `cancel` and `pay` share this shape.
struct SelfInvoiceSetCommand: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "set", abstract: "Pause, resume, cancel or record the payout of a self-invoice.")

  enum Change: String, ArgumentEnum {
    case pause, resume, cancel, pay
    static var valueName: String { "change" }
  }

  @Argument(help: "pause, resume, cancel or pay.") var change: Change
  @OptionGroup var changing: BookChange
  @Argument(name: "self-invoice", help: selfInvoiceHelp) var name: String

  func record(in book: Book, on day: Day) throws -> String {
    let id = try selfInvoiceRecord(name, in: book.state).selfInvoice.id
    let event: Event =
      switch change {
      case .pause: .payoutPaused(id: id)
      case .resume: .payoutResumed(id: id)
      case .cancel: .selfInvoiceCancelled(id: id, date: day)
      case .pay: .selfInvoicePaid(id: id, date: day)
      }
    try book.transact { try $0.record(event) }
    let after = book.state.selfInvoices[id]!
    return "self-invoice \(after.selfInvoice.displayName): \(after.state.rawValue)"
  }
}

struct SelfInvoicePDF: Command {
  static let configuration = CommandConfiguration(
    name: "pdf", abstract: "Write a self-invoice's PDF.")
  @OptionGroup var step: SelfInvoiceStep
  @Option(short: "o", value: "file", help: "Where to write; - for standard output.")
  var output: String

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(step.bookOptions.directory, forWriting: false, console: console)
    let state = book.state
    let record = try selfInvoiceRecord(step.name, in: state)
    let bytes = SelfInvoiceRenderer.selfInvoice(
      record, in: state, style: .of(record, in: state, logo: book.logo(named:)))
    try OutputTarget(output, book: book).write(bytes, console: console)
    return 0
  }
}
