import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing
@testable import sietool

@Suite struct BookCommandTests {
  /// A book made with `init` and the import issue's example document.
  func exampleBook(_ directory: TemporaryDirectory) -> String {
    let book = directory.file("book")
    let created = sietool(
      "init", "--book", book, "--name", "Exempelbolaget AB", "--org-number", "556677-8899",
      "--bankgiro", "5050-1055")
    #expect(created.status == 0, "\(created.error)")
    let document = directory.write(
      "import.json",
      """
      {"customers":[{"number":"K1","name":"Åkessons Åkeri AB","orgNumber":"556677-8899"}],
       "costCentres":[{"code":"100","name":"Stockholm"}], "projects":[{"code":"P1","name":"Bygget"}],
       "products":[{"number":"TJ","name":"Konsulttimme","unitPrice":"1000.00","vatRate":25,"salesAccount":"3001"},
         {"number":"LIV","name":"Livsmedel","unitPrice":"100.00","vatRate":12,"salesAccount":"3002"},
         {"number":"PKG","name":"Paket 1","kind":"package","unitPrice":"1000.00",
          "components":[{"product":"TJ","share":"0.6"},{"product":"LIV","share":"0.4"}]}],
       "invoices":[{"externalId":"x1","customer":"K1","invoiceDate":"2025-03-10","dueDate":"2025-04-09",
         "lines":[{"product":"TJ","quantity":"8","costCentre":"100","project":"P1"}]}],
       "actions":[{"action":"attest","invoice":"x1","date":"2025-03-10"},
                  {"action":"payment","invoice":"x1","date":"2025-04-05","amount":"3000.00"}]}
      """)
    let imported = sietool("import", "--book", book, document)
    #expect(imported.status == 0, "\(imported.error)")
    #expect(imported.output.contains("imported 1 customer, 3 products"))
    return book
  }

  @Test func invoiceListJSONHasTheDocumentedFields() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    #expect(
      sietool(
        "invoice", "new", "--book", book, "--customer", "K1", "--date", "2025-03-12", "--line",
        "PKG:1"
      ).status == 0)
    let list = sietool("invoice", "list", "--book", book, "--format", "json")
    #expect(list.status == 0)
    let rows = try #require(list.output.json?.arrayValue)
    #expect(rows.count == 2)
    #expect(rows[0]["number"] == .integer(1001))
    #expect(rows[0]["externalId"] == .string("x1"))
    #expect(rows[0]["customer"] == .string("K1"))
    #expect(rows[0]["invoiceDate"] == .string("2025-03-10"))
    #expect(rows[0]["dueDate"] == .string("2025-04-09"))
    #expect(rows[0]["state"] == .string("attested"))
    #expect(rows[0]["total"] == .string("10000.00"))
    #expect(rows[0]["open"] == .string("7000.00"))
    #expect(rows[1]["state"] == .string("draft"))
    #expect(rows[1]["total"] == .string("1198.00"))  // 600 × 1.25 + 400 × 1.12
    #expect(rows[1]["number"] == .null)
  }

  @Test func everyStateCanBeReachedFromTheCommandLine() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    func invoice(_ arguments: String...) -> (status: Int32, output: String, error: String) {
      sietool(["invoice"] + arguments + ["--book", book])
    }
    for index in 1...4 {
      let made = invoice(
        "new", "--customer", "K1", "--date", "2025-03-1\(index)", "--line", "TJ:1", "--attest")
      #expect(made.status == 0, "\(made.error)")
    }
    #expect(invoice("pay", "1001", "--date", "2025-04-08", "--amount", "7000.00").status == 0)
    #expect(invoice("remind", "1002", "--date", "2025-04-20", "--fee", "60.00").status == 0)
    #expect(invoice("remind", "1003", "--date", "2025-04-20").status == 0)
    #expect(invoice("collect", "1003", "--date", "2025-05-20").status == 0)
    #expect(invoice("credit", "1004", "--date", "2025-03-20", "--attest").status == 0)
    #expect(invoice("write-off", "1003", "--date", "2025-12-31").status == 0)
    let rows = try #require(
      sietool("invoice", "list", "--book", book, "--format", "json").output.json?.arrayValue)
    let states = rows.map { $0["state"]?.stringValue ?? "?" }
    #expect(states == ["paid", "reminded", "writtenOff", "credited", "attested", "credited"])
    #expect(rows.map { $0["kind"]?.stringValue ?? "?" }.last == "creditNote")
  }

  @Test func invoicePDFWritesAFileQpdfAccepts() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    let output = directory.file("f1001.pdf")
    let result = sietool("invoice", "pdf", "1001", "--book", book, "-o", output)
    #expect(result.status == 0, "\(result.error)")
    let bytes = try #require(FileManager.default.contents(atPath: output))
    #expect(bytes.starts(with: Data("%PDF-".utf8)))
  }

  @Test func aRefusedCommandChangesNothing() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    let before = journalBytes(book)
    let cases: [[String]] = [
      ["invoice", "pay", "1001", "--date", "2025-04-05"],  // no amount
      ["invoice", "pay", "9999", "--date", "2025-04-05", "--amount", "1.00"],
      ["invoice", "remind", "1001", "--date", "2025-04-01"],  // not overdue
      ["invoice", "new", "--customer", "K9", "--line", "TJ:1"],
      ["invoice", "new", "--customer", "K1", "--line", "description=x,price=1.00,vat=13"],
      ["invoice", "new", "--customer", "K1", "--date", "2025-02-30", "--line", "TJ:1"],
      ["invoice", "delete", "1001"],
      ["customer", "add", "--number", "K1", "--name", "Again"],
      ["product", "update", "NOPE", "--sales-account", "3011"],
      ["product", "update", "TJ", "--sales-account", "30"],
    ]
    for arguments in cases {
      let result = sietool(arguments + ["--book", book])
      #expect(result.status != 0, "\(arguments)")
      #expect(!result.error.isEmpty, "\(arguments)")
      #expect(journalBytes(book) == before, "\(arguments)")
    }
  }

  @Test func productAccountsCanBeChanged() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    #expect(
      sietool("product", "update", "TJ", "--sales-account", "3011", "--book", book).status == 0)
    let shown = sietool("product", "show", "TJ", "--book", book, "--format", "json")
    #expect(shown.output.json?["salesAccount"] == .string("3011"))
  }

  @Test func aSecondWriterWaitsForTheFirst() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    nonisolated(unsafe) var holder: Book? = try Book.open(at: book, forWriting: true)
    let release = Thread {
      usleep(300_000)
      holder = nil
    }
    release.start()
    let result = sietool(
      "invoice", "pay", "1001", "--date", "2025-04-05", "--amount", "1.00", "--book", book)
    #expect(result.status == 0, "\(result.error)")
    #expect(holder == nil)
  }

  @Test func theBookDefaultsToTheEnvironmentThenTheCurrentDirectory() {
    #expect(BookOptions.directory(environment: ["SIETOOL_BOOK": "/x"], explicit: nil) == "/x")
    #expect(BookOptions.directory(environment: [:], explicit: nil) == ".")
    #expect(BookOptions.directory(environment: ["SIETOOL_BOOK": "/x"], explicit: "/y") == "/y")
  }

  @Test func aDamagedJournalIsReportedNotOpened() throws {
    let directory = TemporaryDirectory()
    let book = exampleBook(directory)
    var text = try String(contentsOfFile: book + "/journal.jsonl", encoding: .utf8)
    text = text.replacingOccurrences(of: "3000.00", with: "30.00")
    try text.write(toFile: book + "/journal.jsonl", atomically: true, encoding: .utf8)
    let result = sietool("invoice", "list", "--book", book)
    #expect(result.status == 1)
    #expect(result.error.contains("damaged at line"))
    let verify = sietool("book", "verify", "--book", book)
    #expect(verify.status == 1)
  }
}

@Suite struct CheckpointCommandTests {
  /// `book verify` replays from line 1 and refuses a checkpoint that holds another state.
  @Test func verifyFindsAChangedCheckpoint() throws {
    let directory = TemporaryDirectory()
    let book = directory.file("book")
    #expect(
      sietool("init", "--book", book, "--name", "Test AB", "--org-number", "556677-8899").status
        == 0)
    #expect(
      sietool("customer", "add", "--number", "K1", "--name", "Kund AB", "--book", book).status == 0)
    let opened = try Book.open(at: book)
    #expect(opened.checkpointUse == .ignored(.missing))
    // A checkpoint of another state at the journal's last line (as a hand edit would make).
    var tx = BookTransaction(state: opened.state)
    try tx.addCustomer(Customer(number: "K2", name: "Ny Kund AB"))
    try Checkpoint.write(tx.state, at: opened.journalEnd, in: book)
    #expect(sietool("customer", "show", "K2", "--book", book).status == 0)
    let verify = sietool("book", "verify", "--book", book)
    #expect(verify.status == 1)
    #expect(verify.error.hasPrefix("error: [checkpoint-contradicted] "), "\(verify.error)")
    #expect(sietool("customer", "show", "K2", "--book", book).status == 1)
    #expect(sietool("book", "verify", "--book", book).status == 0)
  }
}
