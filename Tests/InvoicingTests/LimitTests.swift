import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing

/// Nothing a book accepts can overflow: amounts, quantities, rates and days past ``Limits`` are
/// refused when entered, with a code — never a trap, never a book that cannot be read back.
@Suite struct LimitTests {
  static let huge = Amount(ore: Int64.max)

  static func line(_ price: Amount, _ quantity: ExactDecimal = .one) -> LineInput {
    LineInput(description: "x", quantity: quantity, unitPrice: price, vatRate: .standard)
  }

  @Test(
    arguments: [
      (
        "two lines past Int64 together",
        [
          line(Amount(ore: 5_000_000_000_000_000_000)),
          line(Amount(ore: 5_000_000_000_000_000_000)),
        ], BookError.Code.invalidAmount
      ),
      (
        "a price near the maximum, with VAT", [line(Amount(ore: 9_000_000_000_000_000_000))],
        .invalidAmount
      ),
      (
        "a large quantity × price", [line(Amount(kronor: 10_000_000), ExactDecimal(900_000_000))],
        .invalidAmount
      ),
      (
        "a quantity past the limit",
        [line(Amount(kronor: 1), ExactDecimal(parsing: "10000000000")!)], .invalidAmount
      ),
      ("1 001 lines", Array(repeating: line(Amount(kronor: 1)), count: 1001), .invalidLine),
    ] as [(String, [LineInput], BookError.Code)])
  func draftsPastTheLimitsAreRefused(_ name: String, _ lines: [LineInput], _ code: BookError.Code)
    throws
  {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let refusal = #expect(throws: BookError.self, "\(name)") {
      try book.transact { tx in
        _ = try tx.draft(InvoiceInput(customer: "K1", invoiceDate: d("2025-03-10"), lines: lines))
      }
    }
    #expect(refusal?.code == code, "\(name): \(refusal?.message ?? "")")
    #expect(try Book.open(at: book.directory).state.allInvoices.isEmpty)
  }

  @Test func paymentsFeesRatesAndDaysPastTheLimitsAreRefused() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      _ = try tx.attest(id, on: d("2025-03-10"))
      return id
    }
    let cases: [(String, (inout BookTransaction) throws -> Void, BookError.Code)] = [
      (
        "a payment of Int64.max öre", { try $0.pay(id, amount: Self.huge, on: d("2025-04-05")) },
        .invalidAmount
      ),
      (
        "a fee of Int64.max öre", { try $0.remind(id, on: d("2025-04-20"), fee: Self.huge) },
        .invalidAmount
      ),
      (
        "a payment before the invoice was attested",
        { try $0.pay(id, amount: Amount(kronor: 1), on: d("1900-01-01")) }, .invalidDate
      ),
      (
        "an invoice dated 9999-12-31",
        {
          _ = try $0.draft(
            InvoiceInput(
              customer: "K1", invoiceDate: d("9999-12-31"), lines: [Self.line(Amount(kronor: 1))]))
        }, .invalidDate
      ),
      (
        "an absurd exchange rate",
        {
          _ = try $0.draft(
            InvoiceInput(
              customer: "K1", invoiceDate: d("2025-03-10"), lines: [Self.line(Amount(kronor: 1))],
              currency: "EUR", exchangeRate: ExactDecimal(parsing: "999999999999")!))
        }, .invalidExchangeRate
      ),
    ]
    let lines = book.lineCount
    for (name, body, code) in cases {
      let refusal = #expect(throws: BookError.self, "\(name)") { try book.transact(body) }
      #expect(refusal?.code == code, "\(name): \(refusal?.message ?? "")")
    }
    #expect(book.lineCount == lines)
    // Two payments just within the limit: the second is an overpayment the balance can hold.
    try book.transact { try $0.pay(id, amount: Limits.amount, on: d("2025-04-05")) }
    let again = #expect(throws: BookError.self) {
      try book.transact { try $0.pay(id, amount: Limits.amount, on: d("2025-04-06")) }
    }
    #expect(again?.code == .invalidAmount)
    #expect(
      try Book.open(at: book.directory).state.balances["K1"] == Limits.amount
        - Amount(ore: 1_112_000))
  }
}
