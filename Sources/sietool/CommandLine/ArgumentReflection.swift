import Basics

/// Finds a command's declared arguments by reflection, in declaration order, and names those
/// that were not named explicitly after their property (`orgNumber` → `--org-number`).
enum ArgumentReflection {
  /// The slots of `arguments` (groups included), named.
  static func slots(of arguments: any ParsableArguments) -> [ArgumentSlot] {
    var slots = [ArgumentSlot]()
    for child in Mirror(reflecting: arguments).children {
      if let wrapper = child.value as? ArgumentWrapper {
        let slot = wrapper.slot
        if !slot.isNamed, let label = child.label {
          slot.definition.name = kebabCase(label.hasPrefix("_") ? String(label.dropFirst()) : label)
        }
        slots.append(slot)
      } else if let group = child.value as? ArgumentGroupWrapper {
        slots += Self.slots(of: group.group)
      }
    }
    return slots
  }

  /// The definitions a command type declares.
  static func definitions(of type: any ParsableArguments.Type) -> [ArgumentDefinition] {
    slots(of: type.init()).map(\.definition)
  }

  /// `orgNumber` → `org-number`.
  static func kebabCase(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        result += "-" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// Parses `words` into a fresh `type`: every slot filled, then the command validated (a
  /// group's own `validate` is not called: the command checks what it needs of its groups).
  static func parse<T: ParsableArguments>(_ words: [String], as type: T.Type) throws(UsageError)
    -> T
  {
    var value = T()
    let slots = slots(of: value)
    let parsed = try ArgumentParser.parse(words, for: slots.map(\.definition))
    for slot in slots { try slot.fill(from: parsed) }
    try value.validate()
    return value
  }
}

/// Close matches for a mistyped name: edit distance at most 2 (or a prefix), nearest first.
enum Suggestions {
  static func closest(to word: String, among names: [String]) -> [String] {
    let scored = names.map { ($0, distance(word, $0)) }
      .filter { $0.1 <= max(1, min(2, word.count / 3)) || $0.0.hasPrefix(word) && word.count >= 2 }
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// ` (did you mean 'x'?)`, or nothing.
  static func hint(for word: String, among names: [String], prefix: String = "") -> String {
    guard let best = closest(to: word, among: names).first else { return "" }
    return "; did you mean '\(prefix)\(best)'?"
  }
}
