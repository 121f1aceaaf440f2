import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// Defects a new user met, each at the command line, each refused with its code.
@Suite struct DefectCommandTests {
  func book(_ directory: TemporaryDirectory) -> String {
    let book = directory.file("book")
    #expect(
      sietool(
        "init", "--book", book, "--name", "Exempelbolaget AB", "--org-number", "556677-8899",
        "--bankgiro", "5050-1055"
      ).status == 0)
    #expect(
      sietool("customer", "add", "--book", book, "--number", "K1", "--name", "Kund AB").status == 0)
    return book
  }

  func code(_ result: (status: Int32, output: String, error: String)) -> String? {
    guard let open = result.error.firstIndex(of: "["), let close = result.error.firstIndex(of: "]")
    else { return nil }
    return String(result.error[result.error.index(after: open)..<close])
  }

  func journal(_ book: String) -> Data? {
    FileManager.default.contents(atPath: book + "/journal.jsonl")
  }

  @Test func aDraftIdNamesADraftOnly() {
    let directory = TemporaryDirectory()
    let book = book(directory)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "description=Arbete,quantity=1,price=1000.00,vat=25", "--attest"
      ).status == 0)
    let before = journal(book)
    let paid = sietool(
      "invoice", "pay", "--book", book, "d1", "--amount", "1.00", "--date", "2025-03-12")
    #expect(paid.status == 1)
    #expect(code(paid) == "no-such-invoice")
    #expect(paid.error.contains("attested as invoice 1001"), "\(paid.error)")
    #expect(journal(book) == before)
    #expect(
      sietool(
        "invoice", "pay", "--book", book, "1001", "--amount", "1.00", "--date", "2025-03-12"
      ).status == 0)
  }

  @Test func aNegativePriceIsRefusedWhenTheDraftIsMade() {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let before = journal(book)
    let result = sietool(
      "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
      "description=Rabatt,quantity=1,price=-100.00,vat=25")
    #expect(result.status == 1)
    #expect(code(result) == "negative-price", "\(result.error)")
    #expect(journal(book) == before)
    // A standalone credit takes negative prices, as before.
    let credit = sietool(
      "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--credit",
      "--line", "description=Återbetalning,quantity=1,price=-100.00,vat=25")
    #expect(credit.status == 0, "\(credit.error)")
  }

  @Test func aRefusedCreditSaysWhatCanStillBeCredited() {
    let directory = TemporaryDirectory()
    let book = book(directory)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "description=Arbete,quantity=36,price=1000.00,vat=25", "--attest"
      ).status == 0)
    #expect(
      sietool(
        "invoice", "credit", "--book", book, "1001", "--line", "1:6", "--date",
        "2025-03-11", "--attest"
      ).status == 0)
    let again = sietool(
      "invoice", "credit", "--book", book, "1001", "--date", "2025-03-12", "--attest")
    #expect(again.status == 1)
    #expect(code(again) == "credit-exceeds-invoice", "\(again.error)")
    #expect(again.error.contains("37500.00 can still be credited"), "\(again.error)")
  }

  @Test func aPaymentDatedAfterTodayIsRefused() {
    let directory = TemporaryDirectory()
    let book = book(directory)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "description=Arbete,quantity=1,price=1000.00,vat=25", "--attest"
      ).status == 0)
    let before = journal(book)
    let result = sietool(
      "invoice", "pay", "--book", book, "1001", "--amount", "1.00", "--date", "2199-01-01")
    #expect(result.status == 1)
    #expect(code(result) == "invalid-date", "\(result.error)")
    #expect(journal(book) == before)
  }
}
