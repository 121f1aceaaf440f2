import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing

@testable import Ledger

/// A fiscal year from 1 July: exports, numbering and the cash method's year end follow it.
@Suite struct FiscalYearTests {
  static func book(_ method: BookkeepingMethod) throws -> TemporaryBook {
    let book = try TemporaryBook(method: method) { tx in
      var settings = tx.state.settings
      settings.fiscalYearStart = MonthDay(month: 7, day: 1)!
      try tx.record(.settingsChanged(settings))
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-05-10"),
          lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))]))
      try tx.pay(1, amount: sek("2500.00"), on: d("2025-08-15"))
    }
    return book
  }

  @Test func theCashYearEndFallsOnTheFiscalYearsLastDay() throws {
    let book = try Self.book(.cash)
    let (first, bytes) = try book.export("2024-07-01", "2025-06-30", name: "fy.se")
    #expect(first.vouchers.map(\.displayName) == ["J 1"])
    #expect(first.vouchers[0].date == d("2025-06-30"))
    #expect(first.record.yearEnds == [d("2025-06-30")])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("#RAR 0 20240701 20250630"))
    let (second, next) = try book.export("2025-07-01", "2025-09-30", name: "q1.se")
    #expect(second.vouchers.map(\.displayName) == ["I 1"])
    #expect(String(decoding: next, as: UTF8.self).contains("#RAR 0 20250701 20260630"))
    // The preview numbers as the exports did.
    let journal = try BookLedger(state: book.book.state).journal(through: d("2025-12-31"))
    #expect(journal.map(\.displayName) == ["J 1", "I 1"])
  }

  @Test func accrualNumbersRestartWithTheFiscalYear() throws {
    let book = try Self.book(.accrual)
    let first = try book.export("2024-07-01", "2025-06-30", name: "fy.se").result
    let second = try book.export("2025-07-01", "2025-09-30", name: "q1.se").result
    #expect(first.vouchers.map(\.displayName) == ["F 1"])
    #expect(second.vouchers.map(\.displayName) == ["I 1"])
    #expect(!first.vouchers.contains { $0.series == "J" })
  }

  @Test func aPeriodAcrossTheFiscalYearsEndIsRefused() throws {
    let book = try Self.book(.accrual)
    let refusal = #expect(throws: LedgerError.self) {
      try book.export("2025-06-01", "2025-07-31", name: "x.se")
    }
    #expect(refusal?.code == .periodCrossesFiscalYear)
  }
}
