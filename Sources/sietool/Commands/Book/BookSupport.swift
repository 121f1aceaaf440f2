import Basics
import Invoicing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--book DIR`: the book's directory; `$SIETOOL_BOOK`, else the current directory.
let bookArgument = ArgumentDefinition.option(
  "book", value: "dir",
  help: "The book's directory (default: $SIETOOL_BOOK, else the current directory).")

let textOrJSON = ArgumentDefinition.option(
  "format", value: "format", help: "How to print.", choices: ["text", "json"], default: "text")

func dateArgument(_ help: String = "The date, YYYY-MM-DD (default: today).") -> ArgumentDefinition {
  .option("date", value: "YYYY-MM-DD", help: help)
}

/// Where the book is.
func bookDirectory(_ arguments: ParsedArguments) -> String {
  let environment = getenv("SIETOOL_BOOK").map { ["SIETOOL_BOOK": String(cString: $0)] } ?? [:]
  return bookDirectory(environment: environment, explicit: arguments.value("book"))
}

/// `--book`, else `$SIETOOL_BOOK`, else the current directory.
func bookDirectory(environment: [String: String], explicit: String?) -> String {
  explicit ?? environment["SIETOOL_BOOK"] ?? "."
}

/// Opens the book; `forWriting` takes the writer's lock.
func openBook(_ directory: String, forWriting: Bool) throws -> Book {
  try Book.open(at: directory, forWriting: forWriting)
}

/// Today, in UTC (`SIETOOL_TIME` sets it, for reproducible runs).
func today() -> Day {
  Day(iso: Book.systemClock().prefix(10)) ?? Day.today()
}

/// A date argument, or today when absent.
func day(_ text: String?, _ name: String = "date") throws(UsageError) -> Day {
  guard let text else { return today() }
  guard let day = Day(iso: text) else {
    throw UsageError(
      "invalid value '\(text)' for --\(name); expected a date YYYY-MM-DD that exists")
  }
  return day
}

func optionalDay(_ text: String?, _ name: String) throws(UsageError) -> Day? {
  guard let text else { return nil }
  return try day(text, name)
}

func amount(_ text: String?, _ name: String) throws(UsageError) -> Amount? {
  guard let text else { return nil }
  guard let amount = Amount(parsing: text) else {
    throw UsageError("invalid value '\(text)' for --\(name); expected an amount like 1000.00")
  }
  return amount
}

func decimal(_ text: String?, _ name: String) throws(UsageError) -> ExactDecimal? {
  guard let text else { return nil }
  guard let value = ExactDecimal(parsing: text) else {
    throw UsageError("invalid value '\(text)' for --\(name); expected a decimal number like 7.5")
  }
  return value
}

func integer(_ text: String?, _ name: String) throws(UsageError) -> Int? {
  guard let text else { return nil }
  guard let value = Int(text) else {
    throw UsageError("invalid value '\(text)' for --\(name); expected a whole number")
  }
  return value
}

/// The invoice an argument names: its number, its external id, or `d7` for draft 7.
func invoiceRecord(_ name: String, in state: BookState) throws -> InvoiceRecord {
  guard let record = state.invoice(named: name) else {
    throw CommandFailure(
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
      throw UsageError("invalid --line '\(spec)'; use PRODUCT:QUANTITY or key=value,… pairs")
    }
    line.product = parts[0]
    if parts.count == 2 { line.quantity = try decimal(parts[1], "line")! }
    return line
  }
  for pair in spec.split(separator: ",") {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw UsageError("invalid --line part '\(pair)'; expected key=value")
    }
    let (key, value) = (parts[0], parts[1])
    switch key {
    case "product": line.product = value
    case "description", "text": line.description = value
    case "quantity", "qty": line.quantity = try decimal(value, "line quantity")!
    case "unitPrice", "price": line.unitPrice = try amount(value, "line unitPrice")
    case "vatRate", "vat":
      guard let percent = Int(value), let rate = VATRate(percent: percent) else {
        throw UsageError("invalid VAT rate '\(value)' in --line; use 25, 12, 6 or 0")
      }
      line.vatRate = rate
    case "discount", "discountPercent": line.discountPercent = try decimal(value, "line discount")
    case "unit": line.unit = value
    case "costCentre", "cc": line.costCentre = value
    case "project": line.project = value
    case "category":
      guard let category = LineCategory(rawValue: value) else {
        throw UsageError("invalid category '\(value)' in --line; use sale or interest")
      }
      line.category = category
    default: throw UsageError("unknown key '\(key)' in --line")
    }
  }
  return line
}

extension InvoiceRecord {
  /// One line of `invoice list`.
  var listLine: String {
    let number = invoice.number.map(String.init) ?? "d\(invoice.id)"
    return number.padding(8) + invoice.customer.padding(10) + invoice.invoiceDate.iso.padding(12)
      + invoice.dueDate.iso.padding(12) + state.rawValue.padding(11)
      + invoice.totals.total.description.leftPadded(12) + open.description.leftPadded(12)
  }
}
