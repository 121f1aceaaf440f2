import Basics
import Invoicing

/// `sietool import FILE.json`
struct ImportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "import",
    abstract: "Apply a JSON document of customers, products, invoices and actions as one unit.",
    discussion:
      "All or nothing: a bad row is named by its JSON path and nothing is written. Schema: docs/import.md.",
    arguments: [
      bookArgument, .positional("file", help: "The JSON document."),
      .flag("dry-run", help: "Check only; write nothing."),
    ])

  var directory: String, file: String, dryRun: Bool
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    file = arguments.require("file")
    dryRun = arguments.flag("dry-run")
  }

  func run(_ console: Console) throws -> Int32 {
    let bytes = try FilePath.read(file)
    let book = try openBook(directory, forWriting: !dryRun)
    var transaction = book.transaction()
    let summary: BookImport.Summary
    do {
      summary = try BookImport.apply(bytes, to: &transaction)
    } catch let error as JSONPathError {
      throw CommandFailure("\(file): \(error); nothing imported")
    }
    if !dryRun { try book.commit(transaction) }
    console.print(
      (dryRun ? "would import" : "imported")
        + " \(summary.customers) customers, \(summary.products) products, "
        + "\(summary.costCentres) cost centres, \(summary.projects) projects, \(summary.invoices) invoices, "
        + "\(summary.selfInvoices) self-invoices, \(summary.actions) actions")
    return 0
  }
}

/// `sietool settings show|set`
struct SettingsCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "settings",
    abstract: "The creditor's settings (book.json), including the chart of accounts.",
    subcommands: [SettingsShow.self, SettingsSet.self])
}

struct SettingsShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show the settings as JSON.", arguments: [bookArgument])
  var directory: String
  init(_ arguments: ParsedArguments) throws(UsageError) { directory = bookDirectory(arguments) }
  func run(_ console: Console) throws -> Int32 {
    console.printJSON(try openBook(directory, forWriting: false).state.settings.jsonValue)
    return 0
  }
}

struct SettingsSet: Command {
  static let configuration = CommandConfiguration(
    name: "set",
    abstract:
      "Change a setting: a key of book.json, or accounts.<name> (e.g. accounts.reminderFee 3590).",
    arguments: [
      bookArgument, .positional("key", help: "The setting."),
      .positional("value", help: "Its new value."),
    ])
  var directory: String, key: String, value: String
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    key = arguments.require("key")
    value = arguments.require("value")
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    guard case .object(var object) = book.state.settings.jsonValue else { return 1 }
    let parts = key.split(separator: ".").map(String.init)
    func typed(_ old: JSONValue?) -> JSONValue {
      switch old {
      case .bool?: .bool(value == "true")
      case .number?: .number(value)
      default: .string(value)
      }
    }
    if parts.count == 2, parts[0] == "accounts", case .object(var accounts)? = object["accounts"] {
      guard accounts[parts[1]] != nil else {
        throw CommandFailure("no account setting \(parts[1])")
      }
      accounts[parts[1]] = .string(value)
      object["accounts"] = .object(accounts)
    } else if parts.count == 1, CreditorSettings.fields.contains(key) {
      object[key] = typed(object[key])
    } else {
      throw CommandFailure("no setting \(key)")
    }
    let settings: CreditorSettings
    do {
      settings = try CreditorSettings(json: JSONReader(.object(object)))
    } catch let error as JSONPathError {
      throw CommandFailure("\(key): \(error.message)")
    }
    try book.updateSettings(settings)
    console.print("\(key) = \(value)")
    return 0
  }
}
