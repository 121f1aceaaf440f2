import Basics

/// Splits a command line into a command's arguments, checking them against its definitions.
///
/// Accepted forms: `--name value`, `--name=value`, `-n value`, `--flag`, `-f`, positional
/// values anywhere, and `--` after which everything is positional.
enum ArgumentParser {
  static func parse(_ words: [String], for definitions: [ArgumentDefinition]) throws(UsageError)
    -> ParsedArguments
  {
    var result = ParsedArguments()
    var positional = [String]()
    var index = 0
    var onlyPositional = false
    func definition(named name: String) -> ArgumentDefinition? {
      definitions.first { $0.name == name && !$0.isPositional }
    }
    while index < words.count {
      let word = words[index]
      index += 1
      if onlyPositional || word == "-" || !word.hasPrefix("-") {
        positional.append(word)
        continue
      }
      if word == "--" {
        onlyPositional = true
        continue
      }
      var name: String
      var inlineValue: String?
      if word.hasPrefix("--") {
        name = String(word.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
      } else {
        guard word.count == 2,
          let found = definitions.first(where: { $0.short == word.last! && !$0.isPositional })
        else {
          throw UsageError(.unknownOption, .field(word), "unknown option '\(word)'")
        }
        name = found.name
      }
      guard let argument = definition(named: name) else {
        let names = definitions.filter { !$0.isPositional }.map(\.name)
        throw UsageError(
          .unknownOption, .field("--" + name),
          "unknown option '--\(name)'" + Suggestions.hint(for: name, among: names, prefix: "--"))
      }
      switch argument.kind {
      case .flag:
        guard inlineValue == nil else {
          throw UsageError(.invalidValue, .field(name), "--\(name) takes no value")
        }
        result.flags.insert(name)
      case .option(_, let repeatable):
        let value: String
        if let inlineValue {
          value = inlineValue
        } else {
          guard index < words.count else {
            throw UsageError(.missingValue, .field(name), "missing value for --\(name)")
          }
          value = words[index]
          index += 1
        }
        if let choices = argument.choices, !choices.contains(value) {
          throw UsageError(
            .invalidValue, .field(name),
            "invalid value '\(value)' for --\(name); choose one of \(choices.joined(separator: ", "))"
          )
        }
        if !repeatable && result.options[name] != nil {
          throw UsageError(.repeatedOption, .field(name), "--\(name) given more than once")
        }
        result.options[name, default: []].append(value)
      case .positional:
        break
      }
    }
    for argument in definitions where !argument.isPositional && argument.isRequired {
      if result.options[argument.name] == nil {
        throw UsageError(.missingValue, .field(argument.name), "missing --\(argument.name)")
      }
    }
    for argument in definitions {
      guard case .positional(let repeating) = argument.kind else { continue }
      if positional.isEmpty {
        if argument.isRequired {
          throw UsageError(.missingArgument, .field(argument.name), "missing <\(argument.name)>")
        }
        continue
      }
      if repeating {
        result.positionals[argument.name] = positional
        positional = []
      } else {
        result.positionals[argument.name] = [positional.removeFirst()]
      }
    }
    if let extra = positional.first {
      throw UsageError(.unexpectedArgument, .field(extra), "unexpected argument '\(extra)'")
    }
    return result
  }
}
