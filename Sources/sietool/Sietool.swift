import Basics
import Invoicing

/// The `sietool` command: Swedish accounts-receivable bookkeeping, SIE files and their checks.
enum Sietool {
  static var version: String { Release.version }

  /// Every command, under the words that select it.
  static var tree: CommandNode {
    .group(
      "sietool", "Read, check and write SIE files; keep invoice books and export them as SIE4.",
      [
        .run(ValidateCommand.self),
        .run(InfoCommand.self),
        .run(BalanceCommand.self),
        .run(ConvertCommand.self),
        .run(ChecksumCommand.self),
        .run(DiffCommand.self),
        .run(InitCommand.self),
        .group(
          "customer", "The customer register (customers and self-invoice payees).",
          [
            .run(RegisterAdd<Customers>.self), .run(RegisterUpdate<Customers>.self),
            .run(RegisterList<Customers>.self), .run(RegisterShow<Customers>.self),
            .run(CustomerRefund.self),
          ]),
        .group(
          "product", "The product register, with each product's booking accounts.",
          [
            .run(RegisterAdd<Products>.self), .run(RegisterUpdate<Products>.self),
            .run(RegisterList<Products>.self), .run(RegisterShow<Products>.self),
          ]),
        .group(
          "cost-centre", "The cost centres (SIE dimension 1).",
          [.run(DimensionAdd<CostCentres>.self), .run(RegisterList<CostCentres>.self)]),
        .group(
          "project", "The projects (SIE dimension 6).",
          [.run(DimensionAdd<Projects>.self), .run(RegisterList<Projects>.self)]),
        .group(
          "invoice", "Invoices, credit notes and standalone credits, from draft to paid.",
          [
            .run(InvoiceNew.self), .run(InvoiceList.self), .run(InvoiceShow.self),
            .run(InvoiceUpdate.self), .run(InvoiceAttest.self), .run(InvoiceDelete.self),
            .run(InvoiceCredit.self), .run(InvoicePay.self), .run(InvoiceRemind.self),
            .run(InvoiceCollect.self), .run(InvoiceDoubtful.self), .run(InvoiceWriteOff.self),
            .run(InvoiceOffset.self), .run(InvoiceAttach.self), .run(InvoicePDF.self),
          ]),
        .group(
          "self-invoice",
          "Self-invoices (självfaktura): purchases invoiced in the supplier's name and paid out.",
          [
            .run(SelfInvoiceNew.self), .run(RegisterList<SelfInvoices>.self),
            .run(RegisterShow<SelfInvoices>.self), .run(SelfInvoiceAttest.self),
            .run(SelfInvoiceCorrect.self),
            .run(SelfInvoiceUpdate.self), .run(SelfInvoiceSetCommand.self),
            .run(SelfInvoicePDF.self),
          ]),
        .group(
          "client-funds",
          "Client funds: payments held by the invoicing service, and their payouts.",
          [.run(ClientFundsShowCommand.self), .run(ClientFundsPayoutCommand.self)]),
        .run(ImportCommand.self),
        .run(RunDueCommand.self),
        .group(
          "settings", "The creditor's settings (book.json), including the chart of accounts.",
          [.run(SettingsShow.self), .run(SettingsSet.self), .run(SettingsLogo.self)]),
        .group(
          "book", "Look after a book's files.",
          [.run(BookRepairCommand.self), .run(BookVerifyCommand.self)]),
        .group(
          "payments",
          "Payment files (BgMax, camt.054/053): import, match to invoices, and the queue.",
          [
            .run(PaymentsImport.self), .run(PaymentsList.self), .run(PaymentsShow.self),
            .run(PaymentsMatch.self), .run(PaymentsUnmatch.self), .run(PaymentsIgnore.self),
            .run(PaymentsRefund.self),
          ]),
        .group(
          "report", "Reports on the receivables.",
          [.run(ReportStatus.self), .run(ReportReceivables.self)]),
        .run(ExportCommand.self),
        .group(
          "ledger", "The vouchers and trial balance of the book, without exporting.",
          [.run(LedgerJournal.self), .run(LedgerBalance.self)]),
        .run(DemoCommand.self),
      ])
  }

  /// Runs the command line `arguments` (without the program name) and returns the exit status.
  static func main(_ arguments: [String], console: Console) -> Int32 {
    var node = tree
    var path = ["sietool"]
    var rest = arguments
    var wantsHelp = false
    if rest.first == "help" {
      rest.removeFirst()
      wantsHelp = true
    }
    while let word = rest.first, let child = node.child(named: word) {
      node = child
      path.append(word)
      rest.removeFirst()
    }
    let options = rest.prefix { $0 != "--" }
    if wantsHelp || options.contains("--help") || options.contains("-h") {
      console.print(Help.text(node, path: path), terminator: "")
      return 0
    }
    if path.count == 1 && options.contains("--version") {
      console.print(version)
      return 0
    }
    let json = wantsJSON(options)
    guard let command = node.command else {
      let names = node.children.map(\.name)
      var error = UsageError(.missingSubcommand, ErrorSubject(), "missing subcommand")
      if let word = rest.first {
        error = UsageError(
          .unknownCommand, .field(word),
          "unknown command '\(word)'" + Suggestions.hint(for: word, among: names))
      }
      return usageFailure(error, node: node, path: path, json: json, console: console)
    }
    do {
      let status = try command.parseAndRun(rest, console: console)
      console.flush()
      return status
    } catch let error as CommandLineError where error.code.isUsage {
      return usageFailure(error, node: node, path: path, json: json, console: console)
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
    _ error: UsageError, node: CommandNode, path: [String], json: Bool,
    console: Console
  ) -> Int32 {
    if json {
      report(error, json: true, console: console)
      return 64
    }
    console.printError("error: [\(error.codeName)] \(error.message)")
    console.printError(Help.usage(node, path: path))
    console.printError("  See '\(path.joined(separator: " ")) --help' for more information.")
    return 64
  }
}
