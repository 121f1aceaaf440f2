import Basics
import Invoicing

/// The `sietool` command: Swedish accounts-receivable bookkeeping, SIE files and their checks.
struct Sietool: CommandGroup {
  static var version: String { Release.version }

  static let configuration = CommandConfiguration(
    name: "sietool",
    abstract: "Read, check and write SIE files; keep invoice books and export them as SIE4.",
    subcommands: [
      ValidateCommand.self, InfoCommand.self, BalanceCommand.self, ConvertCommand.self,
      ChecksumCommand.self, DiffCommand.self, InitCommand.self, CustomerCommand.self,
      ProductCommand.self, CostCentreCommand.self, ProjectCommand.self, InvoiceCommand.self,
      SelfInvoiceCommand.self, ClientFundsCommand.self, ImportCommand.self, SettingsCommand.self,
      BookCommand.self, PaymentsCommand.self, ReportCommand.self, ExportCommand.self,
      LedgerCommand.self,
      DemoCommand.self,
    ])

  /// Runs the command line `arguments` (without the program name) and returns the exit status.
  static func main(_ arguments: [String], console: Console) -> Int32 {
    var command: any Command.Type = Sietool.self
    var path = ["sietool"]
    var rest = arguments
    var wantsHelp = false
    if rest.first == "help" {
      rest.removeFirst()
      wantsHelp = true
    }
    while let word = rest.first,
      let subcommand = command.configuration.subcommands.first(where: {
        $0.configuration.name == word
      })
    {
      command = subcommand
      path.append(word)
      rest.removeFirst()
    }
    let options = rest.prefix { $0 != "--" }
    if wantsHelp || options.contains("--help") || options.contains("-h") {
      console.print(Help.text(command, path: path), terminator: "")
      return 0
    }
    if path.count == 1 && options.contains("--version") {
      console.print(version)
      return 0
    }
    let json = wantsJSON(options)
    if !command.configuration.subcommands.isEmpty {
      let names = command.configuration.subcommands.map { $0.configuration.name }
      var error = UsageError(.missingSubcommand, ErrorSubject(), "missing subcommand")
      if let word = rest.first {
        error = UsageError(
          .unknownCommand, .field(word),
          "unknown command '\(word)'" + Suggestions.hint(for: word, among: names))
      }
      return usageFailure(error, command: command, path: path, json: json, console: console)
    }
    do {
      let status = try command.parseAndRun(rest, console: console)
      console.flush()
      return status
    } catch let error as CommandLineError where error.code.isUsage {
      return usageFailure(error, command: command, path: path, json: json, console: console)
    } catch {
      console.flush()
      report(error, json: json, console: console)
      return 1
    }
  }

  /// Whether the command line asks for JSON output (errors then come as JSON too).
  static func wantsJSON(_ words: ArraySlice<String>) -> Bool {
    words.contains("--format=json")
      || zip(words, words.dropFirst()).contains { $0 == "--format" && $1 == "json" }
  }

  /// Prints an error: `error: [code] message` on standard error, or with JSON output the
  /// object `{"error": {"code", "message", "subject"}}` on standard output.
  static func report(_ error: any Error, json: Bool, console: Console) {
    let coded = ErrorPresentation.coded(error)
    if json {
      console.printJSON(.object(["error": coded.jsonValue]))
      console.flush()
    } else {
      console.printError("error: [\(coded.codeName)] \(coded.message)")
    }
  }

  static func usageFailure(
    _ error: UsageError, command: any Command.Type, path: [String], json: Bool,
    console: Console
  ) -> Int32 {
    if json {
      report(error, json: true, console: console)
      return 64
    }
    console.printError("error: [\(error.codeName)] \(error.message)")
    console.printError(Help.usage(command, path: path))
    console.printError("  See '\(path.joined(separator: " ")) --help' for more information.")
    return 64
  }
}
