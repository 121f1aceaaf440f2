import Basics
import Foundation
import Glibc
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// Hostile input at the command line: odd files to attach, control characters, outputs that
/// point into the book. Each is refused with its code and changes nothing.
@Suite struct HardeningCommandTests {
  /// A book with customer K1 and draft d1.
  func book(_ directory: TemporaryDirectory) -> String {
    let book = newBook(in: directory)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "description=Arbete,quantity=1,price=1000.00,vat=25"
      ).status == 0)
    return book
  }

  static let pdf =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

  @Test func aDeviceOrFIFOIsNotAttached() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let before = journalBytes(book)
    let fifo = directory.file("pipe.pdf")
    #expect(mkfifo(fifo, 0o600) == 0)
    for path in ["/dev/zero", fifo, directory.path] {
      let result = sietool("invoice", "attach", "--book", book, "d1", path)
      #expect(result.status == 1, "\(path)")
      #expect(errorCode(result) == "file-error", "\(path): \(result.error)")
    }
    #expect(journalBytes(book) == before)
  }

  @Test func theSamePDFIsAttachedOnce() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let file = directory.write("bilaga.pdf", Self.pdf)
    #expect(sietool("invoice", "attach", "--book", book, "d1", file).status == 0)
    let before = journalBytes(book)
    let again = sietool("invoice", "attach", "--book", book, "d1", file)
    #expect(again.status == 1)
    #expect(errorCode(again) == "attachment-exists")
    #expect(journalBytes(book) == before)
  }

  @Test func aTruncatedPDFIsNotAttached() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let file = directory.write("kort.pdf", String(Self.pdf.prefix(30)))
    let result = sietool("invoice", "attach", "--book", book, "d1", file)
    #expect(errorCode(result) == "attachment-not-pdf")
  }

  @Test(arguments: ["Kund\nAB", "Kund\u{1B}[31mAB", "Kund\u{0}AB", "Kund\tAB"])
  func controlCharactersAreRefused(_ name: String) throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let before = journalBytes(book)
    let result = sietool("customer", "add", "--book", book, "--number", "K2", "--name", name)
    #expect(result.status == 1)
    #expect(errorCode(result) == "control-characters", "\(result.error)")
    #expect(journalBytes(book) == before)
  }

  @Test func controlCharactersInAnImportAreRefusedWithTheirPlace() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let before = journalBytes(book)
    let document = directory.write(
      "import.json", #"{"projects":[{"code":"P1","name":"Bygget\r\nrad två"}]}"#)
    let result = sietool("import", "--book", book, document)
    #expect(result.status == 1)
    // An import names the row by its JSON path under its own code.
    #expect(errorCode(result) == "invalid-import", "\(result.error)")
    #expect(
      result.error.contains("$.projects[0]: name holds a control character"), "\(result.error)")
    #expect(journalBytes(book) == before)
  }

  @Test func anOutputIntoTheBookOrThroughALinkIsRefused() throws {
    let directory = TemporaryDirectory()
    let book = book(directory)
    let before = journalBytes(book)
    let link = directory.file("ut.se")
    #expect(symlink(book + "/journal.jsonl", link) == 0)
    let sie = Corpus.path("blinfo__BLBLOV_SIE4.SE")
    for output in [book + "/journal.jsonl", link] {
      let converted = sietool("convert", sie, "--to", "sie", "-o", output)
      #expect(converted.status != 0, "\(output)")
      #expect(errorCode(converted) == "unsafe-output", "\(output): \(converted.error)")
    }
    #expect(journalBytes(book) == before)
  }
}
