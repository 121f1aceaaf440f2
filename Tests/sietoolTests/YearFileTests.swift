import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// A year file after quarterly exports: a read-only compilation of what was exported.
@Suite struct YearFileTests {
  @Test func aYearFileCompilesTheQuartersAsExported() throws {
    let directory = TemporaryDirectory()
    let book = newBook(in: directory)
    attestedInvoice(book, date: "2025-02-10")
    attestedInvoice(book, date: "2025-05-10")
    #expect(
      sietool(
        "invoice", "pay", "--book", book, "1001", "--amount", "1250.00", "--date", "2025-04-02"
      ).status == 0)
    let nothing = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-12-31", "--year-file", "-o",
      directory.file("none.se"))
    #expect(errorCode(nothing) == "no-such-export", "\(nothing.error)")
    for (from, to) in [("2025-01-01", "2025-03-31"), ("2025-04-01", "2025-06-30")] {
      let result = sietool(
        "export", "--book", book, "--from", from, "--to", to, "-o", directory.file("\(from).se"))
      #expect(result.status == 0, "\(result.error)")
    }
    // The freeze rule stands: a full-year export overlaps the quarters.
    let overlap = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-12-31", "-o",
      directory.file("full.se"))
    #expect(errorCode(overlap) == "period-overlaps-export")
    let before = journalBytes(book)
    let year = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-12-31", "--year-file", "-o",
      directory.file("year.se"))
    #expect(year.status == 0, "\(year.error)")
    #expect(year.error.contains("exported through 2025-06-30"))
    #expect(journalBytes(book) == before, "a year file records nothing")
    let validated = sietool("validate", "--strict", directory.file("year.se"))
    #expect(validated.status == 0, "\(validated.output)\(validated.error)")
    let file = try #require(
      FileManager.default.contents(atPath: directory.file("year.se")).map { Array($0) })
    let text = String(decoding: file, as: UTF8.self)
    #expect(text.contains("#SIETYP 4") && text.contains("#RAR 0 20250101 20251231"))
    #expect(text.contains("#UB 0 1510"))
    // The vouchers are those of the two exports, in order.
    let quarters = ["2025-01-01", "2025-04-01"].flatMap { name -> [String] in
      let data = FileManager.default.contents(atPath: directory.file("\(name).se"))!
      return String(decoding: data, as: UTF8.self).split(separator: "\r\n").filter {
        $0.hasPrefix("#VER")
      }.map(String.init)
    }
    #expect(quarters.count == 3, "\(quarters)")
    #expect(
      text.split(separator: "\r\n").filter { $0.hasPrefix("#VER") }.map(String.init) == quarters)
    // Twice, the same bytes.
    let again = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-12-31", "--year-file", "-o",
      directory.file("again.se"))
    #expect(again.status == 0)
    #expect(
      FileManager.default.contents(atPath: directory.file("again.se")).map { Array($0) } == file)
    let partial = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-06-30", "--year-file", "-o",
      directory.file("p.se"))
    #expect(errorCode(partial) == "invalid-period")
  }
}
