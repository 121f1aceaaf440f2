import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing

@Suite struct ImportTests {
  /// The example of the import issue, verbatim.
  static let example = """
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
    """

  func emptyBook(_ directory: TemporaryDirectory) throws -> Book {
    try Book.create(
      at: directory.file("book"),
      settings: CreditorSettings(
        name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: .accrual),
      clock: fixedClock)
  }

  func importing(_ text: String, into book: Book) throws -> BookImport.Summary {
    try book.transact { try BookImport.apply(Array(text.utf8), to: &$0) }
  }

  @Test func importsTheExample() throws {
    let directory = TemporaryDirectory()
    let book = try emptyBook(directory)
    let summary = try importing(Self.example, into: book)
    #expect(
      summary.customers == 1 && summary.products == 3 && summary.invoices == 1
        && summary.actions == 2)
    // One transaction, one line.
    #expect(book.lineCount == 2)
    let record = try #require(book.state.invoice(named: "x1"))
    #expect(record.invoice.number == 1001)
    #expect(book.state.invoice(named: "1001")?.invoice.externalId == "x1")
    #expect(record.state == .attested)
    #expect(record.invoice.totals.total == Amount(kronor: 10_000))
    #expect(record.open == Amount(kronor: 7000))
    #expect(book.state.products["TJ"]?.accounts.sales == "3001")
    #expect(book.state.products["PKG"]?.components.map(\.product) == ["TJ", "LIV"])
  }

  @Test func theReminderPlanTravelsWithTheImport() throws {
    let directory = TemporaryDirectory()
    let book = try emptyBook(directory)
    _ = try importing(
      """
      {"customers":[{"number":"K1","name":"Kund AB","reminderPlan":{"firstAfterDays":12,"collection":"automatic"}}],
       "invoices":[{"externalId":"x1","customer":"K1","invoiceDate":"2025-03-10","dueDate":"2025-04-09",
         "reminderDate":"2025-04-15","lines":[{"description":"Arbete","unitPrice":"100.00","vatRate":25}]}]}
      """, into: book)
    #expect(book.state.customers["K1"]?.reminderPlan?.firstAfterDays == 12)
    #expect(book.state.customers["K1"]?.reminderPlan?.collection == .automatic)
    #expect(book.state.allInvoices.first?.invoice.reminderDate == d("2025-04-15"))
  }

  @Test func theDocumentedExampleImports() throws {
    let markdown = try String(contentsOfFile: packageRoot + "/docs/import.md", encoding: .utf8)
    let start = try #require(markdown.range(of: "```json\n"))
    let end = try #require(markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex))
    let directory = TemporaryDirectory()
    let book = try emptyBook(directory)
    let summary = try importing(String(markdown[start.upperBound..<end.lowerBound]), into: book)
    #expect(summary.invoices > 0 && summary.actions > 0)
  }

  /// One bad row per case: the error names its JSON path, and the book is unchanged.
  @Test(arguments: [
    (#"{"customers":[{"number":"K1"}]}"#, "$.customers[0].name"),
    (
      #"{"invoices":[{"customer":"K9","invoiceDate":"2025-03-10","lines":[{"product":"TJ"}]}]}"#,
      "$.invoices[0]"
    ),
    (
      #"{"invoices":[{"customer":"K1","invoiceDate":"2025-02-30","lines":[{"product":"TJ"}]}]}"#,
      "$.invoices[0].invoiceDate"
    ),
    (
      #"{"invoices":[{"customer":"K1","invoiceDate":"2025-03-10","lines":[{"product":"TJ","quantity":"-1"}]}]}"#,
      "$.invoices[0]"
    ),
    (
      #"{"invoices":[{"customer":"K1","invoiceDate":"2025-03-10","lines":[{"description":"x","unitPrice":"1.00","vatRate":13}]}]}"#,
      "$.invoices[0].lines[0].vatRate"
    ),
    (
      #"{"invoices":[{"customer":"K1","invoiceDate":"2025-03-10","lines":[{"description":"x","unitPrice":"1.001","vatRate":25}]}]}"#,
      "$.invoices[0].lines[0].unitPrice"
    ),
    (
      #"{"products":[{"number":"X","name":"X","unitPrice":"1,00","vatRate":25}]}"#,
      "$.products[0].unitPrice"
    ),
    (
      #"{"actions":[{"action":"attest","invoice":"nope","date":"2025-03-10"}]}"#,
      "$.actions[0].invoice"
    ),
    (#"{"actions":[{"action":"pay","invoice":"d1","date":"2025-03-10"}]}"#, "$.actions[0].action"),
    (
      #"{"actions":[{"action":"payment","invoice":"d1","date":"2025-03-10","amount":"10.00"}]}"#,
      "$.actions[0]"
    ),
    (#"{"customer":[]}"#, "$.customer"),
    (
      #"{"customers":[{"number":"K2","name":"X","reminderPlan":{"collection":"weekly"}}]}"#,
      "$.customers[0].reminderPlan.collection"
    ),
    (
      #"{"customers":[{"number":"K2","name":"X","reminderPlan":{"firstAfterDays":400}}]}"#,
      "$.customers[0].reminderPlan.firstAfterDays"
    ),
    (
      #"{"invoices":[{"customer":"K1","invoiceDate":"2025-03-10","reminderDate":"2025-03-01","lines":[{"product":"TJ"}]}]}"#,
      "$.invoices[0]"
    ),
    (#"{"customers":[}"#, "$"),
  ])
  func badRowsNameTheirPath(document: String, path: String) throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    // Draft d1, not attested: a payment on it is refused by the book.
    _ = try book.transact { try $0.draft(f1001) }
    let journal = directory.file("book/journal.jsonl")
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    do {
      _ = try importing(document, into: book)
      Issue.record("imported \(document)")
    } catch let error as JSONPathError {
      #expect(error.path == path, "\(error)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
  }

  @Test func aLaterBadRowUndoesTheEarlierOnes() throws {
    let directory = TemporaryDirectory()
    let book = try emptyBook(directory)
    let document = #"{"customers":[{"number":"K1","name":"A"},{"number":"K1","name":"B"}]}"#
    #expect(throws: JSONPathError.self) { try importing(document, into: book) }
    #expect(book.state.customers.isEmpty)
    #expect(try Book.open(at: book.directory).state.customers.isEmpty)
  }
}
