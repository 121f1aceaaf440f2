import Basics
import Invoicing

struct ClientFundsShowCommand: ReadsBook {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "How much the client funds hold for the creditor.")
  @OptionGroup var reading: BookReading

  func json(_ state: BookState) -> JSONValue {
    .object([
      "paymentMode": .string(state.settings.paymentMode.rawValue),
      "held": state.clientFundsHeld.jsonValue,
    ])
  }

  func text(_ state: BookState) -> [String] {
    ["client funds held: \(state.clientFundsHeld.swedishFormatted)"]
  }
}

struct ClientFundsPayoutCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "payout",
    abstract: "Record a payout of client funds to the creditor's bank, less the service's fee.")
  @OptionGroup var bookOptions: BookOptions
  @Option(help: "The date (default: today, in the creditor's time zone).") var date: Day?
  @Option(help: "What leaves the client funds.") var amount: Amount
  @Option(help: "The service's fee withheld, without VAT.") var fee: Amount = .zero
  @Option(name: "fee-vat", help: "The VAT on the fee.") var feeVAT: Amount = .zero

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let payout = ClientFundsPayout(
      date: date ?? book.today, amount: amount, fee: fee, feeVAT: feeVAT)
    try book.transact { try $0.record(.clientFundsPaidOut(payout)) }
    console.print(
      "paid out \(payout.amount.swedishFormatted) (\(payout.net.swedishFormatted) to the bank); client funds now hold \(book.state.clientFundsHeld.swedishFormatted)"
    )
    return 0
  }
}
