import Basics

/// The help text of a command, in the layout of swift-argument-parser.
enum Help {
  static func usage(_ node: CommandNode, path: [String]) -> String {
    if node.command == nil {
      return "USAGE: \(path.joined(separator: " ")) <subcommand>"
    }
    let arguments = node.definitions
    let options = arguments.filter { !$0.isPositional }.map(\.usage)
    let positionals = arguments.filter(\.isPositional).map(\.usage)
    return "USAGE: " + (path + positionals + options).joined(separator: " ")
  }

  static func text(_ node: CommandNode, path: [String]) -> String {
    var lines = ["OVERVIEW: \(node.abstract)", ""]
    if !node.discussion.isEmpty {
      lines += [node.discussion, ""]
    }
    lines += [usage(node, path: path), ""]
    let arguments = node.definitions
    let positionals = arguments.filter(\.isPositional)
    if !positionals.isEmpty {
      lines.append("ARGUMENTS:")
      for argument in positionals { lines.append(row("<\(argument.name)>", argument.help)) }
      lines.append("")
    }
    let options = arguments.filter { !$0.isPositional }
    lines.append("OPTIONS:")
    for argument in options {
      var names = argument.short.map { "-\($0), " } ?? ""
      names += "--\(argument.name)"
      if case .option(let valueName, _) = argument.kind { names += " <\(valueName)>" }
      var help = argument.help
      if let choices = argument.choices { help += " (\(choices.joined(separator: "|")))" }
      if let defaultValue = argument.defaultValue { help += " (default: \(defaultValue))" }
      lines.append(row(names, help))
    }
    if path.count == 1 {
      lines.append(
        row("--version", "Show the version (\(Release.version), as written to #PROGRAM)."))
    }
    lines.append(row("-h, --help", "Show help information."))
    if !node.children.isEmpty {
      lines += ["", "SUBCOMMANDS:"]
      for child in node.children { lines.append(row(child.name, child.abstract)) }
      lines += ["", "  See '\(path.joined(separator: " ")) help <subcommand>' for detailed help."]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func row(_ name: String, _ help: String) -> String {
    let padded = "  " + name
    return padded.count < 26
      ? padded + String(repeating: " ", count: 26 - padded.count) + help
      : padded + "\n" + String(repeating: " ", count: 26) + help
  }
}
