import Basics
import Foundation
import Invoicing
import Ledger
import SIE
import Zip

/// The book, PDF, export and bundle benchmarks (see BENCHMARKS.md).
enum BookBenchmarks {
  static func temporaryDirectory(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "sietool-bench-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static let clock: @Sendable () -> String = { "2026-01-15T10:00:00Z" }

  /// Registers: 200 customers, four products and a package.
  static func registers(_ tx: inout BookTransaction) throws {
    for number in 1...200 {
      try tx.addCustomer(Customer(number: "K\(number)", name: "Kund \(number) AB"))
    }
    try tx.addCostCentre(DimensionEntry(code: "100", name: "Stockholm"))
    try tx.addProject(DimensionEntry(code: "P1", name: "Projekt"))
    try tx.addProduct(Product(number: "TJ", name: "Konsulttimme", unitPrice: Amount(kronor: 950)))
    try tx.addProduct(
      Product(
        number: "LIV", name: "Livsmedel", unitPrice: Amount(kronor: 100), vatRate: .reduced,
        kind: .goods))
    try tx.addProduct(
      Product(
        number: "PKG", name: "Paket", unitPrice: Amount(kronor: 2000), kind: .package,
        components: [
          PackageComponent(product: "TJ", share: ExactDecimal(parsing: "0.7")!),
          PackageComponent(product: "LIV", share: ExactDecimal(parsing: "0.3")!),
        ]))
  }

  static func settings(_ method: BookkeepingMethod = .accrual) -> CreditorSettings {
    var settings = CreditorSettings(
      name: "Benchmark AB", organizationNumber: "556677-8899", method: method)
    settings.bankgiro = "5050-1055"
    return settings
  }

  /// Invoice `index` of a generated book: dated through 2025, one to three lines.
  static func input(_ index: Int) -> InvoiceInput {
    var lines = [
      LineInput(
        product: "TJ", quantity: ExactDecimal(1 + index % 8), costCentre: "100", project: "P1")
    ]
    if index % 3 == 0 { lines.append(LineInput(product: "LIV", quantity: ExactDecimal(2))) }
    if index % 7 == 0 { lines.append(LineInput(product: "PKG")) }
    return InvoiceInput(
      customer: "K\(1 + index % 200)",
      invoiceDate: Day(iso: "2025-01-01")!.adding(days: index % 300), lines: lines)
  }

  // MARK: Import, attest, replay

  static func importAndReplay(invoices: Int) throws {
    print("## Book: import + attest \(invoices) invoices, replay")
    let directory = try temporaryDirectory("import")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var json = "{\"invoices\":["
    for index in 0..<invoices {
      let input = input(index)
      if index > 0 { json += "," }
      json +=
        "{\"externalId\":\"x\(index)\",\"customer\":\"\(input.customer)\",\"invoiceDate\":\"\(input.invoiceDate.iso)\",\"lines\":["
      json += input.lines.map { "{\"product\":\"\($0.product!)\",\"quantity\":\"\($0.quantity)\"}" }
        .joined(separator: ",")
      json += "]}"
    }
    json += "],\"actions\":["
    for index in 0..<invoices {
      if index > 0 { json += "," }
      json +=
        "{\"action\":\"attest\",\"invoice\":\"x\(index)\",\"date\":\"\(input(index).invoiceDate.iso)\"}"
    }
    json += "]}"
    let bytes = Array(json.utf8)
    let book = try Book.create(at: directory + "/book", settings: settings(), clock: clock)
    try book.transact { try registers(&$0) }
    let importTime = try Measure.best(1) {
      try book.transact { _ = try BookImport.apply(bytes, to: &$0) }
    }
    let journalSize = Measure.fileSize(directory + "/book/journal.jsonl")
    print(
      "import + attest (JSON \(Measure.mebibytes(bytes.count)), one transaction):  \(String(format: "%.2f", importTime)) s"
        + "  (\(String(format: "%.0f", Double(invoices) / importTime)) invoices/s)")
    var events = 0
    let replay = try Measure.best {
      events = try Book.open(at: directory + "/book").state.eventCount
    }
    print(
      "replay (\(events) events, journal \(Measure.mebibytes(journalSize))):  \(String(format: "%.2f", replay)) s"
    )
  }

  /// A book of `invoices` invoices, each drafted, attested and paid, one journal line per event.
  static func makeBook(at path: String, invoices: Int, method: BookkeepingMethod = .accrual) throws
    -> Book
  {
    let book = try Book.create(at: path, settings: settings(method), clock: clock)
    try book.transact { try registers(&$0) }
    var start = 0
    while start < invoices {
      var tx = book.transaction()
      for index in start..<min(invoices, start + 20_000) {
        let input = input(index)
        let id = try tx.draft(input)
        _ = try tx.attest(id, on: input.invoiceDate)
        let total = tx.state.invoices[id]!.invoice.totals.total
        try tx.pay(id, amount: total, on: input.invoiceDate.adding(days: 20 + index % 30))
      }
      try book.append(tx.events)
      start += 20_000
    }
    return book
  }

  static func replayMillion(events: Int) throws {
    let invoices = events / 3
    print(
      "## Book: replay of \(invoices * 3 + 1) events (draft, attest, pay per invoice; one line each)"
    )
    let directory = try temporaryDirectory("replay")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = try makeBook(at: directory + "/book", invoices: invoices)
    let journal = directory + "/book/journal.jsonl"
    let size = Measure.fileSize(journal)
    var count = 0
    var replayed = [Book]()  // freed after the measurement, as the command line leaves it to exit
    let replay = try Measure.best {
      replayed.append(try Book.open(at: directory + "/book", checkpoint: .none))
      count = replayed.last!.state.eventCount
    }
    replayed = []
    let sha256sum = try Measure.program("/usr/bin/sha256sum", [journal])
    print(
      "replay from line 1: \(String(format: "%.2f", replay)) s for \(count) events, journal \(Measure.mebibytes(size))"
        + "  (\(String(format: "%.0f", Double(count) / replay)) events/s; \(String(format: "%.1f", replay / sha256sum))× sha256sum of the journal, \(String(format: "%.2f", sha256sum)) s; target < 3 s and ≤ 3×)"
    )
    // The first opening writes the checkpoint; then opening reads it and one payment follows.
    let first = try Measure.best(1) { _ = try Book.open(at: directory + "/book") }
    var kept = [Book]()  // freed after the measurement, as the command line leaves it to exit
    let opened = try Measure.best {
      let book = try Book.open(at: directory + "/book")
      kept.append(book)
    }
    let number = 1_000 + invoices / 2
    var pay = Double.infinity
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      let book = try Book.open(at: directory + "/book", forWriting: true)
      try book.transact { tx in
        let id = tx.state.invoice(named: String(number))!.invoice.id
        try tx.pay(id, amount: Amount(kronor: 1), on: Day(iso: "2025-12-01")!)
      }
      pay = min(pay, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      // Freed outside the measurement, as the command line leaves it to the system at exit;
      // freeing releases the lock for the next round.
      withExtendedLifetime(book) {}
    }
    print(
      "first opening (replay and write the checkpoint): \(String(format: "%.2f", first)) s\n"
        + "opening from the checkpoint: \(String(format: "%.3f", opened)) s\n"
        + "opening for writing from the checkpoint and one payment: \(String(format: "%.3f", pay)) s  (target < 0.3 s for the whole command)"
    )
  }

  // MARK: PDFs

  static func pdfs(count: Int) throws {
    print("## PDF: rendering \(count) invoices")
    var tx = BookTransaction(state: BookState(settings: settings()))
    try registers(&tx)
    var ids = [Int]()
    for index in 0..<count {
      let id = try tx.draft(input(index))
      _ = try tx.attest(id, on: input(index).invoiceDate)
      ids.append(id)
    }
    let state = tx.state
    var bytes = 0
    let time = Measure.best {
      bytes = 0
      for id in ids { bytes += InvoiceRenderer.invoice(state.invoices[id]!, in: state).count }
    }
    print(
      "render: \(String(format: "%.3f", time)) s, \(String(format: "%.0f", Double(count) / time)) invoices/s"
        + "  (\(bytes / count) bytes each; target ≥ 2 000/s)")
  }

  // MARK: Export and bundle

  static func export(invoices: Int) throws {
    print("## Ledger: export of \(invoices) invoices and their payments as SIE 4I")
    let directory = try temporaryDirectory("export")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // The making book is released (with its lock) before the export opens it again.
    let activities = try makeBook(at: directory + "/book", invoices: invoices).state.activities
      .count
    var book: Book!
    // From line 1 (the first opening, which also writes the checkpoint), then from the
    // checkpoint as every later command opens it.
    let first = try Measure.best(1) {
      _ = try Book.open(at: directory + "/book", forWriting: true, clock: clock)
    }
    let open = try Measure.best(1) {
      book = try Book.open(at: directory + "/book", forWriting: true, clock: clock)
    }
    var result: Exporter.Result!
    let export = try Measure.best(1) {
      result = try Exporter.export(
        ExportRequest(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!), book: book,
        to: directory + "/out.se", bundle: nil, today: Day(iso: "2026-01-15")!)
    }
    print(
      "first opening (replay from line 1, write the checkpoint):  \(String(format: "%.2f", first)) s\n"
        + "open the book from its checkpoint:  \(String(format: "%.2f", open)) s\n"
        + "export (post \(activities) activities, write \(Measure.mebibytes(result.fileSize)), validate strictly):  "
        + "\(String(format: "%.2f", export)) s, \(result.vouchers.count) vouchers\n"
        + "end to end from the checkpoint:  \(String(format: "%.2f", open + export)) s  (target < 5 s); from line 1:  \(String(format: "%.2f", first + export)) s"
    )
    let iconv = try Measure.program(
      "/usr/bin/iconv", ["-f", "CP437", "-t", "UTF-8", directory + "/out.se", "-o", "/dev/null"],
      runs: 1)
    print("  baseline: iconv on the written file \(String(format: "%.2f", iconv)) s")
  }

  static func bundle(invoices: Int) throws {
    print("## Ledger: bundle of \(invoices) invoice PDFs against zip -0")
    let directory = try temporaryDirectory("bundle")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var tx = BookTransaction(state: BookState(settings: settings()))
    try registers(&tx)
    var files = [String]()
    try FileManager.default.createDirectory(
      atPath: directory + "/pdf", withIntermediateDirectories: true)
    for index in 0..<invoices {
      let id = try tx.draft(input(index))
      _ = try tx.attest(id, on: input(index).invoiceDate)
      let name = "faktura-\(tx.state.invoices[id]!.invoice.displayName).pdf"
      try Data(InvoiceRenderer.invoice(tx.state.invoices[id]!, in: tx.state)).write(
        to: URL(fileURLWithPath: directory + "/pdf/" + name))
      files.append(name)
    }
    files.sort()
    let total = files.reduce(0) { $0 + Measure.fileSize(directory + "/pdf/" + $1) }
    let zip = try Measure.best {
      try? FileManager.default.removeItem(atPath: directory + "/zip.zip")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
      process.currentDirectoryURL = URL(fileURLWithPath: directory + "/pdf")
      process.arguments = ["-0", "-q", "-X", directory + "/zip.zip"] + files
      try process.run()
      process.waitUntilExit()
    }
    let ours = try Measure.best {
      var writer = ZipWriter(
        output: try ZipFileOutput(path: directory + "/ours.zip"), date: Day(iso: "2026-01-15")!)
      for name in files { try writer.add(name, try FilePath.read(directory + "/pdf/" + name)) }
      try writer.finish().commit()
    }
    print(
      "zip -0 (baseline):  \(String(format: "%.3f", zip)) s  \(Measure.megabytesPerSecond(total, zip))\n"
        + "ZipWriter (same files, read from disk):  \(String(format: "%.3f", ours)) s  \(Measure.megabytesPerSecond(total, ours))"
        + "  (\(String(format: "%.0f", zip / ours * 100)) % of zip -0's throughput; target ≥ 80 %)")
    let state = tx.state
    let rendered = try Measure.best(1) {
      // Every invoice behind one voucher, as in an export.
      let voucher = try Ledger.Voucher(
        series: "F", number: 1, date: Day(iso: "2025-01-01")!, text: "Benchmark",
        rows: [
          VoucherRow(account: "1510", amount: Amount(ore: 1)),
          VoucherRow(account: "3001", amount: Amount(ore: -1)),
        ])
      let documents = state.allInvoices.map { DocumentRef.invoice($0.invoice.id) }
      let entries = ExportBundle.entries(vouchers: [voucher], sources: [documents], state: state)
      let output = try ZipFileOutput(path: directory + "/bundle.zip")
      try ExportBundle.write(
        entries, state: state, documents: directory, date: Day(iso: "2026-01-15")!, to: output
      ).commit()
    }
    print(
      "whole bundle (render \(invoices) PDFs + manifest + ZIP):  \(String(format: "%.3f", rendered)) s"
    )
  }
}
