import Basics
import Invoicing
import Ledger
import SIE

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sietool demo [DIR]`: the main job on a built-in example.
struct DemoCommand: Command {
  static let configuration = CommandConfiguration(
    name: "demo",
    abstract:
      "Build a sample book, export its fourth quarter of 2025 as SIE 4 with the PDFs, and show the result.",
    discussion:
      "The book, the SIE file and the ZIP go to DIR (default: a new directory under /tmp). Nothing else is touched."
  )

  @Argument(name: "dir", help: "Where to put the sample book and the export.")
  var directory: String?

  func run(_ console: Console) throws -> Int32 {
    let root = try directory ?? Self.temporaryDirectory()
    let bookPath = FilePath.join(root, "book")
    if FilePath.exists(FilePath.join(bookPath, Book.settingsFile)) {
      throw BookError(
        .bookExists, .file(bookPath), "\(bookPath) holds a book already; give another directory")
    }
    try FilePath.makeDirectory(root)
    let book = try Book.create(at: bookPath, settings: DemoBook.settings)
    try book.transact { try DemoBook.fill(&$0) }
    console.print(
      "sietool demo: \(DemoBook.settings.name), cash method (kontantmetoden), fiscal year 2025")
    try DemoPayments.run(book, directory: root, console: console)
    let sie = FilePath.join(root, "export-2025-Q4.se")
    let zip = FilePath.join(root, "export-2025-Q4.zip")
    let request = ExportRequest(from: Day(iso: "2025-10-01")!, to: Day(iso: "2025-12-31")!)
    let result = try Exporter.export(request, book: book, to: sie, bundle: zip, today: today())
    let report = try SIEValidator.validate(
      path: sie, options: ValidationOptions(type: .type4I, strict: true))
    let state = book.state
    let invoices = state.allInvoices
    let notes = invoices.filter { if case .creditNote = $0.invoice.kind { true } else { false } }
    console.print(
      "  book      \(bookPath): \(state.customers.count.counted("customer")), \(state.products.count.counted("product")), "
        + "\((invoices.count - notes.count).counted("invoice")), \(notes.count.counted("credit note")), \(state.selfInvoices.count.counted("self-invoice"))"
    )
    for line in ExportCommand.summary(result, output: sie, bundle: zip) {
      console.print("  " + line)
    }
    console.print(
      "  validate  \(report.isValid ? "passes" : "FAILS") strict SIE 4I validation"
        + " (\(report.summary.vouchers.counted("voucher")), \(report.summary.transactions.counted("row")))"
    )
    let receivables = result.vouchers.filter { $0.series == state.settings.yearEndSeries }
      .flatMap(\.rows).filter { $0.account == state.settings.accounts.receivables }
    if !receivables.isEmpty {
      let total = receivables.reduce(Amount.zero) { $0 + $1.amount }
      console.print(
        "  year end  \(receivables.count.counted("invoice")) unpaid on 2025-12-31 booked on 1510: \(total.swedishFormatted) kr"
      )
    }
    console.print("")
    console.print("Look closer:")
    console.print("  sietool ledger journal --book \(bookPath) --to 2025-12-31")
    console.print("  sietool invoice list --book \(bookPath)")
    console.print("  sietool payments list --state all --book \(bookPath)")
    console.print("  sietool report receivables --book \(bookPath) --as-of 2025-12-31")
    console.print("  sietool validate --strict \(sie)")
    console.print("  unzip -l \(zip)")
    return report.isValid ? 0 : 1
  }

  /// A new directory under /tmp.
  static func temporaryDirectory() throws -> String {
    var template = Array("/tmp/sietool-demo-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw CommandFailure(
        .cannotCreateDirectory, .file("/tmp"),
        "cannot create a directory under /tmp: \(String(cString: strerror(errno)))")
    }
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
