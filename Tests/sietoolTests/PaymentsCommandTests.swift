import Basics
import Foundation
import Reconcile
import TestSupport
import Testing

@testable import sietool

/// `sietool payments …` and `report status` as a user runs them.
@Suite struct PaymentsCommandTests {
  static func book(_ directory: TemporaryDirectory) -> String {
    let book = directory.file("book")
    _ = sietool(
      "init", "--book", book, "--name", "X AB", "--org-number", "556677-8899", "--bankgiro",
      "991-2346")
    _ = sietool("customer", "add", "--book", book, "--number", "K1", "--name", "Åkessons Åkeri AB")
    _ = sietool(
      "product", "add", "--book", book, "--number", "TJ", "--name", "Tjänst", "--price", "1000.00")
    for _ in 0..<2 {
      _ = sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-10", "--line",
        "TJ:2", "--attest")
    }
    return book
  }

  static func file(_ directory: TemporaryDirectory, _ name: String = "bg.txt") -> String {
    var writer = BgMaxWriter(bankgiro: "9912346", created: "20250405060000000000")
    let day = Day(iso: "2025-04-05")!
    writer.add(.init(amount: Amount(kronor: 2500), reference: "100164"), on: day)
    writer.add(
      .init(
        amount: Amount(kronor: 2500), reference: "100264", referenceCode: 3, texts: ["faktura 1002"]
      ), on: day)
    writer.add(.init(amount: Amount(ore: 12_345), referenceCode: 0), on: day)
    return directory.write(name, writer.bytes())
  }

  @Test func importListMatchAndReport() throws {
    let directory = TemporaryDirectory()
    let book = Self.book(directory)
    let path = Self.file(directory)
    let imported = sietool("payments", "import", path, "--book", book, "--format", "json")
    #expect(imported.status == 0, "\(imported.error)")
    let summary = try #require(imported.output.json)
    #expect(summary["matched"]?.numberText == "1")
    #expect(summary["suggested"]?.numberText == "1")
    #expect(summary["unhandled"]?.numberText == "1")
    let file = try #require(summary["files"]?.arrayValue?.first)
    #expect(file["format"]?.stringValue == "bgmax")
    #expect(file["new"]?.numberText == "3")
    #expect(file["duplicates"]?.numberText == "0")
    // Again: all duplicates.
    let again = try #require(
      sietool("payments", "import", path, "--book", book, "--format", "json").output.json)
    #expect(again["files"]?.arrayValue?.first?["new"]?.numberText == "0")
    #expect(again["files"]?.arrayValue?.first?["duplicates"]?.numberText == "3")
    // The list, as JSON.
    let list = try #require(
      sietool("payments", "list", "--book", book, "--state", "all", "--format", "json").output.json?
        .arrayValue)
    #expect(list.count == 3)
    let first = list[0]
    for key in [
      "id", "date", "amount", "currency", "reference", "payer", "state", "allocations",
      "suggestions", "source",
    ] {
      #expect(first[key] != nil, "\(key)")
    }
    #expect(first["state"]?.stringValue == "matched")
    #expect(first["allocations"]?.arrayValue?.first?["invoice"]?.numberText == "1001")
    #expect(list[1]["suggestions"]?.arrayValue?.first?["invoices"]?.arrayValue == [.number("1002")])
    #expect(first["source"]?["format"]?.stringValue == "bgmax")
    // Match the suggestion by hand; a second try is refused with its code.
    let id = try #require(list[1]["id"]?.stringValue)
    #expect(sietool("payments", "match", id, "--invoice", "1002", "--book", book).status == 0)
    let twice = sietool("payments", "match", id, "--invoice", "1002", "--book", book)
    #expect(twice.status == 1)
    #expect(twice.error.hasPrefix("error: [payment-state-conflict]"))
    // The invoice shows the payments that paid it.
    let invoices = try #require(
      sietool("invoice", "list", "--book", book, "--format", "json").output.json?.arrayValue)
    #expect(invoices[1]["payments"]?.arrayValue?.first?["incoming"]?.stringValue == id)
    // The status report.
    let report = try #require(
      sietool(
        "report", "status", "--book", book, "--from", "2025-04-01", "--to", "2025-04-30",
        "--format", "json"
      ).output.json)
    #expect(report["paymentsReceived"]?["count"]?.numberText == "3")
    #expect(report["paymentsMatched"]?["count"]?.numberText == "2")
    #expect(report["paymentsUnhandled"]?["amount"]?.stringValue == "123.45")
  }

  @Test func aRefusedFileAmongSeveralChangesNothing() throws {
    let directory = TemporaryDirectory()
    let book = Self.book(directory)
    let good = Self.file(directory)
    let html = directory.write("page.html", "<html><body>Inloggning</body></html>")
    let journal = try FilePath.read(FilePath.join(book, "journal.jsonl"))
    let result = sietool("payments", "import", good, good, html, "--book", book)
    #expect(result.status == 1)
    #expect(result.error.hasPrefix("error: [unknown-payment-format]"))
    #expect(try FilePath.read(FilePath.join(book, "journal.jsonl")) == journal)
  }

  @Test func theDemoShowsTheQueue() {
    let directory = TemporaryDirectory()
    let result = sietool("demo", directory.file("demo"))
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("4 payments, 2 placed at once, 1 suggested, 1 unhandled"))
    #expect(result.output.contains("matched the suggestion by hand"))
    #expect(result.output.contains("passes strict SIE 4I validation"))
  }
}
