import Basics
import Dispatch
import Foundation
import TestSupport
import Testing

@testable import Invoicing

/// A `Book` is `Sendable`: threads that share one commit one at a time, and every reader sees a
/// whole state.
@Suite struct BookSharingTests {
  @Test func threadsSharingABookNeverLoseAnUpdate() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let before = book.lineCount
    DispatchQueue.concurrentPerform(iterations: 40) { index in
      _ = try? book.transact { tx in
        let id = try tx.draft(f1001)
        return try tx.attest(id, on: d("2025-03-10"))
      }
      _ = book.state.allInvoices.count  // a reader in between
    }
    #expect(book.lineCount == before + 40)
    let numbers = book.state.allInvoices.compactMap(\.invoice.number)
    #expect(numbers.sorted() == Array(1001...1040))
    let reopened = try Book.open(at: book.directory)
    #expect(reopened.state.allInvoices.compactMap(\.invoice.number).sorted() == numbers.sorted())
  }

  @Test func todayIsTheCreditorsLocalDay() throws {
    let directory = TemporaryDirectory()
    var settings = CreditorSettings(name: "Tid AB", organizationNumber: "556677-8899")
    let book = try Book.create(
      at: directory.file("book"), settings: settings, clock: { "2025-12-31T23:30:00Z" })
    #expect(book.today == d("2026-01-01"))
    settings.timeZone = .utc
    try book.updateSettings(settings)
    #expect(book.today == d("2025-12-31"))
    #expect(try Book.open(at: book.directory).state.settings.timeZone == .utc)
  }
}
