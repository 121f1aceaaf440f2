import Basics

/// A node of the command tree: a command that runs, or a group of nodes under a name
/// (`sietool customer …`). The whole tree is declared in one place, ``Sietool/tree``.
struct CommandNode {
  /// The word that selects the node.
  let name: String
  /// One line on what the node is for.
  let abstract: String
  /// For a command that runs: its type. `nil` for a group.
  let command: (any Command.Type)?
  /// For a group: the nodes under it.
  let children: [CommandNode]

  /// A command that runs; its name and abstract are its configuration's.
  static func run(_ command: any Command.Type) -> CommandNode {
    CommandNode(
      name: command.configuration.name, abstract: command.configuration.abstract,
      command: command, children: [])
  }

  /// A group of commands.
  static func group(_ name: String, _ abstract: String, _ children: [CommandNode]) -> CommandNode {
    CommandNode(name: name, abstract: abstract, command: nil, children: children)
  }

  /// The node under this one called `name`.
  func child(named name: String) -> CommandNode? { children.first { $0.name == name } }

  /// What the help text says after the abstract.
  var discussion: String { command?.configuration.discussion ?? "" }

  /// The arguments the command declares; none for a group.
  var definitions: [ArgumentDefinition] {
    command.map { ArgumentReflection.definitions(of: $0) } ?? []
  }
}
