import Basics
import Invoicing

/// The `sietool` command: Swedish accounts-receivable bookkeeping, SIE files and their checks.
struct Sietool: CommandGroup {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    name: "sietool",
    abstract: "Read, check and write SIE files; keep invoice books and export them as SIE4.",
    subcommands: [
      ValidateCommand.self, InfoCommand.self, BalanceCommand.self, ConvertCommand.self,
      ChecksumCommand.self, DiffCommand.self, InitCommand.self, CustomerCommand.self,
      ProductCommand.self, CostCentreCommand.self, ProjectCommand.self, InvoiceCommand.self,
      SelfInvoiceCommand.self, ClientFundsCommand.self, ImportCommand.self, SettingsCommand.self,
      BookCommand.self, ExportCommand.self, LedgerCommand.self, DemoCommand.self,
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
    if !command.configuration.subcommands.isEmpty {
      let message = rest.first.map { "unknown command '\($0)'" } ?? "missing subcommand"
      return usageFailure(UsageError(message), command: command, path: path, console: console)
    }
    do {
      let parsed = try ArgumentParser.parse(rest, for: command.configuration.arguments)
      let instance = try command.init(parsed)
      let status = try instance.run(console)
      console.flush()
      return status
    } catch let error as UsageError {
      return usageFailure(error, command: command, path: path, console: console)
    } catch {
      console.flush()
      console.printError("error: \(error)")
      return 1
    }
  }

  static func usageFailure(
    _ error: UsageError, command: any Command.Type, path: [String], console: Console
  ) -> Int32 {
    console.printError("error: \(error.message)")
    console.printError(Help.usage(command, path: path))
    console.printError("  See '\(path.joined(separator: " ")) --help' for more information.")
    return 64
  }
}
