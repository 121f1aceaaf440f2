import Basics

/// A command of the tool: a struct that declares its arguments, is built from the parsed
/// command line, and runs.
protocol Command {
  static var configuration: CommandConfiguration { get }
  /// Builds the command from its parsed arguments; throws for values that make no sense.
  init(_ arguments: ParsedArguments) throws(UsageError)
  /// Runs the command. Returns the exit status: 0 clean (warnings allowed), 1 errors found or
  /// the operation failed.
  func run(_ console: Console) throws -> Int32
}

/// What a command is called, what it says about itself and what it takes.
struct CommandConfiguration {
  var name: String
  var abstract: String
  var discussion: String = ""
  var arguments: [ArgumentDefinition] = []
  /// Commands under this one (`customer add`); a command with subcommands does not run itself.
  var subcommands: [any Command.Type] = []
}

/// A command that only groups subcommands (`sietool customer …`).
protocol CommandGroup: Command {}

extension CommandGroup {
  init(_ arguments: ParsedArguments) throws(UsageError) {
    throw UsageError("missing subcommand")
  }
  func run(_ console: Console) throws -> Int32 { 64 }
}

/// A command line that cannot be understood: printed with the usage, exit 64.
struct UsageError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// A failure while running, printed as `error: …`, exit 1.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// Configurations are immutable after creation; the command types they list are metatypes.
extension CommandConfiguration: @unchecked Sendable {}
