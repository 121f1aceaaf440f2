import Basics
import Foundation
import Invoicing
import Ledger
import Reconcile
import SIE
import TestSupport
import Testing

/// The library examples of README.md, as they are written there (between the markers), run in a
/// temporary directory. When the API changes, this test and the README change together.
@Suite struct ReadmeExampleTests {
  @Test func theBookExampleRuns() throws {
    let directory = TemporaryDirectory()
    let folder = directory.path
    // README: book example
    let book = try Book.create(
      at: folder + "/exempel",
      settings: CreditorSettings(
        name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: .cash))
    try book.transact { tx in
      try tx.addCustomer(Customer(number: "K1", name: "Åkessons Åkeri AB"))
      try tx.addProduct(
        Product(number: "TJ", name: "Konsulttimme", unitPrice: Amount(kronor: 1000)))
      let id = try tx.draft(
        InvoiceInput(
          customer: "K1", invoiceDate: Day(iso: "2025-03-10")!,
          lines: [LineInput(product: "TJ", quantity: ExactDecimal(8))]))
      _ = try tx.attest(id, on: Day(iso: "2025-03-10")!)
      try tx.pay(id, amount: Amount(kronor: 10_000), on: Day(iso: "2025-04-05")!)
    }
    let pdf = InvoiceRenderer.invoice(book.state.invoice(named: "1001")!, in: book.state)

    // The vouchers, and an export of a period.
    let vouchers = try BookLedger(state: book.state).journal(through: Day(iso: "2025-12-31")!)
    let result = try Exporter.export(
      ExportRequest(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-06-30")!, profile: .fortnox),
      book: book, to: folder + "/2025H1.se", bundle: folder + "/2025H1.zip", today: book.today)
    // README: end
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
    #expect(vouchers.map(\.displayName) == ["I 1"])
    #expect(result.vouchers.count == 1)
    #expect(FileManager.default.fileExists(atPath: directory.file("2025H1.zip")))
  }

  @Test func theSIEExampleRuns() throws {
    let directory = TemporaryDirectory()
    let folder = directory.path
    let sample = FilePath.join(PackagePaths.corpus("sie"), "asteinarson__20140901-20150831.se")
    try FileManager.default.copyItem(atPath: sample, toPath: folder + "/bokslut.se")
    try FileManager.default.copyItem(atPath: sample, toPath: folder + "/in.se")
    var seen = 0
    // README: SIE example
    // Stream a file of any size, record by record; validate while streaming.
    let reader = try SIEReader(path: folder + "/bokslut.se")
    for record in reader {
      if case .voucher(let voucher) = record { print(voucher.displayName, voucher.imbalance) }
      seen += 1
    }
    let report = try SIEValidator.validate(
      path: folder + "/bokslut.se", options: .init(strict: true))

    // Read a whole document, change it, write canonical SIE 4 atomically.
    var (document, _) = try SIEDocument.read(path: folder + "/in.se")
    document.append(.account(Account(number: "3001", name: "Försäljning 25 %")))
    try SIEWriter(options: .init(checksum: true)).write(document, toPath: folder + "/out.se")

    // Vouchers made one at a time and the file handed out in pieces: neither the vouchers nor
    // the file are ever held whole.
    let stream = SIEVoucherStream(header: SIEDocument(records: [.flag(0), .sieType(4)]))
    let file = try AtomicFileWriter(path: folder + "/streamed.se")
    file.dropsWrittenPages = true  // written once: the page cache reuses its pages as it goes
    for voucher in document.vouchers {
      stream.write(voucher)
      if stream.pendingByteCount >= 1 << 20 { try stream.drain { try file.write($0) } }
    }
    // A voucher held in columns goes in from its parts, the text as UTF-8, with no record made.
    var text = "Utbetalning 17"
    text.withUTF8 {
      stream.beginVoucher(
        series: "B", number: 1, date: Day(iso: "2025-06-30")!, text: $0, registrationDate: nil)
    }
    stream.writeRow(account: "2440", objects: [], amount: Amount(kronor: 100), text: "")
    stream.writeRow(account: "1930", objects: [], amount: Amount(kronor: -100), text: "")
    stream.endVoucher()
    try file.write(try stream.finish().bytes)
    try file.commit()
    // README: end
    #expect(seen > 0)
    #expect(report.summary.vouchers > 0)
    #expect(FileManager.default.fileExists(atPath: directory.file("out.se")))
    let streamed = try SIEDocument.read(path: directory.file("streamed.se")).document
    #expect(Array(streamed.vouchers.dropLast()) == document.vouchers)
    #expect(streamed.vouchers.last?.displayName == "B 1")
    #expect(streamed.vouchers.last?.text == "Utbetalning 17")
  }

  @Test func thePaymentsExampleRuns() throws {
    let directory = TemporaryDirectory()
    let folder = directory.path
    let book = try Book.create(
      at: folder + "/book",
      settings: CreditorSettings(name: "Exempelbolaget AB", organizationNumber: "556677-8899"))
    var writer = BgMaxWriter(bankgiro: "9912346", created: "20250405060000000000")
    writer.add(.init(amount: Amount(kronor: 100), reference: "100164"), on: Day(iso: "2025-04-05")!)
    try AtomicFile.write(writer.bytes(), to: folder + "/bgmax.txt")
    // README: payments example
    let bytes = try FilePath.read(folder + "/bgmax.txt")
    let file = try PaymentFileReader.read(bytes)
    for payment in file.payments { print(payment.amount, payment.reference?.text ?? "-") }

    // Into a book: decided by the matching engine, recorded as one journal line.
    let plan = try PaymentImport.plan([.init(name: "bgmax.txt", bytes: bytes)], book: book.state)
    if let event = plan.event { try book.transact { try $0.record(event) } }
    print(plan.summary.matched, plan.summary.suggested, plan.summary.unhandled)
    // README: end
    #expect(book.state.allIncoming.count == 1)
  }

  /// Every line between the markers of this file appears in README.md, in order.
  @Test func theReadmeShowsTheseExamples() throws {
    let source = String(decoding: try FilePath.read(#filePath), as: UTF8.self)
    let readme = String(
      decoding: try FilePath.read(FilePath.join(PackagePaths.root, "README.md")), as: UTF8.self)
    let readmeLines = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    for marker in [
      "// README: book example", "// README: SIE example", "// README: payments example",
    ] {
      let start = try #require(source.range(of: marker)).upperBound
      let end = try #require(source.range(of: "// README: end", range: start..<source.endIndex))
      let lines = source[start..<end.lowerBound].split(separator: "\n")
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.contains("seen += 1") }
      var position = 0
      for line in lines {
        guard let found = readmeLines[position...].firstIndex(of: line) else {
          Issue.record("README.md lacks, in order: \(line)")
          break
        }
        position = found + 1
      }
    }
  }
}
