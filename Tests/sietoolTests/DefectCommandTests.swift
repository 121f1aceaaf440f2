import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// Defects a new user met, each at the command line, each refused with its code.
@Suite struct DefectCommandTests {
  @Test func aDraftIdNamesADraftOnly() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book)
    let before = journalBytes(book)
    let paid = sietool(
      "invoice", "pay", "--book", book, "d1", "--amount", "1.00", "--date", "2025-03-12")
    #expect(paid.status == 1)
    #expect(errorCode(paid) == "no-such-invoice")
    #expect(paid.error.contains("attested as invoice 1001"), "\(paid.error)")
    #expect(journalBytes(book) == before)
    #expect(
      sietool(
        "invoice", "pay", "--book", book, "1001", "--amount", "1.00", "--date", "2025-03-12"
      ).status == 0)
  }

  @Test func aNegativePriceIsRefusedWhenTheDraftIsMade() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    let before = journalBytes(book)
    let result = sietool(
      "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
      "description=Rabatt,quantity=1,price=-100.00,vat=25")
    #expect(result.status == 1)
    #expect(errorCode(result) == "negative-price", "\(result.error)")
    #expect(journalBytes(book) == before)
    // A standalone credit takes negative prices, as before.
    let credit = sietool(
      "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--credit",
      "--line", "description=Återbetalning,quantity=1,price=-100.00,vat=25")
    #expect(credit.status == 0, "\(credit.error)")
  }

  @Test func aRefusedCreditSaysWhatCanStillBeCredited() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book, quantity: "36")
    #expect(
      sietool(
        "invoice", "credit", "--book", book, "1001", "--line", "1:6", "--date",
        "2025-03-11", "--attest"
      ).status == 0)
    let again = sietool(
      "invoice", "credit", "--book", book, "1001", "--date", "2025-03-12", "--attest")
    #expect(again.status == 1)
    #expect(errorCode(again) == "credit-exceeds-invoice", "\(again.error)")
    #expect(again.error.contains("37500.00 can still be credited"), "\(again.error)")
  }

  @Test func aPaymentDatedAfterTodayIsRefused() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book)
    let before = journalBytes(book)
    let result = sietool(
      "invoice", "pay", "--book", book, "1001", "--amount", "1.00", "--date",
      Day.today().adding(days: 2).iso)
    #expect(result.status == 1)
    #expect(errorCode(result) == "invalid-date", "\(result.error)")
    #expect(journalBytes(book) == before)
  }

  @Test func theReceivablesListAgesOpenItemsAndAgreesWithTheLedger() throws {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book, date: "2025-01-10")
    attestedInvoice(book, date: "2025-03-10", quantity: "2")
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
    let book = newBook(in: directory)
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
    #expect(errorCode(wrong) == "invalid-setting")
    #expect(try Book.open(at: book).warnings.isEmpty)
  }
}

@Suite struct BalanceLeftOutTests {
  @Test func vouchersOutsideTheYearAreCountedNotHidden() throws {
    let directory = TemporaryDirectory()
    let file = directory.write(
      "lo.se",
      "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#KONTO 1930 a\n#KONTO 3001 b\n"
        + "#VER A 1 20250105 \"v\"\n{\n#TRANS 1930 {} 1.00\n#TRANS 3001 {} -1.00\n}\n"
        + "#VER A 2 20240105 \"v\"\n{\n#TRANS 1930 {} 5.00\n#TRANS 3001 {} -5.00\n}\n")
    let text = sietool("balance", file)
    #expect(text.status == 0)
    #expect(text.error.contains("1 voucher dated outside fiscal year 0 (2025-01-01 – 2025-12-31)"))
    let json = try #require(sietool("balance", file, "--format", "json").output.json)
    #expect(json["vouchersLeftOut"] == .integer(1))
  }
}

@Suite struct MethodChangeTests {
  @Test func theMethodChangesOnlyFromAFiscalYearsStart() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book, date: "2025-03-10")
    let out = directory.file("h1.se")
    #expect(
      sietool("export", "--book", book, "--from", "2025-01-01", "--to", "2025-06-30", "-o", out)
        .status == 0)
    let before = journalBytes(book)
    let refused = sietool("settings", "set", "--book", book, "method", "cash")
    #expect(refused.status == 1)
    #expect(errorCode(refused) == "method-change-mid-year", "\(refused.error)")
    #expect(journalBytes(book) == before)
    // The same method again is no change; after the year is exported, the next may differ.
    #expect(sietool("settings", "set", "--book", book, "method", "accrual").status == 0)
    #expect(
      sietool(
        "export", "--book", book, "--from", "2025-07-01", "--to", "2025-12-31", "-o",
        directory.file("h2.se")
      ).status == 0)
    let allowed = sietool("settings", "set", "--book", book, "method", "cash")
    #expect(allowed.status == 0, "\(allowed.error)")
    // An invoice booked under the accrual method is cleared from 1510 when paid under cash
    // (posting notes, tricky case 6), not booked as revenue again.
    #expect(
      sietool(
        "invoice", "pay", "--book", book, "1001", "--amount", "1250.00", "--date", "2026-01-15"
      ).status == 0)
    let q1 = directory.file("q1.se")
    #expect(
      sietool("export", "--book", book, "--from", "2026-01-01", "--to", "2026-03-31", "-o", q1)
        .status == 0)
    let text = (try? String(contentsOfFile: q1, encoding: .isoLatin1)) ?? ""
    #expect(text.contains("#TRANS 1510 {} -1250.00"), "\(text)")
    #expect(!text.contains("#TRANS 3001"), "\(text)")
  }
}

@Suite struct InvoiceParticularsTests {
  func attest(_ book: String, customer: String) -> (status: Int32, output: String, error: String) {
    sietool(
      "invoice", "new", "--book", book, "--customer", customer, "--date", "2025-03-10", "--line",
      "description=Arbete,quantity=1,price=1000.00,vat=25", "--attest")
  }

  @Test func attestingWarnsOfWhatTheLawRequiresAndIsMissing() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    let bare = attest(book, customer: "K1")
    #expect(bare.status == 0)
    #expect(bare.error.contains("[invoice-particulars-missing] invoice 1001"), "\(bare.error)")
    #expect(bare.error.contains("the seller's VAT registration number"))
    #expect(bare.error.contains("the buyer's address"))
    #expect(!bare.error.contains("reverse charge"))

    #expect(sietool("settings", "set", "--book", book, "vatNumber", "SE556677889901").status == 0)
    #expect(
      sietool(
        "customer", "add", "--book", book, "--number", "EU1", "--name", "Berliner GmbH",
        "--market", "eu", "--street", "Unter den Linden 1", "--postal-code", "10117", "--city",
        "Berlin", "--country", "DE"
      ).status == 0)
    let eu = attest(book, customer: "EU1")
    #expect(eu.status == 0, "\(eu.error)")
    #expect(eu.error.contains("the buyer's VAT number (ML: the invoice is under reverse charge)"))
    // An aktiebolag shows its registered office.
    #expect(eu.error.contains("the registered office of an aktiebolag"))
    #expect(
      sietool("settings", "set", "--book", book, "registeredOffice", "Stockholm").status == 0)
    #expect(!eu.error.contains("seller's VAT"))

    #expect(
      sietool("customer", "update", "EU1", "--book", book, "--vat-number", "DE123456789")
        .status == 0)
    let complete = attest(book, customer: "EU1")
    #expect(complete.status == 0)
    #expect(!complete.error.contains("invoice-particulars-missing"), "\(complete.error)")
  }
}
