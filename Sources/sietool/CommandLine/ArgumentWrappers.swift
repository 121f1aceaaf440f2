import Basics

/// Where a declared argument keeps its definition and, once parsed, its value. Shared by the
/// property wrapper and the parser (a class, so that a command struct's wrapper sees what the
/// parser filled in).
class ArgumentSlot: @unchecked Sendable {
  /// The definition; its name is the property's, in kebab case, unless given.
  var definition: ArgumentDefinition
  /// Whether the name was given explicitly (else it comes from the property's label).
  let isNamed: Bool

  init(_ definition: ArgumentDefinition, isNamed: Bool) {
    self.definition = definition
    self.isNamed = isNamed
  }

  /// Takes this argument's value out of what the parser found.
  func fill(from parsed: ParsedArguments) throws(UsageError) {}
}

/// A slot whose value has a type.
final class TypedSlot<Value>: ArgumentSlot, @unchecked Sendable {
  private(set) var value: Value?
  private let convert: (ParsedArguments, ArgumentDefinition) throws(UsageError) -> Value

  init(
    _ definition: ArgumentDefinition, isNamed: Bool, initial: Value? = nil,
    convert: @escaping (ParsedArguments, ArgumentDefinition) throws(UsageError) -> Value
  ) {
    self.value = initial
    self.convert = convert
    super.init(definition, isNamed: isNamed)
  }

  override func fill(from parsed: ParsedArguments) throws(UsageError) {
    value = try convert(parsed, definition)
  }

  var wrappedValue: Value {
    guard let value else {
      preconditionFailure("--\(definition.name) read before the command line was parsed")
    }
    return value
  }
}

/// A property wrapper the parser finds by reflection.
protocol ArgumentWrapper {
  var slot: ArgumentSlot { get }
}

/// A group of arguments declared in their own struct and shared by several commands
/// (`@OptionGroup var book: BookOptions`).
protocol ArgumentGroupWrapper {
  var group: any ParsableArguments { get }
}

/// Converts one word to `T`, naming the argument in the error.
func convert<T: ExpressibleByArgument>(
  _ word: String, for definition: ArgumentDefinition, as type: T.Type
) throws(UsageError) -> T {
  if let choices = definition.choices ?? T.allValueStrings, !choices.contains(word) {
    throw UsageError(
      .invalidValue, .field(definition.name),
      "invalid value '\(word)' for \(definition.displayName); choose one of \(choices.joined(separator: ", "))"
    )
  }
  guard let value = T(argument: word) else {
    throw UsageError(
      .invalidValue, .field(definition.name),
      "invalid value '\(word)' for \(definition.displayName); expected \(T.expectation)")
  }
  return value
}

/// `--name VALUE`: an option with a typed value. Optional without a default, required when
/// the property is not optional and has no default, repeatable when it is an array.
///
/// ```swift
/// @Option(help: "The invoice date.") var date: Day?
/// @Option(help: "How to print.") var format: OutputFormat = .text
/// @Option(help: "A line.") var line: [String] = []
/// ```
@propertyWrapper
struct Option<Value>: ArgumentWrapper {
  let typed: TypedSlot<Value>
  var slot: ArgumentSlot { typed }
  var wrappedValue: Value { typed.wrappedValue }

  static func shown<T>(_ value: T) -> String? {
    if let value = value as? any RawRepresentable<String> { return value.rawValue }
    if let value = value as? CustomStringConvertible { return value.description }
    return nil
  }
}

extension Option where Value: ExpressibleByArgument {
  /// An option with a default.
  init(
    wrappedValue: Value, name: String? = nil, short: Character? = nil, value: String? = nil,
    help: String, only: [String]? = nil, defaultShown: String? = nil
  ) {
    typealias T = Value
    let definition = ArgumentDefinition.option(
      name ?? "", short: short, value: value ?? T.valueName, help: help,
      choices: only ?? T.allValueStrings, default: defaultShown ?? Self.shown(wrappedValue))
    typed = TypedSlot(definition, isNamed: name != nil, initial: wrappedValue) {
      parsed, definition throws(UsageError) in
      guard let word = parsed.value(definition.name) else { return wrappedValue }
      return try convert(word, for: definition, as: T.self)
    }
  }

  /// A required option.
  init(name: String? = nil, short: Character? = nil, value: String? = nil, help: String) {
    typealias T = Value
    let definition = ArgumentDefinition.option(
      name ?? "", short: short, value: value ?? T.valueName, help: help, required: true,
      choices: T.allValueStrings)
    typed = TypedSlot(definition, isNamed: name != nil) {
      parsed, definition throws(UsageError) in
      guard let word = parsed.value(definition.name) else {
        throw UsageError(.missingValue, .field(definition.name), "missing --\(definition.name)")
      }
      return try convert(word, for: definition, as: T.self)
    }
  }
}

extension Option {
  /// An optional option: `nil` when not given.
  init<T: ExpressibleByArgument>(
    name: String? = nil, short: Character? = nil, value: String? = nil, help: String
  ) where Value == T? {
    let definition = ArgumentDefinition.option(
      name ?? "", short: short, value: value ?? T.valueName, help: help,
      choices: T.allValueStrings)
    typed = TypedSlot(definition, isNamed: name != nil, initial: .some(nil)) {
      parsed, definition throws(UsageError) in
      guard let word = parsed.value(definition.name) else { return nil }
      return try convert(word, for: definition, as: T.self)
    }
  }

  /// A repeatable option: every value given, in order.
  init<T: ExpressibleByArgument>(
    wrappedValue: [T] = [], name: String? = nil, short: Character? = nil, value: String? = nil,
    help: String
  ) where Value == [T] {
    let definition = ArgumentDefinition.option(
      name ?? "", short: short, value: value ?? T.valueName, help: help,
      choices: T.allValueStrings, repeatable: true)
    typed = TypedSlot(definition, isNamed: name != nil, initial: wrappedValue) {
      parsed, definition throws(UsageError) in
      let words = parsed.values(definition.name)
      if words.isEmpty { return wrappedValue }
      var values = [T]()
      for word in words { values.append(try convert(word, for: definition, as: T.self)) }
      return values
    }
  }

}

/// `--name`: a flag, off unless given.
@propertyWrapper
struct Flag: ArgumentWrapper {
  let typed: TypedSlot<Bool>
  var slot: ArgumentSlot { typed }
  var wrappedValue: Bool { typed.wrappedValue }

  init(name: String? = nil, short: Character? = nil, help: String) {
    typed = TypedSlot(
      .flag(name ?? "", short: short, help: help), isNamed: name != nil, initial: false
    ) { parsed, definition throws(UsageError) in parsed.flag(definition.name) }
  }
}

/// `<name>`: a positional argument. Required unless optional; an array takes all that are
/// left.
@propertyWrapper
struct Argument<Value>: ArgumentWrapper {
  let typed: TypedSlot<Value>
  var slot: ArgumentSlot { typed }
  var wrappedValue: Value { typed.wrappedValue }

}

extension Argument where Value: ExpressibleByArgument {
  /// A required argument.
  init(name: String? = nil, help: String) {
    typealias T = Value
    typed = TypedSlot(.positional(name ?? "", help: help), isNamed: name != nil) {
      parsed, definition throws(UsageError) in
      guard let word = parsed.positional(definition.name) else {
        throw UsageError(
          .missingArgument, .field(definition.name), "missing <\(definition.name)>")
      }
      return try convert(word, for: definition, as: T.self)
    }
  }

}

extension Argument {
  /// An optional argument.
  init<T: ExpressibleByArgument>(name: String? = nil, help: String) where Value == T? {
    typed = TypedSlot(
      .positional(name ?? "", help: help, required: false), isNamed: name != nil,
      initial: .some(nil)
    ) { parsed, definition throws(UsageError) in
      guard let word = parsed.positional(definition.name) else { return nil }
      return try convert(word, for: definition, as: T.self)
    }
  }

  /// The arguments that are left, at least one unless `required` is false.
  init<T: ExpressibleByArgument>(name: String? = nil, help: String, required: Bool = true)
  where Value == [T] {
    typed = TypedSlot(
      .positional(name ?? "", help: help, required: required, repeating: true),
      isNamed: name != nil, initial: []
    ) { parsed, definition throws(UsageError) in
      var values = [T]()
      for word in parsed.positionalValues(definition.name) {
        values.append(try convert(word, for: definition, as: T.self))
      }
      return values
    }
  }
}

/// Arguments declared in a struct of their own, shared between commands.
@propertyWrapper
struct OptionGroup<Value: ParsableArguments>: ArgumentGroupWrapper {
  var wrappedValue: Value
  var group: any ParsableArguments { wrappedValue }
  init() { wrappedValue = Value() }
}
