import Basics
import Foundation
import Invoicing
import Testing

@testable import Ledger

/// An export killed on its way leaves temporaries: beside the files it was publishing, and in
/// the book (its kept copies in `exports/`). `book verify` removes them all, when nobody holds
/// the book's lock — and none while a writer does.
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
}
