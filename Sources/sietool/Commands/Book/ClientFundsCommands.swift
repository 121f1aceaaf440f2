import Basics
import Invoicing

/// `sietool client-funds show|payout`: money customers paid into the invoicing service's
/// client-funds account, and its payouts to the creditor.
struct ClientFundsCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "client-funds",
    abstract: "Client funds: payments held by the invoicing service, and their payouts.",
    subcommands: [ClientFundsShow.self, ClientFundsPayout.self])
}

struct ClientFundsShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "How much the client funds hold for the creditor.",
    arguments: [bookArgument])
  var directory: String
  init(_ arguments: ParsedArguments) throws(UsageError) { directory = bookDirectory(arguments) }
  func run(_ console: Console) throws -> Int32 {
    console.print(
      "client funds held: \(try openBook(directory, forWriting: false).state.clientFundsHeld)")
    return 0
  }
}

struct ClientFundsPayout: Command {
  static let configuration = CommandConfiguration(
    name: "payout",
    abstract: "Record a payout of client funds to the creditor's bank, less the service's fee.",
    arguments: [
      bookArgument, dateArgument(),
      .option("amount", value: "amount", help: "What leaves the client funds.", required: true),
      .option("fee", value: "amount", help: "The service's fee withheld, without VAT."),
      .option("fee-vat", value: "amount", help: "The VAT on the fee."),
    ])
  var directory: String, payout: Invoicing.ClientFundsPayout
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    payout = Invoicing.ClientFundsPayout(
      date: try day(arguments.value("date")),
      amount: try amount(arguments.value("amount"), "amount")!,
      fee: try amount(arguments.value("fee"), "fee") ?? .zero,
      feeVAT: try amount(arguments.value("fee-vat"), "fee-vat") ?? .zero)
  }
  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    try book.transact { try $0.record(.clientFundsPaidOut(payout)) }
    console.print(
      "paid out \(payout.amount) (\(payout.net) to the bank); client funds now hold \(book.state.clientFundsHeld)"
    )
    return 0
  }
}
