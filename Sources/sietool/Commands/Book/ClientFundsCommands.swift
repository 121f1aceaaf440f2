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

struct ClientFundsPayoutCommand: ChangesBook {
  static let configuration = CommandConfiguration(
    name: "payout", abstract: "Record a payout of client funds to the creditor's bank, less fees.")
  @OptionGroup var changing: BookChange
  @Option(help: "What leaves the client funds.") var amount: Amount
  @Option(help: "The service's fee withheld, without VAT.") var fee: Amount = .zero
  @Option(name: "fee-vat", help: "The VAT on the fee.") var feeVAT: Amount = .zero

  func record(in book: Book, on day: Day) throws -> String {
    let payout = ClientFundsPayout(date: day, amount: amount, fee: fee, feeVAT: feeVAT)
    try book.transact { try $0.record(.clientFundsPaidOut(payout)) }
    return
      "paid out \(payout.amount.swedishFormatted) (\(payout.net.swedishFormatted) to the bank); client funds now hold \(book.state.clientFundsHeld.swedishFormatted)"
  }
}
