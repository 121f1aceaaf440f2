import Basics
import Invoicing
import Ledger

struct SettingsShow: ReadsBook {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show the settings: one key = value per line, or JSON.")
  @OptionGroup var reading: BookReading

  func json(_ state: BookState) -> JSONValue { state.settings.jsonValue }

  func text(_ state: BookState) -> [String] {
    Self.flattened(state.settings.jsonValue).map { TextTable.escaped("\($0) = \($1)") }
  }

  /// `accounts.receivables = 1510`: nested objects flattened to dotted keys.
  static func flattened(_ value: JSONValue, prefix: String = "") -> [(String, String)] {
    guard case .object(let object) = value else {
      let text =
        switch value {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        default: value.serialized()
        }
      return [(prefix, text)]
    }
    var result = [(String, String)]()
    for (key, member) in object {
      result += flattened(member, prefix: prefix.isEmpty ? key : prefix + "." + key)
    }
    return result
  }
}

/// `sietool settings logo FILE`: the logo on documents.
struct SettingsLogo: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "logo", abstract: "Put a logo (JPEG, or PNG without transparency) on documents.",
    discussion: """
      The picture is kept in the book's documents/ by its content and printed at the top left \
      of documents attested from now on, at most 18 mm high and 60 mm wide. At most 1 MiB.
      """)
  @OptionGroup var bookOptions: BookOptions
  @Argument(help: "The picture.") var file: String

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let name = try book.storeLogo(
      try FilePath.readRegularFile(file, limit: Book.maximumLogoSize), fileName: file)
    var settings = book.state.settings
    settings.logo = name
    try book.updateSettings(settings)
    console.print("logo = \(name)")
    return 0
  }
}

struct SettingsSet: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "set",
    abstract:
      "Change a setting: a key of book.json, or accounts.<name> (e.g. accounts.reminderFee 3590).",
    discussion: """
      Each setting keeps its type: true or false for a switch, a whole number for a count, an \
      amount such as 60.00 for money. A value of another type is refused, naming what is allowed.
      The reminder plan: reminderPlan.firstAfterDays, reminderPlan.secondAfterDays and \
      reminderPlan.collectionAfterDays (days), reminderPlan.fee (an amount), \
      reminderPlan.collection (manual or automatic); none removes one. Account names in exported \
      files: accountNames.3011 "Försäljning tjänster 25 %" (none removes it).
      """)
  @OptionGroup var bookOptions: BookOptions
  @Argument(help: "The setting.") var key: String
  @Argument(help: "Its new value.") var value: String

  /// A value of `reminderPlan.<field>`: days are whole numbers, the fee an amount.
  func planValue(_ field: String) throws -> JSONValue {
    if field.hasSuffix("Days") {
      guard let days = Int(value) else {
        throw BookError(
          .invalidSetting, .field(key), "\(key) is a whole number of days (or none), not '\(value)'"
        )
      }
      return .integer(days)
    }
    if field == "fee" {
      guard let fee = Amount(parsing: value) else {
        throw BookError(
          .invalidSetting, .field(key),
          "\(key) is an amount such as 60.00 (or none), not '\(value)'")
      }
      return fee.jsonValue
    }
    return .string(value)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    guard case .object(var object) = book.state.settings.jsonValue else { return 1 }
    let parts = key.split(separator: ".").map(String.init)
    func typed(_ old: JSONValue?) throws -> JSONValue {
      switch old {
      case .bool?:
        guard value == "true" || value == "false" else {
          throw BookError(
            .invalidSetting, .field(key), "\(key) is true or false, not '\(value)'")
        }
        return .bool(value == "true")
      case .number?:
        guard Int(value) != nil else {
          throw BookError(
            .invalidSetting, .field(key), "\(key) is a whole number, not '\(value)'")
        }
        return .number(value)
      default:
        // A setting not written yet (it has its default): switches are true or false.
        if old == nil && (value == "true" || value == "false") { return .bool(value == "true") }
        return .string(value)
      }
    }
    if parts.count == 2, parts[0] == "accounts", case .object(var accounts)? = object["accounts"] {
      guard accounts[parts[1]] != nil else {
        throw CommandFailure(.noSuchSetting, .field(key), "no account setting \(parts[1])")
      }
      accounts[parts[1]] = .string(value)
      object["accounts"] = .object(accounts)
    } else if parts.count == 2, parts[0] == "reminderPlan", ReminderPlan.fields.contains(parts[1]) {
      var plan = JSONObject()
      if case .object(let old)? = object["reminderPlan"] { plan = old }
      plan[parts[1]] = value == "none" ? nil : try planValue(parts[1])
      object["reminderPlan"] = .object(plan)
    } else if parts.count == 2, parts[0] == "accountNames" {
      var names = JSONObject()
      if case .object(let old)? = object["accountNames"] { names = old }
      names[parts[1]] = value == "none" ? nil : .string(value)
      object["accountNames"] = .object(names)
    } else if parts.count == 1, CreditorSettings.fields.contains(key) {
      object[key] = try typed(object[key])
    } else {
      throw CommandFailure(.noSuchSetting, .field(key), "no setting \(key)")
    }
    let settings: CreditorSettings
    do {
      settings = try CreditorSettings(json: JSONReader(.object(object)))
    } catch let error as JSONPathError {
      throw BookError(.invalidSetting, .field(key), "\(key): \(error.message)")
    }
    if let refusal = try BookLedger(state: book.state).methodChangeRefusal(to: settings.method) {
      throw refusal
    }
    try book.updateSettings(settings)
    console.print("\(key) = \(value)")
    return 0
  }
}
