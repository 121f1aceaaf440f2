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
  /// Commands under this one (`customer add`); a command with subcommands does not run itself.
  var subcommands: [any Command.Type] = []
}

/// A command that only groups subcommands (`sietool customer …`).
protocol CommandGroup: Command {}

extension CommandGroup {
  func run(_ console: Console) throws -> Int32 { 64 }
}

/// A command line that cannot be understood: printed with the usage, exit 64.
struct UsageError: CodedError {
  enum Code: String, CaseIterable {
    case unknownCommand = "unknown-command"
    case missingSubcommand = "missing-subcommand"
    case unknownOption = "unknown-option"
    case missingValue = "missing-value"
    case invalidValue = "invalid-value"
    case missingArgument = "missing-argument"
    case unexpectedArgument = "unexpected-argument"
    case repeatedOption = "repeated-option"
    case conflictingOptions = "conflicting-options"

    var summary: String {
      switch self {
      case .unknownCommand: "No command has the name (a close one is suggested)."
      case .missingSubcommand: "A command group was given without its subcommand."
      case .unknownOption: "The command has no such option (a close one is suggested)."
      case .missingValue: "An option was given without its value, or a required option is missing."
      case .invalidValue: "A value cannot be read as what the option takes."
      case .missingArgument: "A required argument is missing."
      case .unexpectedArgument: "More arguments were given than the command takes."
      case .repeatedOption: "An option that is taken once was given twice."
      case .conflictingOptions: "Options were given that cannot go together."
      }
    }
  }

  var code: Code
  var subject: ErrorSubject
  var message: String

  init(_ code: Code, _ subject: ErrorSubject = .none, _ message: String) {
    self.code = code
    self.subject = subject
    self.message = message
  }

  var codeName: String { code.rawValue }
}

/// A failure of the command itself (not of the book or the ledger), printed as
/// `error: [code] …`, exit 1.
struct CommandFailure: CodedError {
  enum Code: String, CaseIterable {
    case notSIEFile = "not-sie-file"
    case invalidSIEFile = "invalid-sie-file"
    case refusedByProfile = "refused-by-profile"
    case checksumNotComputable = "checksum-not-computable"
    case invalidImport = "invalid-import"
    case noSuchSetting = "no-such-setting"
    case noSuchReminder = "no-such-reminder"
    case cannotCreateDirectory = "cannot-create-directory"
    case unsafeOutput = "unsafe-output"

    var summary: String {
      switch self {
      case .notSIEFile: "The file is not an SIE file."
      case .invalidSIEFile: "The SIE file has errors; nothing was written."
      case .refusedByProfile: "The receiver profile finds errors; nothing was written."
      case .checksumNotComputable: "A valid #KSUMMA cannot be computed for the file."
      case .invalidImport: "The import document has a bad row (the subject's path names it)."
      case .noSuchSetting: "No setting has the name."
      case .noSuchReminder: "The invoice has no reminder with the number."
      case .cannotCreateDirectory: "A directory cannot be created."
      case .unsafeOutput: "The output path is one of the book's own files, or not a regular file."
      }
    }
  }

  var code: Code
  var subject: ErrorSubject
  var message: String

  init(_ code: Code, _ subject: ErrorSubject = .none, _ message: String) {
    self.code = code
    self.subject = subject
    self.message = message
  }

  var codeName: String { code.rawValue }
}

/// Configurations are immutable after creation; the command types they list are metatypes.
extension CommandConfiguration: @unchecked Sendable {}
