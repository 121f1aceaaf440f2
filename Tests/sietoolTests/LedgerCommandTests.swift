import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

@Suite struct LedgerCommandTests {
  @Test func demoBuildsABookAndAnExportThatValidates() throws {
    let directory = TemporaryDirectory()
    let result = sietool("demo", directory.file("demo"))
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("passes strict SIE 4I validation"))
    #expect(result.output.contains("year end"))
    let sie = directory.file("demo/export-2025-Q4.se")
    #expect(sietool("validate", "--strict", sie).status == 0)
    #expect(FileManager.default.fileExists(atPath: directory.file("demo/export-2025-Q4.zip")))
    // A second run into the same directory is refused and changes nothing.
    let before = FileManager.default.contents(atPath: sie)
    #expect(sietool("demo", directory.file("demo")).status == 1)
    #expect(FileManager.default.contents(atPath: sie) == before)
  }

  @Test func exportThenLedgerCommands() throws {
    let directory = TemporaryDirectory()
    let book = directory.file("book")
    #expect(
      sietool("init", "--book", book, "--name", "Exempelbolaget AB", "--org-number", "556677-8899")
        .status == 0)
    #expect(
      sietool("customer", "add", "--book", book, "--number", "K1", "--name", "Åkessons Åkeri AB")
        .status == 0)
    #expect(
      sietool(
        "product", "add", "--book", book, "--number", "TJ", "--name", "Konsulttimme", "--price",
        "1000.00", "--vat", "25"
      ).status == 0)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "TJ:8", "--attest"
      ).status == 0)
    #expect(
      sietool(
        "invoice", "pay", "1001", "--book", book, "--date", "2025-04-05", "--amount", "10000.00"
      ).status == 0)
    let journal = sietool(
      "ledger", "journal", "--book", book, "--to", "2025-12-31", "--format", "json")
    let vouchers = try #require(journal.output.json?.arrayValue)
    #expect(vouchers.map { $0["series"]?.stringValue ?? "" } == ["F", "I"])
    #expect(vouchers.allSatisfy { $0["exported"] == .bool(false) })
    let export = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-03-31", "-o",
      directory.file("q1.se"), "--bundle",
      directory.file("q1.zip"), "--profile", "fortnox")
    #expect(export.status == 0, "\(export.error)")
    #expect(export.output.contains("1 voucher (F 1)"))
    #expect(export.output.contains("1 event dated after the period waits"))
    let again = sietool(
      "export", "--book", book, "--from", "2025-01-01", "--to", "2025-03-31", "-o",
      directory.file("q1b.se"), "--profile",
      "fortnox")
    #expect(again.output.contains("repeated export 1"))
    #expect(
      FileManager.default.contents(atPath: directory.file("q1.se"))
        == FileManager.default.contents(atPath: directory.file("q1b.se")))
    let balance = sietool(
      "ledger", "balance", "--book", book, "--to", "2025-12-31", "--format", "json")
    let rows = try #require(balance.output.json?.arrayValue)
    #expect(rows.first { $0["account"] == .string("1510") }?["balance"] == .string("0.00"))
    #expect(rows.first { $0["account"] == .string("3001") }?["balance"] == .string("-8000.00"))
    let text = sietool("ledger", "journal", "--book", book, "--to", "2025-12-31")
    #expect(text.output.contains("F 1  2025-03-10  Faktura 1001 K1"))
    #expect(
      text.output.contains(
        "I 1  2025-04-05  Inbetalning 1001 K1 Åkessons Åkeri AB  (not exported yet)"))
    // A refused export writes nothing.
    let refused = sietool(
      "export", "--book", book, "--from", "2025-03-01", "--to", "2025-04-30", "-o",
      directory.file("bad.se"))
    #expect(refused.status == 1)
    #expect(refused.error.contains("overlaps export 1"))
    #expect(!FileManager.default.fileExists(atPath: directory.file("bad.se")))
  }
}
