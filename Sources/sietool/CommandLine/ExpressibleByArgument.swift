import Basics
import Invoicing
import Ledger
import SIE

/// A type an option or argument can hold: read from one command-line word.
protocol ExpressibleByArgument {
  /// The value `argument` names, or `nil` when it names none.
  init?(argument: String)
  /// The placeholder in help and usage, e.g. `YYYY-MM-DD`.
  static var valueName: String { get }
  /// What a valid value looks like, for error messages ("a date YYYY-MM-DD that exists").
  static var expectation: String { get }
  /// The accepted values, when only some are (shown in help, checked before conversion).
  static var allValueStrings: [String]? { get }
}

extension ExpressibleByArgument {
  static var allValueStrings: [String]? { nil }
}

/// An enum whose raw values are the words the command line takes.
protocol ArgumentEnum: ExpressibleByArgument, CaseIterable, RawRepresentable
where RawValue == String {}

extension ArgumentEnum {
  init?(argument: String) { self.init(rawValue: argument) }
  static var valueName: String { "value" }
  static var allValueStrings: [String]? { allCases.map(\.rawValue) }
  static var expectation: String {
    "one of " + allCases.map(\.rawValue).joined(separator: ", ")
  }
}

extension String: ExpressibleByArgument {
  init?(argument: String) { self = argument }
  static var valueName: String { "text" }
  static var expectation: String { "text" }
}

/// A value the command line reads with one of the type's own parsers: the conformance names
/// the parser, the placeholder and what a valid value looks like.
protocol ParsedArgument: ExpressibleByArgument {
  static var argumentSyntax: ArgumentSyntax<Self> { get }
}

/// How a ``ParsedArgument`` is read and described.
struct ArgumentSyntax<Value> {
  var valueName: String
  var expectation: String
  var parse: (String) -> Value?
}

extension ParsedArgument {
  init?(argument: String) {
    guard let value = Self.argumentSyntax.parse(argument) else { return nil }
    self = value
  }
  static var valueName: String { argumentSyntax.valueName }
  static var expectation: String { argumentSyntax.expectation }
}

extension Int: ParsedArgument {
  static var argumentSyntax: ArgumentSyntax<Int> {
    .init(valueName: "n", expectation: "a whole number", parse: { Int($0) })
  }
}

extension Day: ParsedArgument {
  static var argumentSyntax: ArgumentSyntax<Day> {
    .init(
      valueName: "YYYY-MM-DD", expectation: "a date YYYY-MM-DD that exists", parse: Day.init(iso:))
  }
}

extension Amount: ParsedArgument {
  static var argumentSyntax: ArgumentSyntax<Amount> {
    .init(
      valueName: "amount", expectation: "an amount such as 1000.00", parse: Amount.init(parsing:))
  }
}

extension ExactDecimal: ParsedArgument {
  static var argumentSyntax: ArgumentSyntax<ExactDecimal> {
    .init(
      valueName: "decimal", expectation: "a decimal number such as 1.5",
      parse: ExactDecimal.init(parsing:))
  }
}

extension VATRate: ExpressibleByArgument {
  init?(argument: String) {
    guard let percent = Int(argument) else { return nil }
    self.init(percent: percent)
  }
  static var valueName: String { "percent" }
  static var expectation: String { "25, 12, 6 or 0" }
}

extension BookkeepingMethod: ArgumentEnum {}
extension ReminderPlan.Collection: ArgumentEnum {}
extension DocumentLanguage: ArgumentEnum {}
extension Market: ArgumentEnum {}
extension ProductKind: ArgumentEnum {}
extension ReceiverProfile: ArgumentEnum {}
extension Summarization: ArgumentEnum {}

extension MonthDay: ExpressibleByArgument {
  init?(argument: String) { self.init(argument) }
  static var valueName: String { "MM-DD" }
  static var expectation: String { "a day of the year MM-DD" }
}
extension InvoiceState: ArgumentEnum {}

extension AccountNumber: ExpressibleByArgument {
  /// A four-digit BAS account, e.g. `3001`.
  init?(argument: String) {
    let account = AccountNumber(argument)
    guard account.isBASAccount else { return nil }
    self = account
  }
  static var valueName: String { "account" }
  static var expectation: String { "a four-digit account number such as 3001" }
}
