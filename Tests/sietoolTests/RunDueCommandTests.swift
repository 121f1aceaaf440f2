import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// `run-due`, the reminder plan's settings and the bulk invoice steps at the command line.
@Suite struct RunDueCommandTests {
  /// A book whose plan reminds 5 days after the due date and sends to collection 5 days after
  /// the reminder's due date, with invoice 1001 (due 2025-04-09) attested.
  func plannedBook(_ directory: TemporaryDirectory, collection: String = "automatic") -> String {
    let book = newBook(in: directory)
    for (key, value) in [
      ("reminderPlan.firstAfterDays", "5"), ("reminderPlan.collectionAfterDays", "5"),
      ("reminderPlan.collection", collection), ("reminderPlan.fee", "50.00"),
    ] {
      let result = sietool("settings", "set", "--book", book, key, value)
      precondition(result.status == 0, result.error)
    }
    attestedInvoice(book)
    return book
  }

  @Test func thePlansSettingsAreTyped() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    let before = journalBytes(book)
    for (key, value, code, says) in [
      ("reminderPlan.firstAfterDays", "ten", "invalid-setting", "whole number of days"),
      ("reminderPlan.firstAfterDays", "400", "invalid-setting", "0 to 365"),
      ("reminderPlan.collection", "sometimes", "invalid-setting", "manual, automatic"),
      ("reminderPlan.fee", "sixty", "invalid-setting", "an amount"),
      ("reminderPlan.fee", "-5.00", "invalid-setting", "zero or more"),
      ("reminderPlan.weekly", "1", "no-such-setting", "no setting"),
    ] {
      let result = sietool("settings", "set", "--book", book, "--", key, value)
      #expect(result.status == 1, "\(key) \(value)")
      #expect(errorCode(result) == code, "\(key) \(value): \(result.error)")
      #expect(result.error.contains(says), "\(key) \(value): \(result.error)")
    }
    #expect(journalBytes(book) == before)
    #expect(
      sietool("settings", "set", "--book", book, "reminderPlan.secondAfterDays", "7").status == 0)
    let shown = sietool("settings", "show", "--book", book, "--format", "json").output.json
    #expect(shown?["reminderPlan"]?["secondAfterDays"]?.numberText == "7")
    #expect(
      sietool("settings", "set", "--book", book, "reminderPlan.secondAfterDays", "none").status == 0
    )
    let removed = sietool("settings", "show", "--book", book, "--format", "json").output.json
    #expect(removed?["reminderPlan"] == nil)
  }

  @Test func runDueTakesEachStepOnceOnItsDay() throws {
    let directory = TemporaryDirectory()
    let book = plannedBook(directory)
    let early = sietool("run-due", "--book", book, "--date", "2025-04-13", "--format", "json")
    #expect(early.status == 0, "\(early.error)")
    #expect(early.output.json?["reminders"]?.arrayValue?.isEmpty == true)

    // A dry run says what a run would do, and writes nothing.
    let before = journalBytes(book)
    let dry = sietool(
      "run-due", "--book", book, "--date", "2025-05-31", "--dry-run", "--format", "json")
    #expect(journalBytes(book) == before)
    let run = sietool("run-due", "--book", book, "--date", "2025-05-31", "--format", "json")
    #expect(run.status == 0, "\(run.error)")
    let json = try #require(run.output.json)
    // Due 2025-04-09, reminded 5 days later; the reminder is due 2025-04-24 (a Thursday),
    // collection 5 days after that.
    let reminder = try #require(json["reminders"]?.arrayValue?.first)
    #expect(reminder["invoice"]?.stringValue == "1001")
    #expect(reminder["number"]?.numberText == "1")
    #expect(reminder["fee"]?.stringValue == "50.00")
    #expect(reminder["due"]?.stringValue == "2025-04-14")
    #expect(json["collections"]?.arrayValue?.first?["due"]?.stringValue == "2025-04-29")
    #expect(json["date"]?.stringValue == "2025-05-31")
    for key in ["reminders", "collections", "needsReview", "payouts", "skipped"] {
      #expect(dry.output.json?[key] == json[key], "\(key)")
    }
    // Twice for the same day does nothing the second time.
    let again = sietool("run-due", "--book", book, "--date", "2025-05-31")
    #expect(again.output.contains("nothing was due by 2025-05-31"), "\(again.output)")
    let shown = sietool("invoice", "show", "--book", book, "1001", "--format", "json").output.json
    #expect(shown?["state"]?.stringValue == "collection")
  }

  @Test func theRemindersPDFsAreWrittenWhereAsked() throws {
    let directory = TemporaryDirectory()
    let book = plannedBook(directory)
    let pdfs = directory.file("pdfs")
    let missing = sietool("run-due", "--book", book, "--date", "2025-05-31", "--pdfs", pdfs)
    #expect(missing.status == 1)
    #expect(errorCode(missing) == "unsafe-output", "\(missing.error)")
    try FileManager.default.createDirectory(atPath: pdfs, withIntermediateDirectories: true)
    let run = sietool("run-due", "--book", book, "--date", "2025-05-31", "--pdfs", pdfs)
    #expect(run.status == 0, "\(run.error)")
    let bytes = try #require(FileManager.default.contents(atPath: pdfs + "/1001-reminder-1.pdf"))
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
  }

  @Test func aManualCollectionWaitsForItsReview() {
    let directory = TemporaryDirectory()
    let book = plannedBook(directory, collection: "manual")
    let run = sietool("run-due", "--book", book, "--date", "2025-05-31", "--format", "json")
    let review = run.output.json?["needsReview"]?.arrayValue ?? []
    #expect(review.map { $0["invoice"]?.stringValue } == ["1001"])
    #expect(run.output.json?["collections"]?.arrayValue?.isEmpty == true)
    // Listed again until a person decides.
    let text = sietool("run-due", "--book", book, "--date", "2025-06-01")
    #expect(text.output.contains("review: invoice 1001"), "\(text.output)")
    #expect(
      sietool("invoice", "collect", "--book", book, "1001", "--date", "2025-06-02").status == 0)
    let after = sietool("run-due", "--book", book, "--date", "2025-06-03", "--format", "json")
    #expect(after.output.json?["needsReview"]?.arrayValue?.isEmpty == true)
  }

  @Test func anInvoicesReminderDateIsItsFirstReminder() {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    let line = "description=Arbete,quantity=1,price=1000.00,vat=25"
    let before = journalBytes(book)
    let early = sietool(
      "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line", line,
      "--reminder-date", "2025-04-01")
    #expect(early.status == 1)
    #expect(errorCode(early) == "invalid-reminder-date", "\(early.error)")
    #expect(journalBytes(book) == before)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        line, "--reminder-date", "2025-04-20", "--attest"
      ).status == 0)
    // No plan: only the invoice with a reminder date is reminded, on that day.
    attestedInvoice(book)
    let run = sietool("run-due", "--book", book, "--date", "2025-06-30", "--format", "json")
    let reminders = run.output.json?["reminders"]?.arrayValue ?? []
    #expect(reminders.map { $0["invoice"]?.stringValue } == ["1001"])
    #expect(reminders.first?["due"]?.stringValue == "2025-04-20")
  }

  @Test func aSelfInvoiceIsPaidOutOnItsPayoutsBankDay() throws {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    let created = sietool(
      "self-invoice", "new", "--book", book, "--payee", "K1", "--date", "2025-06-01", "--payout",
      "2025-06-06", "--line", "description=Frakt,price=800.00,vat=25", "--attest")
    #expect(created.status == 0, "\(created.error)")
    // 6 June is the national day: the payout goes on Monday 9 June.
    let friday = sietool("run-due", "--book", book, "--date", "2025-06-06", "--format", "json")
    #expect(friday.output.json?["payouts"]?.arrayValue?.isEmpty == true, "\(friday.output)")
    let monday = sietool("run-due", "--book", book, "--date", "2025-06-09", "--format", "json")
    let payout = try #require(monday.output.json?["payouts"]?.arrayValue?.first)
    #expect(payout["kind"]?.stringValue == "selfInvoice")
    #expect(payout["date"]?.stringValue == "2025-06-09")
    #expect(payout["amount"]?.stringValue == "1000.00")
  }

  @Test func bulkStepsAreAllOrNothing() throws {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book, date: "2025-03-10")  // 1001, due 2025-04-09
    attestedInvoice(book, date: "2025-04-01")  // 1002, due 2025-05-01
    let before = journalBytes(book)
    // 1002 is not overdue on 2025-04-20: neither is reminded.
    let refused = sietool(
      "invoice", "remind", "--book", book, "1001", "1002", "--date", "2025-04-20")
    #expect(refused.status == 1)
    #expect(errorCode(refused) == "not-overdue", "\(refused.error)")
    #expect(refused.error.contains("1002"))
    #expect(journalBytes(book) == before)
    // A filter picks the invoices the step applies to.
    let overdue = sietool(
      "invoice", "remind", "--book", book, "--overdue-on", "2025-05-10", "--date", "2025-05-10")
    #expect(overdue.status == 0, "\(overdue.error)")
    #expect(overdue.output.contains("2 invoices reminded"), "\(overdue.output)")

    for _ in 0..<2 {
      #expect(
        sietool(
          "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-05-12", "--line",
          "description=Arbete,price=100.00,vat=25"
        ).status == 0)
    }
    let pdfs = directory.file("pdfs")
    try FileManager.default.createDirectory(atPath: pdfs, withIntermediateDirectories: true)
    let written = sietool("invoice", "pdf", "--book", book, "--all-drafts", "-o", pdfs)
    #expect(written.status == 0, "\(written.error)")
    #expect(FileManager.default.fileExists(atPath: pdfs + "/d3.pdf"))
    #expect(FileManager.default.fileExists(atPath: pdfs + "/d4.pdf"))
    let attested = sietool(
      "invoice", "attest", "--book", book, "--customer", "K1", "--date", "2025-05-12")
    #expect(attested.output.contains("2 invoices attested"), "\(attested.output)")
    let none = sietool("invoice", "attest", "--book", book)
    #expect(none.status == 64)
    #expect(errorCode(none) == "missing-value")
  }
}
