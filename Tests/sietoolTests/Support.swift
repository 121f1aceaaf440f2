import Basics
import Foundation
import Invoicing
import TestSupport

@testable import sietool

/// Runs `sietool` in-process and returns its exit status and output.
func sietool(_ arguments: String...) -> (status: Int32, output: String, error: String) {
  sietool(arguments)
}

func sietool(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
  let console = Console.capturing()
  let status = Sietool.main(arguments, console: console)
  return (status, console.output, console.errorOutput)
}

enum Corpus {
  static let packageRoot = PackagePaths.root

  static func path(_ name: String) -> String {
    FilePath.join(packageRoot, "../shared/corpus/sie/" + name)
  }
}

extension String {
  var json: JSONValue? { try? JSONValue(parsing: self) }
}

/// The code of `error: [code] …` on standard error.
func errorCode(_ result: (status: Int32, output: String, error: String)) -> String? {
  guard let open = result.error.firstIndex(of: "["), let close = result.error.firstIndex(of: "]")
  else { return nil }
  return String(result.error[result.error.index(after: open)..<close])
}

/// The bytes of a book's journal (to prove that a refused command changed nothing).
func journalBytes(_ book: String) -> Data? {
  FileManager.default.contents(atPath: book + "/journal.jsonl")
}

/// A book made with `init` (Exempelbolaget AB) and customer K1.
@discardableResult
func newBook(in directory: TemporaryDirectory) -> String {
  let book = directory.file("book")
  let created = sietool(
    "init", "--book", book, "--name", "Exempelbolaget AB", "--org-number", "556677-8899",
    "--bankgiro", "5050-1055")
  precondition(created.status == 0, created.error)
  let customer = sietool("customer", "add", "--book", book, "--number", "K1", "--name", "Kund AB")
  precondition(customer.status == 0, customer.error)
  return book
}

/// Drafts an invoice for K1 of `quantity` × 1 000.00 at 25 % on `date`, attested.
func attestedInvoice(_ book: String, date: String = "2025-03-10", quantity: String = "1") {
  let result = sietool(
    "invoice", "new", "--book", book, "--customer", "K1", "--date", date, "--line",
    "description=Arbete,quantity=\(quantity),price=1000.00,vat=25", "--attest")
  precondition(result.status == 0, result.error)
}
