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

  /// An extended first fiscal year (1 January 2025 to 30 June 2026 under a 1 July year): one
  /// year of 18 months, numbered once, in the preview and the export alike.
  static func extended(_ method: BookkeepingMethod, start: Day? = nil) throws -> TemporaryBook {
    try TemporaryBook(method: method) { tx in
      var settings = tx.state.settings
      settings.fiscalYearStart = MonthDay(month: 7, day: 1)!
      settings.firstFiscalYearEnd = d("2026-06-30")
      settings.firstFiscalYearStart = start
      try tx.record(.settingsChanged(settings))
      for date in ["2025-03-01", "2026-06-01"] {
        try tx.issue(
          InvoiceInput(
            customer: "K1", invoiceDate: d(date),
            lines: [LineInput(product: "TJ", quantity: ExactDecimal(1))]))
      }
    }
  }

  @Test func anExtendedFirstYearIsOneYearOfAtMost18Months() throws {
    let book = try Self.extended(.cash)
    let settings = book.book.state.settings
    for day in ["2025-01-01", "2025-03-01", "2025-12-31", "2026-06-30"] {
      #expect(
        settings.fiscalYear(containing: d(day))
          == FiscalPeriod(start: d("2025-01-01"), end: d("2026-06-30")), "\(day)")
    }
    #expect(
      settings.fiscalYear(containing: d("2024-12-31"))
        == FiscalPeriod(start: d("2024-01-01"), end: d("2024-12-31")))
    #expect(
      settings.fiscalYear(containing: d("2026-07-01"))
        == FiscalPeriod(start: d("2026-07-01"), end: d("2027-06-30")))
    // One year end, one voucher per unpaid invoice, numbered alike in preview and export.
    let journal = try BookLedger(state: book.book.state).journal(through: d("2026-06-30"))
    #expect(journal.map(\.displayName) == ["J 1", "J 2"])
    #expect(journal.allSatisfy { $0.date == d("2026-06-30") })
    let (result, bytes) = try book.export("2025-01-01", "2026-06-30", name: "fy.se")
    #expect(result.vouchers.map(\.displayName) == ["J 1", "J 2"])
    #expect(String(decoding: bytes, as: UTF8.self).contains("#RAR 0 20250101 20260630"))
  }

  @Test func aFirstYearStartsWhereTheCompanySaysAndDatesBeforeItAreRefused() throws {
    let book = try Self.extended(.accrual, start: d("2025-02-15"))
    #expect(
      book.book.state.settings.fiscalYear(containing: d("2025-03-01"))
        == FiscalPeriod(start: d("2025-02-15"), end: d("2026-06-30")))
    let refusal = #expect(throws: BookError.self) {
      try book.book.transact { tx in
        try tx.issue(
          InvoiceInput(
            customer: "K1", invoiceDate: d("2025-02-14"),
            lines: [LineInput(product: "TJ", quantity: ExactDecimal(1))]))
      }
    }
    #expect(refusal?.code == .invalidDate)
    #expect(refusal?.message.contains("before the first fiscal year") == true)
  }

  @Test(
    arguments: [
      ("2024-12-31", "2026-06-30", "firstFiscalYearStart"),  // 18 months and a day
      (nil, "2026-05-31", "firstFiscalYearEnd"),  // not the day before a regular start
    ] as [(String?, String, String)])
  func aFirstYearLongerThan18MonthsIsRefused(start: String?, end: String, field: String) {
    var settings = CreditorSettings(name: "X AB", organizationNumber: "556677-8899")
    settings.fiscalYearStart = MonthDay(month: 7, day: 1)!
    settings.firstFiscalYearStart = start.map(d)
    settings.firstFiscalYearEnd = d(end)
    #expect(settings.validationProblem()?.field == field)
  }
}
