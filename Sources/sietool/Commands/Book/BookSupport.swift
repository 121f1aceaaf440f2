import Basics
import Invoicing
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens the book; `forWriting` takes the writer's lock. What the book warns of on opening
/// (a `book.json` that differs from the journal) goes to standard error.
/// How long a command waits for another command that is changing the book: 10 seconds, or
/// `SIETOOL_LOCK_WAIT`.
func lockWait() -> Double {
  getenv("SIETOOL_LOCK_WAIT").flatMap { Double(String(cString: $0)) }.map { max(0, min($0, 3600)) }
    ?? 10
}

func openBook(
  _ directory: String, forWriting: Bool, checkpoint: CheckpointPolicy = .use, console: Console
) throws -> Book {
  let book = try ProgressLine.during("opening the book", console: console) {
    try Book.open(
      at: directory, forWriting: forWriting, lockWait: forWriting ? lockWait() : 0,
      checkpoint: checkpoint)
  }
  for warning in book.warnings {
    console.printError("warning: [\(warning.code.rawValue)] \(warning.message)")
  }
  KeptUntilExit.keep(book)
  return book
}

/// What a command made that is large — the books it opened, an export's vouchers — kept until
/// the process exits when it is the `sietool` executable: the system takes back their memory
/// at once, where freeing a million records piece by piece takes a second. Commands run inside
/// another program free theirs.
enum KeptUntilExit {
  private static let values = Mutex<(keeping: Bool, values: [any Sendable])>((false, []))

  /// Keeps every value handed to ``keep(_:)`` from now on until the process exits.
  static func start() { values.withLock { $0.keeping = true } }

  static func keep(_ value: any Sendable) {
    values.withLock {
      if $0.keeping { $0.values.append(value) }
    }
  }
}

/// Today in Swedish time, for commands without a book (`SIETOOL_TIME` sets the clock).
func today() -> Day {
  TimeZoneRule.default.day(atUTC: Book.systemClock()) ?? Day.today()
}

/// A value inside a `--line` specification.
func lineValue<T: ExpressibleByArgument>(_ text: String, _ key: String, as type: T.Type)
  throws(UsageError) -> T
{
  guard let value = T(argument: text) else {
    throw UsageError(
      .invalidValue, .field("line"),
      "invalid \(key) '\(text)' in --line; expected \(T.expectation)")
  }
  return value
}

/// The invoice an argument names: its number, its external id, or `d7` for draft 7.
func invoiceRecord(_ name: String, in state: BookState) throws -> InvoiceRecord {
  guard let record = state.invoice(named: name) else {
    if let attested = state.draftRecord(named: name), let number = attested.invoice.number {
      throw BookError(
        .noSuchInvoice, .invoice(name),
        "\(name) is no longer a draft: it was attested as invoice \(number); name it by its number")
    }
    throw BookError(
      .noSuchInvoice, .invoice(name),
      "no invoice \(name) (give its number, its external id, or d<id> for a draft)")
  }
  return record
}

/// `--line` values: `TJ:8` (product and quantity) or `key=value,…` with the keys product,
/// description, quantity, unitPrice, vatRate, discount, unit, costCentre, project, category.
func lineInputs(_ specs: [String]) throws(UsageError) -> [LineInput] {
  try specs.map { spec throws(UsageError) in try lineInput(spec) }
}

func lineInput(_ spec: String) throws(UsageError) -> LineInput {
  var line = LineInput()
  if !spec.contains("=") {
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), !parts[0].isEmpty else {
      throw UsageError(
        .invalidValue, .field("line"),
        "invalid --line '\(spec)'; use PRODUCT:QUANTITY or key=value,… pairs")
    }
    line.product = parts[0]
    if parts.count == 2 {
      line.quantity = try lineValue(parts[1], "quantity", as: ExactDecimal.self)
    }
    return line
  }
  for pair in spec.split(separator: ",") {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw UsageError(
        .invalidValue, .field("line"), "invalid --line part '\(pair)'; expected key=value")
    }
    let (key, value) = (parts[0], parts[1])
    switch key {
    case "product": line.product = value
    case "description", "text": line.description = value
    case "quantity", "qty": line.quantity = try lineValue(value, "quantity", as: ExactDecimal.self)
    case "unitPrice", "price": line.unitPrice = try lineValue(value, "price", as: Amount.self)
    case "vatRate", "vat": line.vatRate = try lineValue(value, "VAT rate", as: VATRate.self)
    case "discount", "discountPercent":
      line.discountPercent = try lineValue(value, "discount", as: ExactDecimal.self)
    case "unit": line.unit = value
    case "costCentre", "cc": line.costCentre = value
    case "project": line.project = value
    case "category":
      guard let category = LineCategory(rawValue: value) else {
        throw UsageError(
          .invalidValue, .field("line"),
          "invalid category '\(value)' in --line; use sale or interest")
      }
      line.category = category
    default:
      let keys = [
        "product", "description", "quantity", "price", "vat", "discount", "unit", "cc", "project",
        "category",
      ]
      throw UsageError(
        .invalidValue, .field("line"),
        "unknown key '\(key)' in --line" + Suggestions.hint(for: key, among: keys))
    }
  }
  return line
}

/// The table of invoices in `invoice list` and `customer show`.
enum InvoiceTable {
  static func lines(_ records: [InvoiceRecord]) -> [String] {
    var table = TextTable(
      ["number", "customer", "date", "due", "state", "total", "open"],
      rightAligned: ["total", "open"])
    for record in records {
      let invoice = record.invoice
      table.append([
        invoice.number.map(String.init) ?? "d\(invoice.id)", invoice.customer,
        invoice.invoiceDate.iso, invoice.dueDate.iso, record.state.rawValue,
        invoice.totals.total.swedishFormatted, record.open.swedishFormatted,
      ])
    }
    return table.lines
  }
}

/// Prints the warning for an attested invoice that lacks particulars the law requires.
func warnOfMissingParticulars(_ id: Int, number: String, in state: BookState, console: Console) {
  let missing = state.missingParticulars(ofInvoice: id)
  if let warning = BookWarning.missingParticulars(missing, invoice: number) {
    console.printError("warning: [\(warning.code.rawValue)] \(warning.message)")
  }
}
