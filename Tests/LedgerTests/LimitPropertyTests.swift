import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing

@testable import Ledger

/// Whatever a book accepts, it can read back, total, post and export: random steps with values
/// at and past the limits (amounts near 10^13 kronor, quantities near 10^9, fees and payments
/// near Int64's end, extreme exchange rates) are either refused with a ``BookError`` or leave a
/// book that opens, lists and exports the year.
@Suite struct LimitPropertyTests {
  static let amounts: [Amount] = [
    Amount(ore: 1), Amount(kronor: 1000), Amount(ore: Limits.amount.ore / 1000),
    Amount(ore: Limits.amount.ore / 4), Limits.amount, Amount(ore: Limits.amount.ore + 1),
    Amount(ore: Int64.max / 2), Amount(ore: Int64.max),
  ]
  static let quantities: [ExactDecimal] = [
    ExactDecimal(parsing: "0.000001")!, ExactDecimal(1), ExactDecimal(1000), Limits.quantity,
    ExactDecimal(1_000_000_001), ExactDecimal(parsing: "0.0000001")!,
  ]
  static let rates: [ExactDecimal?] = [
    nil, ExactDecimal(parsing: "0.0001")!, ExactDecimal(parsing: "11.23")!, ExactDecimal(1000),
    ExactDecimal(999_999_999_999), ExactDecimal(parsing: "0.00001")!,
  ]

  /// An extreme value a third of the time, an everyday one otherwise.
  static func pick<T>(_ extremes: [T], _ everyday: T, _ random: inout SplitMix64) -> T {
    Int.random(in: 0..<3, using: &random) == 0 ? extremes.randomElement(using: &random)! : everyday
  }

  @Test(arguments: Array(UInt64(1)...16))
  func acceptedStepsLeaveABookThatOpensAndExports(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let book = try TemporaryBook(method: seed % 2 == 0 ? .accrual : .cash)
    var issued = [Int]()
    var accepted = 0
    for step in 0..<40 {
      let date = d("2025-01-02").adding(days: Int.random(in: 0...330, using: &random))
      do {
        try book.book.transact { tx in
          switch Int.random(in: 0..<5, using: &random) {
          case 0, 1:
            let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ in
              LineInput(
                description: "Rad", quantity: Self.pick(Self.quantities, ExactDecimal(2), &random),
                unitPrice: Self.pick(Self.amounts, Amount(kronor: 500), &random),
                vatRate: .standard)
            }
            let rate = Self.rates.randomElement(using: &random)!
            let id = try tx.draft(
              InvoiceInput(
                externalId: "x\(step)", customer: rate == nil ? "K1" : "EU1", invoiceDate: date,
                lines: lines, currency: rate == nil ? nil : "EUR", exchangeRate: rate))
            _ = try tx.attest(id, on: date)
            issued.append(id)
          case 2:
            guard let id = issued.randomElement(using: &random) else { return }
            _ = try tx.pay(
              id, amount: Self.pick(Self.amounts, tx.state.invoices[id]!.open, &random),
              on: max(date, tx.state.invoices[id]!.invoice.invoiceDate))
          case 3:
            guard let id = issued.randomElement(using: &random) else { return }
            let due = tx.state.invoices[id]!.invoice.dueDate
            try tx.remind(
              id, on: due.adding(days: 3), fee: Self.amounts.randomElement(using: &random)!)
          default:
            guard let id = issued.randomElement(using: &random) else { return }
            try tx.writeOff(id, on: max(date, tx.state.invoices[id]!.invoice.dueDate))
          }
        }
        accepted += 1
      } catch is BookError {
        // Refused with a code: the book is as it was.
      }
    }
    #expect(accepted > 5 && !issued.isEmpty, "too few steps were accepted to say anything")
    // Read back as another process would: every figure can be computed.
    let reopened = try book.reopen()
    for record in reopened.state.allInvoices {
      _ = record.open
      _ = record.invoice.totals.total
    }
    _ = reopened.state.balances.values.reduce(into: Amount.zero) { $0 = $0 + $1 }
    let (result, bytes) = try book.export("2025-01-01", "2025-12-31", type: .type4E)
    // (Under the cash method, invoices written off unpaid book nothing: no vouchers is fine.)
    #expect(SIEValidator.validate(bytes: bytes).isValid)
    for voucher in result.vouchers {
      #expect(voucher.rows.reduce(Amount.zero) { $0 + $1.amount } == .zero)
    }
  }
}
