import Basics

/// Arguments a command (or a group of them) declares as properties with `@Option`, `@Flag`,
/// `@Argument` and `@OptionGroup`, each once: name, type, default and help in one place.
protocol ParsableArguments {
  /// Every argument at its default; the parser fills in what the command line gives.
  init()
  /// Checks values that only make sense together; throws for a command line that cannot be
  /// understood.
  mutating func validate() throws(UsageError)
}

extension ParsableArguments {
  mutating func validate() throws(UsageError) {}
}

/// A command of the tool: a struct that declares its arguments and runs.
protocol Command: ParsableArguments {
  static var configuration: CommandConfiguration { get }
  /// Runs the command. Returns the exit status: 0 clean (warnings allowed), 1 errors found or
  /// the operation failed.
  func run(_ console: Console) throws -> Int32
}

extension Command {
  /// Builds the command from the words (a ``UsageError`` when they cannot be understood) and
  /// runs it.
  static func parseAndRun(_ words: [String], console: Console) throws -> Int32 {
    let command = try ArgumentReflection.parse(words, as: Self.self)
    return try command.run(console)
  }
}

/// What a command is called and what it says about itself.
struct CommandConfiguration {
  var name: String
  var abstract: String
  var discussion: String = ""
}

/// A failure of the command line, as data: a stable code, the subject and a message. Codes of
/// the usage kind (a command line that cannot be understood) print the usage and exit 64; the
/// others (a command that cannot do what it was asked) exit 1.
typealias CommandLineError = CodedFailure<CommandLineCode>

/// A command line that cannot be understood.
typealias UsageError = CommandLineError
/// A command that cannot do what it was asked (not a failure of the book or the ledger).
typealias CommandFailure = CommandLineError

/// What went wrong on the command line.
enum CommandLineCode: String, FailureCode {
  // A command line that cannot be understood.
  case unknownCommand = "unknown-command"
  case missingSubcommand = "missing-subcommand"
  case unknownOption = "unknown-option"
  case missingValue = "missing-value"
  case invalidValue = "invalid-value"
  case missingArgument = "missing-argument"
  case unexpectedArgument = "unexpected-argument"
  case repeatedOption = "repeated-option"
  case conflictingOptions = "conflicting-options"
  // A command that cannot do what it was asked.
  case notSIEFile = "not-sie-file"
  case invalidSIEFile = "invalid-sie-file"
  case refusedByProfile = "refused-by-profile"
  case checksumNotComputable = "checksum-not-computable"
  case invalidImport = "invalid-import"
  case noSuchSetting = "no-such-setting"
  case noSuchReminder = "no-such-reminder"
  case cannotCreateDirectory = "cannot-create-directory"
  case unsafeOutput = "unsafe-output"

  /// Whether the command line could not be understood (usage printed, exit 64).
  var isUsage: Bool { Self.usage.contains(self) }

  static let usage: Set<CommandLineCode> = [
    .unknownCommand, .missingSubcommand, .unknownOption, .missingValue, .invalidValue,
    .missingArgument, .unexpectedArgument, .repeatedOption, .conflictingOptions,
  ]

  /// One sentence on what the code means, for `docs/errors.md`.
  var summary: String { Self.summaries[self] ?? "" }

  static let summaries: [CommandLineCode: String] = [
    .unknownCommand: "No command has the name (a close one is suggested).",
    .missingSubcommand: "A command group was given without its subcommand.",
    .unknownOption: "The command has no such option (a close one is suggested).",
    .missingValue: "An option was given without its value, or a required option is missing.",
    .invalidValue: "A value cannot be read as what the option takes.",
    .missingArgument: "A required argument is missing.",
    .unexpectedArgument: "More arguments were given than the command takes.",
    .repeatedOption: "An option that is taken once was given twice.",
    .conflictingOptions: "Options were given that cannot go together.",
    .notSIEFile: "The file is not an SIE file.",
    .invalidSIEFile: "The SIE file has errors; nothing was written.",
    .refusedByProfile: "The receiver profile finds errors; nothing was written.",
    .checksumNotComputable: "A valid #KSUMMA cannot be computed for the file.",
    .invalidImport: "The import document has a bad row (the subject's path names it).",
    .noSuchSetting: "No setting has the name.",
    .noSuchReminder: "The invoice has no reminder with the number.",
    .cannotCreateDirectory: "A directory cannot be created.",
    .unsafeOutput: "The output path is one of the book's own files, or not a regular file.",
  ]
}

/// Configurations are immutable after creation; the command types they list are metatypes.
extension CommandConfiguration: @unchecked Sendable {}
