import Basics

/// One argument a command takes: an option with a value, a flag, or a positional argument.
struct ArgumentDefinition: Sendable {
  enum Kind: Sendable {
    /// `--name VALUE` (or `--name=VALUE`); `repeatable` options may be given several times.
    case option(valueName: String, repeatable: Bool)
    /// `--name`, on or off.
    case flag
    /// A value by position; `repeating` takes all that are left.
    case positional(repeating: Bool)
  }

  var name: String
  var short: Character?
  var kind: Kind
  var help: String
  var isRequired: Bool
  /// The accepted values, when only some are.
  var choices: [String]?
  /// Shown in the help.
  var defaultValue: String?

  static func option(
    _ name: String, short: Character? = nil, value: String = "value", help: String,
    required: Bool = false, choices: [String]? = nil, default defaultValue: String? = nil,
    repeatable: Bool = false
  ) -> ArgumentDefinition {
    ArgumentDefinition(
      name: name, short: short, kind: .option(valueName: value, repeatable: repeatable),
      help: help, isRequired: required, choices: choices, defaultValue: defaultValue)
  }

  static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentDefinition {
    ArgumentDefinition(
      name: name, short: short, kind: .flag, help: help, isRequired: false, choices: nil,
      defaultValue: nil)
  }

  static func positional(
    _ name: String, help: String, required: Bool = true, repeating: Bool = false
  ) -> ArgumentDefinition {
    ArgumentDefinition(
      name: name, short: nil, kind: .positional(repeating: repeating), help: help,
      isRequired: required, choices: nil, defaultValue: nil)
  }

  /// `--name` or `<name>`, as messages name it.
  var displayName: String { isPositional ? "<\(name)>" : "--\(name)" }

  var isPositional: Bool {
    if case .positional = kind { return true }
    return false
  }

  /// The argument as the usage line shows it: `<file> ...`, `[--strict]`, `--to <format>`.
  var usage: String {
    let text: String
    switch kind {
    case .positional(let repeating):
      text = "<\(name)>" + (repeating ? " ..." : "")
    case .flag:
      text = "--\(name)"
    case .option(let valueName, _):
      text = "--\(name) <\(valueName)>"
    }
    return isRequired ? text : "[\(text)]"
  }
}

/// The values a command line gave, by argument name.
struct ParsedArguments {
  var options: [String: [String]] = [:]
  var flags: Set<String> = []
  var positionals: [String: [String]] = [:]

  /// The last value of an option (or its default).
  func value(_ name: String) -> String? { options[name]?.last }
  /// All values of a repeatable option.
  func values(_ name: String) -> [String] { options[name] ?? [] }
  func flag(_ name: String) -> Bool { flags.contains(name) }
  /// The value of a single positional argument.
  func positional(_ name: String) -> String? { positionals[name]?.first }
  /// The values of a repeating positional argument.
  func positionalValues(_ name: String) -> [String] { positionals[name] ?? [] }
}
