import Basics
import Invoicing

/// `sietool import FILE.json`
struct ImportCommand: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "import",
    abstract: "Apply a JSON document of customers, products, invoices and actions as one unit.",
    discussion:
      "All or nothing: a bad row is named by its JSON path and nothing is written. Schema: docs/import.md."
  )

  @OptionGroup var bookOptions: BookOptions
  @Argument(help: "The JSON document.") var file: String
  @Flag(help: "Check only; write nothing.") var dryRun: Bool

  func run(_ console: Console) throws -> Int32 {
    let bytes = try FilePath.read(file)
    let book = try openBook(directory, forWriting: !dryRun, console: console)
    var transaction = book.transaction()
    let summary: BookImport.Summary
    do {
      summary = try ProgressLine.during("importing \(file)", console: console) {
        try BookImport.apply(bytes, to: &transaction)
      }
    } catch let error as JSONPathError {
      throw CommandFailure(
        .invalidImport, ErrorSubject.path(error.path).with(file: file),
        "\(file): \(error); nothing imported")
    }
    if !dryRun {
      try book.commit(transaction)
      try placeWaitingPayments(book, console: console)
    }
    console.print(
      (dryRun ? "would import" : "imported")
        + " \(summary.customers.counted("customer")), \(summary.products.counted("product")), "
        + "\(summary.costCentres.counted("cost centre")), \(summary.projects.counted("project")), \(summary.invoices.counted("invoice")), "
        + "\(summary.selfInvoices.counted("self-invoice")), \(summary.actions.counted("action"))")
    return 0
  }
}
