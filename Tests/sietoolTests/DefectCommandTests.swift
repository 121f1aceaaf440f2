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

  @Test func theReceivablesListAgesOpenItemsAndAgreesWithTheLedger() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    for (date, quantity) in [("2025-01-10", "1"), ("2025-03-10", "2")] {
      #expect(
        sietool(
          "invoice", "new", "--book", book, "--customer", "K1", "--date", date, "--line",
          "description=Arbete,quantity=\(quantity),price=1000.00,vat=25", "--attest"
        ).status == 0)
    }
    let json = sietool(
      "report", "receivables", "--book", book, "--as-of", "2025-04-30", "--format", "json")
    #expect(json.status == 0, "\(json.error)")
    let report = try #require(json.output.json)
    #expect(report["total"] == .string("3750.00"))
    #expect(report["onReceivables"] == .string("3750.00"))
    let items = try #require(report["customers"]?.arrayValue?.first?["items"]?.arrayValue)
    // Due 2025-02-09 (60 days past due on 04-30… 80) and 2025-04-09 (21 days).
    #expect(items.map { $0["bucket"] } == [.string("61–90"), .string("1–30")])
    let balance = sietool(
      "ledger", "balance", "--book", book, "--to", "2025-04-30", "--format", "json")
    #expect(balance.output.contains("3750.00"), "\(balance.output)")
    let csv = sietool(
      "report", "receivables", "--book", book, "--as-of", "2025-04-30", "--format", "csv")
    #expect(
      csv.output.hasPrefix("customer,invoice,invoiceDate,dueDate,daysPastDue,bucket,open\r\n"))
  }

  /// Every switch the README names can be set, keeps its type, and reads back.
  @Test(arguments: [
    "bookUnmatchedPayments", "matchesBookedOnMatchingDay", "yearEndReversal", "roundToKronor",
  ])
  func switchesCanBeSetAndReadBack(_ key: String) throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    for value in ["true", "false", "true"] {
      let set = sietool("settings", "set", "--book", book, key, value)
      #expect(set.status == 0, "\(key) \(value): \(set.error)")
      let shown = sietool("settings", "show", "--book", book)
      #expect(shown.status == 0, "\(shown.error)")
      let line = shown.output.split(separator: "\n").first { $0.hasPrefix(key + " = ") }
      // Defaults may be left out of the listing; a value that is there is the one set.
      if let line { #expect(line == "\(key) = \(value)"[...]) }
    }
    let wrong = sietool("settings", "set", "--book", book, key, "yes")
    #expect(code(wrong) == "invalid-setting")
    #expect(try Book.open(at: book).warnings.isEmpty)
  }
}
