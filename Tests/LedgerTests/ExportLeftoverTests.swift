import Basics
import Foundation
import Invoicing
import Testing

@testable import Ledger

/// An export killed on its way leaves temporaries: beside the files it was publishing, and in
/// the book (its kept copies in `exports/`). `book verify` removes them all, when nobody holds
/// the book's lock — and none while a writer does. An export that is refused once its file is
/// written leaves nothing at all.
@Suite struct ExportLeftoverTests {
  /// Temporaries as a killed export leaves them, relative to the test's directory.
  static let leftovers = [
    "book/exports/.5c0ffee.zip.tmp-a1B2c3",
    "book/exports/.5c0ffee.se.tmp-Zz09yx",
    "book/exports/.pending.tmp-qwerty",
    "book/.journal.checkpoint.tmp-abcdef",
    "book/documents/.F1001.pdf.tmp-123456",
    ".out.se.tmp-x1y2z3",
    ".out.zip.tmp-u7v8w9",
  ]

  /// A book whose export of the first quarter was killed after it listed its targets.
  static func killedExport() throws -> TemporaryBook {
    let book = try TemporaryBook(ExportTests.quarter)
    let exports = book.file("book/exports")
    try FilePath.makeDirectory(exports)
    try AtomicFile.write(
      Array((book.file("out.zip") + "\n" + book.file("out.se") + "\n").utf8),
      to: FilePath.join(exports, ExportPublisher.pendingFile))
    try FilePath.makeDirectory(book.file("book/documents"))
    for name in leftovers { try AtomicFile.write(Array("half".utf8), to: book.file(name)) }
    return book
  }

  @Test func verifyRemovesEveryTemporaryAKilledExportLeft() throws {
    let book = try Self.killedExport()
    book.close()
    Exporter.removeLeftovers(ofBookAt: book.file("book"))
    for name in Self.leftovers {
      #expect(!FilePath.exists(book.file(name)), "\(name) is still there")
    }
    let pending = try FilePath.read(book.file("book/exports/" + ExportPublisher.pendingFile))
    #expect(pending.isEmpty, "the list of targets is cleared")
  }

  @Test func nothingIsRemovedWhileAWriterHoldsTheBook() throws {
    let book = try Self.killedExport()
    Exporter.removeLeftovers(ofBookAt: book.file("book"))
    for name in Self.leftovers {
      #expect(FilePath.exists(book.file(name)), "\(name) was removed under a writer")
    }
  }

  @Test func anExportTheReceiverRefusesLeavesNothing() throws {
    let book = try TemporaryBook { tx in
      var customer = tx.state.customers["K1"]!
      customer.name = "Ett Mycket Långt Kundnamn Som Fortnox Inte Tar Emot Aktiebolag"
      try tx.updateCustomer(customer)
      try tx.issue(f1001)
    }
    let journal = try FilePath.read(book.file("book/journal.jsonl"))
    let refusal = #expect(throws: LedgerError.self) {
      try book.export("2025-03-01", "2025-03-31", profile: .fortnox, bundle: "out.zip")
    }
    #expect(refusal?.code == .exportRefusedByReceiver)
    #expect(!FilePath.exists(book.file("out.se")))
    #expect(!FilePath.exists(book.file("out.zip")))
    #expect(!FilePath.exists(book.file("book/exports")), "the first export made no exports/")
    let left = (try? FileManager.default.subpathsOfDirectory(atPath: book.directory)) ?? []
    #expect(left.filter { $0.contains(".tmp-") }.isEmpty, "\(left)")
    #expect(try FilePath.read(book.file("book/journal.jsonl")) == journal)
    // The same period for a receiver that takes it is exported as if nothing had happened.
    try book.export("2025-03-01", "2025-03-31", bundle: "out.zip")
    #expect(FilePath.names(in: book.file("book/exports")).count == 3)  // .se, .zip, pending
  }
}
