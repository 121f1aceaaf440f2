import Basics
import Reconcile
import TestSupport
import Testing

/// BgMax as real files deliver it, and as they go wrong (payments.md §1.5, §1.6, §6).
@Suite struct BgMaxReaderTests {
  static let expected = [
    "payment 12500.00 100164", "payment 300.00 faktura 1002", "payment 500.00 -",
    "deduction 100.00 89853",
  ]

  static func summary(_ file: PaymentFile) -> [String] {
    file.payments.map { "\($0.kind.rawValue) \($0.amount) \($0.reference?.text ?? "-")" }
  }

  @Test(arguments: [
    ("LF", BgMaxBuilder.LineEnds.lf, false, false), ("CRLF", .crlf, false, false),
    ("no line ends", .none, false, false), ("stripped padding", .lf, true, false),
    ("UTF-8", .crlf, false, true), ("UTF-8, stripped", .lf, true, true),
  ])
  func everyPhysicalFormReadsTheSame(
    _ name: String, _ ends: BgMaxBuilder.LineEnds, _ stripped: Bool, _ utf8: Bool
  ) throws {
    let bytes = BgMaxBuilder.sample().bytes(lineEnds: ends, stripped: stripped, utf8: utf8)
    let file = try PaymentFileReader.read(bytes)
    #expect(file.format == .bgmax, "\(name)")
    #expect(Self.summary(file) == Self.expected, "\(name)")
    #expect(file.payments[0].payer.name == "Åkessons Åkeri AB", "\(name)")
    #expect(file.payments[0].payer.organizationNumber == "5566778899", "\(name)")
    #expect(file.payments[0].reference?.quality == .structured)
    #expect(file.payments[1].reference?.quality == .freeText)
    #expect(file.payments[1].texts == ["Tack för senast"])
    #expect(file.payments[2].payer.bankgiro == nil)  // 0000000000
    #expect(file.deposits[0].amount == Amount(ore: 1_320_000))
    #expect(file.deposits[0].key == "BG9912346-2025-00001")
  }

  /// The file the README's walk-through imports.
  @Test func theREADMEsExampleFileReads() throws {
    let bytes = try FilePath.read(PackagePaths.root + "/docs/examples/bgmax-2025-04-20.txt")
    let file = try PaymentFileReader.read(bytes)
    #expect(file.format == .bgmax)
    #expect(file.payments.map(\.amount) == [Amount(ore: 756_250), Amount(ore: 500_000)])
    #expect(file.payments[0].reference?.text == "100164")
    #expect(file.payments[1].texts == ["Faktura 1002 delbetalning"])
    #expect(file.deposits.map(\.key) == ["BG50501055-2025-00001"])
  }

  @Test func aBOMARulerTrailingEmptyLinesAndTabsAreTolerated() throws {
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    bytes += Array("[---+----1----+----2\n".utf8)
    var text = String(
      decoding: BgMaxBuilder.sample().bytes(lineEnds: .lf, utf8: true), as: UTF8.self)
    // A TAB pair where the manual's positions are 13–24 of the first payment (fabhed style).
    text = text.replacingOccurrences(of: "200003783511            ", with: "200003783511\t\t")
    bytes += Array(text.utf8) + Array("\n\n\n".utf8)
    #expect(Self.summary(try PaymentFileReader.read(bytes)) == Self.expected)
  }

  @Test func unknownRecordTypesArePassedOverWithANote() throws {
    var builder = BgMaxBuilder.sample()
    builder.records.insert("24SOMETHING NEW", at: 3)
    builder.records.insert("30ANOTHER", at: 4)
    let file = try PaymentFileReader.read(builder.bytes())
    #expect(Self.summary(file) == Self.expected)
    #expect(
      file.notes.map(\.message) == [
        "record type 24 is not BgMax; passed over", "record type 30 is not BgMax; passed over",
      ])
  }

  @Test func aTestFileIsMarked() throws {
    var builder = BgMaxBuilder()
    builder.start(test: true)
    builder.open()
    builder.payment(100)
    builder.deposit()
    builder.end()
    #expect(try PaymentFileReader.read(builder.bytes()).isTest)
  }

  /// Each broken file is refused whole, with its code.
  @Test(arguments: [
    "wrong end counts", "deposit not the sum", "deposit count wrong", "no end record",
    "two start records", "unclosed section", "payment outside a section", "letters in an amount",
    "currency differs", "no start record",
  ])
  func brokenFilesAreRefusedWhole(_ name: String) {
    var builder = BgMaxBuilder()
    builder.start()
    builder.open()
    builder.payment(1000)
    builder.payment(2000, serial: 2)
    var code = ReconcileError.Code.bgmaxTotals
    switch name {
    case "wrong end counts":
      builder.deposit()
      builder.end(counts: [3, 0, 0, 1])
    case "deposit not the sum":
      builder.deposit(amount: 2999)
      builder.end()
    case "deposit count wrong":
      builder.deposit(count: 3)
      builder.end()
    case "no end record":
      builder.deposit()
      code = .bgmaxStructure
    case "two start records":
      builder.deposit()
      builder.start()
      builder.end()
      code = .bgmaxStructure
    case "unclosed section":
      builder.end()
      code = .bgmaxStructure
    case "payment outside a section":
      builder.deposit()
      builder.payment(5)
      builder.end()
      code = .bgmaxStructure
    case "letters in an amount":
      builder.records[2] = builder.records[2].replacingOccurrences(
        of: "000000000000001000", with: "0000000000000010X0")
      builder.deposit()
      builder.end()
      code = .invalidField
    case "currency differs":
      builder.deposit(currency: "EUR")
      builder.end()
    default:
      builder.records.removeFirst()
      builder.records.insert("01BGMAX", at: 1)
      builder.deposit()
      builder.end()
      code = .bgmaxStructure
    }
    let bytes = builder.bytes()
    let refusal = #expect(throws: ReconcileError.self, "\(name)") {
      try BgMaxReader.read(bytes)
    }
    #expect(refusal?.code == code, "\(name): \(refusal?.message ?? "")")
  }

  @Test func otherFilesAreRefusedByContent() {
    let cases: [(String, [UInt8], ReconcileError.Code)] = [
      ("empty", [], .emptyPaymentFile), ("blank", Array("  \n\n".utf8), .emptyPaymentFile),
      (
        "HTML", Array("<!doctype html><html><body>Logga in</body></html>".utf8),
        .unknownPaymentFormat
      ),
      ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .unknownPaymentFormat),
      (
        "other XML", Array("<?xml version=\"1.0\"?><Document><pain.001/></Document>".utf8),
        .unknownPaymentFormat
      ),
    ]
    for (name, bytes, code) in cases {
      let refusal = #expect(throws: ReconcileError.self, "\(name)") {
        try PaymentFileReader.read(bytes)
      }
      #expect(refusal?.code == code, "\(name)")
    }
  }
}
