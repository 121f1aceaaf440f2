import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing

@testable import Ledger

/// A book on disk in a temporary directory, removed at the end of the test.
final class TemporaryBook {
  let directory: String
  private(set) var book: Book!

  init(
    method: BookkeepingMethod = .accrual, tolerance: Amount = .zero,
    _ body: (inout BookTransaction) throws -> Void = { _ in }
  ) throws {
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "sietool-ledger-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let template = try exampleState(method: method, tolerance: tolerance)
    book = try Book.create(
      at: directory + "/book", settings: template.state.settings, clock: { "2026-01-15T10:00:00Z" })
    try book.append(template.events)
    try book.transact(body)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func file(_ name: String) -> String { directory + "/" + name }

  /// Exports, returning the result and the SIE file's bytes.
  @discardableResult
  func export(
    _ from: String, _ to: String, type: SIEFileType = .type4I, profile: ReceiverProfile = .generic,
    summarize: Summarization = .event, name: String = "out.se", bundle: String? = nil,
    keepingVouchers: Bool = true
  ) throws -> (result: Exporter.Result, bytes: [UInt8]) {
    let result = try Exporter.export(
      ExportRequest(
        from: d(from), to: d(to), type: type, profile: profile, summarization: summarize),
      book: book,
      to: file(name), bundle: bundle.map(file), today: d("2026-01-15"),
      keepingVouchers: keepingVouchers)
    return (result, Array(try Data(contentsOf: URL(fileURLWithPath: file(name)))))
  }

  /// Closes the book, releasing the writer's lock, as a process that ends would.
  func close() { book = nil }

  /// Closes the book and opens it again, as another process would.
  func reopen() throws -> Book {
    book = nil
    book = try Book.open(
      at: directory + "/book", forWriting: true, clock: { "2026-01-16T10:00:00Z" })
    return book
  }
}

@Suite struct ExportTests {
  /// F1001 in March, paid in part in April; a second invoice in April.
  static func quarter(_ tx: inout BookTransaction) throws {
    try tx.issue(f1001)
    try tx.pay(1, amount: sek("3000.00"), on: d("2025-04-05"))
    try tx.issue(
      InvoiceInput(
        customer: "K1", invoiceDate: d("2025-04-10"),
        lines: [LineInput(product: "P100", costCentre: "100")]))
  }

  /// An export asked not to keep its vouchers writes and records the same, and still counts
  /// and numbers them; so does its repeat.
  @Test func anExportWithoutItsVouchersCountsThem() throws {
    let kept = try TemporaryBook(Self.quarter)
    let (keptResult, keptBytes) = try kept.export("2025-01-01", "2025-06-30")
    let book = try TemporaryBook(Self.quarter)
    for _ in 0..<2 {
      let (result, bytes) = try book.export("2025-01-01", "2025-06-30", keepingVouchers: false)
      #expect(bytes == keptBytes)
      #expect(result.vouchers.isEmpty)
      #expect(result.voucherCount == keptResult.voucherCount)
      #expect(result.numbers == keptResult.numbers)
      #expect(result.record.jsonValue == keptResult.record.jsonValue)
    }
    #expect(
      try BookLedger(state: book.book.state).records.map(\.jsonValue) == [
        keptResult.record.jsonValue
      ])
  }

  @Test func theFilePassesStrictValidationAndReadsBackAsTheVouchers() throws {
    let book = try TemporaryBook(Self.quarter)
    let (result, bytes) = try book.export("2025-01-01", "2025-06-30")
    let report = SIEValidator.validate(
      bytes: bytes, options: ValidationOptions(type: .type4I, strict: true))
    #expect(report.isValid, "\(report.diagnostics.map(\.message))")
    let (document, _) = SIEDocument.read(bytes: bytes)
    #expect(document.vouchers.count == result.vouchers.count)
    for (read, voucher) in zip(document.vouchers, result.vouchers) {
      #expect(
        read.series == voucher.series && read.numericNumber == voucher.number
          && read.date == voucher.date)
      #expect(read.rows.map(\.amount) == voucher.rows.map(\.amount))
      #expect(read.rows.map(\.account) == voucher.rows.map(\.account))
    }
    #expect(result.vouchers.map(\.displayName) == ["F 1", "I 1", "F 2"])
    #expect(result.voucherCount == 3)
    #expect(result.numbers == ["F": 1...2, "I": 1...1])
    // iconv agrees the file is code page 437.
    let text = try run("iconv", ["-f", "CP437", "-t", "UTF-8", book.file("out.se")]).output
    #expect(text.contains("#KONTO 1510 \"Kundfordringar\""))
    #expect(text.contains("#TRANS 3001 {1 \"100\" 6 \"P1\"} -8000.00"))
    #expect(text.contains("#OBJEKT 1 \"200\" \"Butik\""))
  }

  /// A file that would fail strict validation is refused as it is written (checked on the
  /// way, not read back), for receivers checked from the voucher columns and from records.
  @Test(arguments: [ReceiverProfile.generic, .visma])
  func aFileFailingValidationIsRefused(profile: ReceiverProfile) throws {
    let book = try TemporaryBook(Self.quarter)
    let request = ExportRequest(from: d("2025-01-01"), to: d("2025-06-30"), profile: profile)
    var plan = try BookLedger(state: book.book.state).plan(request, today: d("2025-07-01"))
    // A voucher outside the fiscal year, which no export makes.
    plan.fileVouchers.append(
      try Voucher(
        series: "F", number: 99, date: d("2030-01-01"), text: "Utanför året",
        rows: [
          VoucherRow(account: "1510", amount: sek("1.00")),
          VoucherRow(account: "3001", amount: sek("-1.00")),
        ]))
    let writer = try AtomicFileWriter(path: book.file("refused.se"))
    defer { writer.discard() }
    let refused = #expect(throws: LedgerError.self) {
      try SIEExport.write(plan, state: book.book.state, to: [writer])
    }
    #expect(refused?.code == .exportInvalid)
    #expect(refused?.message.contains("F 99") == true, "\(refused?.message ?? "")")
  }

  @Test(arguments: ReceiverProfile.allCases)
  func everyProfileAcceptsTheFile(profile: ReceiverProfile) throws {
    let book = try TemporaryBook(Self.quarter)
    let (_, bytes) = try book.export("2025-01-01", "2025-06-30", profile: profile)
    let (document, _) = SIEDocument.read(bytes: bytes)
    #expect(profile.check(document).filter { $0.diagnostic.severity == .error }.isEmpty)
  }

  @Test func exportingAgainGivesTheSameBytesAcrossProcesses() throws {
    let book = try TemporaryBook(Self.quarter)
    let first = try book.export("2025-01-01", "2025-03-31", name: "a.se", bundle: "a.zip")
    // A later change to the product's account and a new book object (another process).
    try book.book.transact { tx in
      var product = tx.state.products["TJ"]!
      product.accounts.sales = "3011"
      try tx.updateProduct(product)
    }
    let reopened = try book.reopen()
    let again = try Exporter.export(
      ExportRequest(from: d("2025-01-01"), to: d("2025-03-31")), book: reopened,
      to: book.file("b.se"),
      bundle: book.file("b.zip"), today: d("2026-02-01"))
    #expect(again.isRepeat)
    #expect(try Data(contentsOf: URL(fileURLWithPath: book.file("b.se"))) == Data(first.bytes))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: book.file("b.zip")))
        == Data(contentsOf: URL(fileURLWithPath: book.file("a.zip"))))
    // Only one export is recorded.
    #expect(try ExportRecord.all(in: reopened.state).count == 1)
  }

  @Test func mappingChangesMoveOnlyWhatIsNotExported() throws {
    let book = try TemporaryBook { try $0.issue(f1001) }
    // Changed before the first export: the sales go to the new account.
    try book.book.transact { tx in
      var product = tx.state.products["TJ"]!
      product.accounts.sales = "3011"
      try tx.updateProduct(product)
    }
    let march = try book.export("2025-03-01", "2025-03-31", name: "march.se")
    #expect(
      march.result.vouchers[0].rows.contains {
        $0.account == "3011" && $0.amount == sek("-8000.00")
      })
    // Changed after: March stays, a new invoice uses the newest account, and a credit note of
    // the March invoice mirrors the account its invoice was booked on.
    try book.book.transact { tx in
      var product = tx.state.products["TJ"]!
      product.accounts.sales = "3012"
      try tx.updateProduct(product)
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-04-02"), lines: [LineInput(product: "TJ")]))
      let note = try tx.draftCreditNote(
        for: 1, selection: .lines([(line: 1, quantity: ExactDecimal(1))]), on: d("2025-04-03"))
      _ = try tx.attest(note, on: d("2025-04-03"))
    }
    let april = try book.export("2025-04-01", "2025-04-30", name: "april.se")
    let rows = april.result.vouchers.flatMap(\.rows)
    #expect(rows.contains { $0.account == "3012" && $0.amount == sek("-1000.00") })
    #expect(rows.contains { $0.account == "3011" && $0.amount == sek("1000.00") })
    #expect(try book.export("2025-03-01", "2025-03-31", name: "again.se").bytes == march.bytes)
  }

  @Test func lateEventsGoIntoTheNextExportDatedOnItsFirstDay() throws {
    let book = try TemporaryBook { try $0.issue(f1001) }
    let march = try book.export("2025-03-01", "2025-03-31", name: "march.se")
    try book.book.transact { try $0.pay(1, amount: sek("11120.00"), on: d("2025-03-28")) }
    let april = try book.export("2025-04-01", "2025-04-30", name: "april.se")
    #expect(april.result.vouchers.map(\.displayName) == ["I 1"])
    #expect(april.result.vouchers[0].date == d("2025-04-01"))
    #expect(try book.export("2025-03-01", "2025-03-31", name: "again.se").bytes == march.bytes)
  }

  @Test func numbersRunOnPerSeriesAndRestartEachFiscalYear() throws {
    let book = try TemporaryBook { tx in
      try tx.issue(f1001)
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-05-10"), lines: [LineInput(product: "TJ")]))
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2026-02-10"), lines: [LineInput(product: "TJ")]))
      try tx.pay(3, amount: sek("1250.00"), on: d("2026-02-20"))
    }
    let first = try book.export("2025-01-01", "2025-03-31", name: "q1.se").result.vouchers.map(
      \.displayName)
    let second = try book.export("2025-04-01", "2025-12-31", name: "rest.se").result.vouchers.map(
      \.displayName)
    let next = try book.export("2026-01-01", "2026-03-31", name: "2026.se").result.vouchers.map(
      \.displayName)
    #expect(first == ["F 1"])
    #expect(second == ["F 2"])
    #expect(next == ["F 1", "I 1"])
  }

  @Test func periodsThatCannotBeExportedAreRefusedWithNothingWritten() throws {
    let book = try TemporaryBook { try $0.issue(f1001) }
    try book.export("2025-03-01", "2025-03-31", name: "march.se")
    let journal = try Data(contentsOf: URL(fileURLWithPath: book.directory + "/book/journal.jsonl"))
    let cases: [(String, String, SIEFileType, LedgerError.Code, Int?)] = [
      ("2025-03-15", "2025-04-15", .type4I, .periodOverlapsExport, 1),
      ("2025-12-01", "2026-01-31", .type4I, .periodCrossesFiscalYear, nil),
      ("2025-03-01", "2025-03-31", .type4E, .exportOptionsDiffer, 1),
      ("2025-04-30", "2025-04-01", .type4I, .invalidPeriod, nil),
    ]
    for (from, to, type, code, export) in cases {
      let refusal = #expect(throws: LedgerError.self) {
        try book.export(from, to, type: type, name: "refused.se")
      }
      #expect(refusal?.code == code, "\(from)–\(to)")
      #expect(refusal?.subject.export == export, "\(from)–\(to)")
      #expect(refusal?.subject.from == d(from), "\(from)–\(to)")
      #expect(!FileManager.default.fileExists(atPath: book.file("refused.se")))
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: book.directory + "/book/journal.jsonl")) == journal)
    // An event in a period never exported is not pulled into a later one.
    let other = try TemporaryBook { try $0.issue(f1001) }
    let refusal = #expect(throws: LedgerError.self) {
      try other.export("2025-04-01", "2025-04-30")
    }
    #expect(refusal?.code == .earlierPeriodNotExported)
    #expect(refusal?.subject.from == d("2025-03-10"))
  }

  @Test func fourEHoldsTheYearSoFarWithBalances() throws {
    let book = try TemporaryBook(Self.quarter)
    try book.export("2025-01-01", "2025-03-31", name: "q1.se")
    let (result, bytes) = try book.export("2025-04-01", "2025-06-30", type: .type4E, name: "q2.se")
    let report = SIEValidator.validate(
      bytes: bytes, options: ValidationOptions(type: .type4E, strict: true))
    #expect(report.isValid, "\(report.diagnostics.map(\.message))")
    let (document, _) = SIEDocument.read(bytes: bytes)
    #expect(document.vouchers.count == 3)
    #expect(result.vouchers.count == 2)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("#UB 0 1510 9318.00"))  // 11 120 − 3 000 + 1 198
    #expect(text.contains("#RES 0 3001 -8600.00"))
  }

  @Test func summarizingGivesOneVoucherPerSeriesAndDay() throws {
    let book = try TemporaryBook { tx in
      try tx.issue(f1001)
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-03-10"),
          lines: [LineInput(product: "TJ", costCentre: "100", project: "P1")]))
      try tx.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-03-11"), lines: [LineInput(product: "TJ")]))
    }
    let (result, bytes) = try book.export("2025-03-01", "2025-03-31", summarize: .day)
    #expect(result.vouchers.map(\.displayName) == ["F 1", "F 2"])
    #expect(
      result.vouchers[0].rows.contains { $0.account == "1510" && $0.amount == sek("12370.00") })
    #expect(
      result.vouchers[0].rows.contains {
        $0.account == "3001" && $0.amount == sek("-9000.00") && $0.costCentre == "100"
      })
    #expect(
      SIEValidator.validate(bytes: bytes, options: ValidationOptions(type: .type4I, strict: true))
        .isValid)
  }

  /// Under the cash method a credit note books nothing of its own: the payment it reduced
  /// carries it.
  @Test func aCashPaymentCarriesTheCreditNotesThatReducedIt() throws {
    let book = try TemporaryBook(method: .cash) { tx in
      _ = try tx.issue(f1001)
      let note = try tx.draftCreditNote(
        for: 1, selection: .lines([(1, ExactDecimal(1))]), on: d("2025-03-20"))
      _ = try tx.attest(note, on: d("2025-03-20"))
      let open = tx.state.invoices[1]!.open
      _ = try tx.pay(1, amount: open, on: d("2025-03-25"))
    }
    let (result, _) = try book.export("2025-03-01", "2025-03-31", bundle: "bundle.zip")
    let payment = try #require(result.entries.first { $0.kind == "kreditfaktura" })
    #expect(payment.vouchers == ["I 1"], "\(result.entries.map { ($0.file, $0.vouchers) })")
  }

  @Test func theBundleHoldsThePDFsBehindTheVouchers() throws {
    let book = try TemporaryBook { try $0.issue(f1001) }
    let pdf = Array("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
    let stored = try book.book.storeAttachment(
      pdf, fileName: "../../Följesedel.pdf", placement: .appendix)
    let cover = try book.book.storeAttachment(
      pdf + Array(" ".utf8), fileName: "Omslag.pdf", placement: .cover)
    try book.book.transact { tx in
      let id = try tx.draft(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-03-12"), dueDate: d("2025-03-22"),
          lines: [LineInput(product: "TJ")]))
      try tx.attach(stored, to: id)
      try tx.attach(cover, to: id)
      _ = try tx.attest(id, on: d("2025-03-12"))
      let note = try tx.draftCreditNote(for: 1, selection: .whole, on: d("2025-03-20"))
      _ = try tx.attest(note, on: d("2025-03-20"))
      try tx.remind(2, on: d("2025-03-30"), fee: sek("60.00"))
    }
    let (result, _) = try book.export("2025-03-01", "2025-03-31", bundle: "bundle.zip")
    #expect(
      result.entries.map(\.file) == [
        "faktura-1001.pdf", "faktura-1002.pdf", "paminnelse-1002-1.pdf", "kreditfaktura-1003.pdf",
      ])
    let unzip = try run("unzip", ["-t", book.file("bundle.zip")])
    #expect(unzip.status == 0, "\(unzip.output)")
    let listing = try run(
      "python3",
      [
        "-c",
        "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist())); print(z.read('manifest.csv').decode())",
        book.file("bundle.zip"),
      ])
    #expect(listing.status == 0, "\(listing.output)")
    #expect(listing.output.contains("bilagor/1002/"))
    #expect(listing.output.contains("Följesedel.pdf"))
    #expect(!listing.output.contains(".."))
    // The manifest names, voucher by voucher, the files behind it.
    for row in [
      "voucher,file,role,document", "F 1,faktura-1001.pdf,faktura,1001",
      "F 2,faktura-1002.pdf,faktura,1002", "F 2,bilagor/1002/a8ea9f63-Följesedel.pdf,appendix,1002",
      "cover sheet,1002",
      "F 3,kreditfaktura-1003.pdf,kreditfaktura,1003", "F 4,faktura-1002.pdf,faktura,1002",
      "F 4,paminnelse-1002-1.pdf,paminnelse,1002-1",
    ] {
      #expect(listing.output.contains(row), "\(row)\n\(listing.output)")
    }
    let reminder = try run(
      "unzip", ["-o", "-d", book.file("x"), book.file("bundle.zip"), "paminnelse-1002-1.pdf"])
    #expect(reminder.status == 0)
    #expect(
      try run("pdftotext", [book.file("x/paminnelse-1002-1.pdf"), "-"]).output.contains(
        "Påminnelse"))
    // The invoice inside is the invoice.
    let extracted = try run(
      "unzip", ["-o", "-d", book.file("x"), book.file("bundle.zip"), "faktura-1001.pdf"])
    #expect(extracted.status == 0)
    let text = try run("pdftotext", [book.file("x/faktura-1001.pdf"), "-"])
    #expect(text.output.contains("11 120,00"))
  }
}
