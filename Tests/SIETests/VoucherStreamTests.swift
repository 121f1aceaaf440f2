import Basics
import Testing

@testable import SIE

/// A file written voucher by voucher is the file the writer makes of the whole document.
@Suite struct VoucherStreamTests {
  /// `document` split into its records other than vouchers and its vouchers.
  static func split(_ document: SIEDocument) -> (header: SIEDocument, vouchers: [VoucherRecord]) {
    var header = [SIERecord]()
    var vouchers = [VoucherRecord]()
    for record in document.records {
      if case .voucher(let voucher) = record {
        vouchers.append(voucher)
      } else {
        header.append(record)
      }
    }
    return (SIEDocument(records: header), vouchers)
  }

  static func streamed(
    _ header: SIEDocument, _ vouchers: [VoucherRecord], options: SIEWriter.Options
  ) throws(SIEWriteError) -> SIEWriter.Output {
    let stream = SIEVoucherStream(header: header, options: options, estimatedBytes: 64)
    for voucher in vouchers { stream.write(voucher) }
    return try stream.finish()
  }

  /// Every corpus file that has vouchers, with and without `#KSUMMA`, transliterating.
  @Test(arguments: CorpusExpectation.all.map(\.file))
  func corpusFilesStreamAsTheyEncode(_ file: String) throws {
    let (document, _) = try SIEDocument.read(path: Corpus.path(file))
    let (header, vouchers) = Self.split(document)
    let whole = SIEDocument(records: header.records + vouchers.map { .voucher($0) })
    for checksum in [false, true] {
      let options = SIEWriter.Options(checksum: checksum, transliterate: true)
      let expected = try SIEWriter(options: options).encode(whole)
      let output = try Self.streamed(header, vouchers, options: options)
      #expect(output.bytes == expected.bytes, "\(file) checksum \(checksum)")
      #expect(output.checksum == expected.checksum)
      #expect(output.changes == expected.changes)
    }
  }

  /// Handed out in pieces of any size: the pieces and the rest make the same bytes, and the
  /// `#KSUMMA` runs over all of them.
  @Test(arguments: [0, 1, 100, 4096, 1 << 20])
  func drainedPiecesMakeTheSameFile(pieceSize: Int) throws {
    let (document, _) = try SIEDocument.read(
      path: Corpus.path("asteinarson__20140901-20150831.se"))
    let (header, vouchers) = Self.split(document)
    let options = SIEWriter.Options(checksum: true, transliterate: true)
    let expected = try Self.streamed(header, vouchers, options: options)
    let stream = SIEVoucherStream(header: header, options: options, estimatedBytes: 64)
    var bytes = [UInt8]()
    var pieces = 0
    for voucher in vouchers {
      stream.write(voucher)
      if stream.pendingByteCount >= pieceSize {
        stream.drain { bytes.append(contentsOf: $0) }
        #expect(stream.pendingByteCount == 0)
        pieces += 1
      }
    }
    let output = try stream.finish()
    bytes += output.bytes
    #expect(bytes == expected.bytes)
    #expect(output.checksum == expected.checksum)
    #expect(pieces > 0 || pieceSize > expected.bytes.count)
  }

  /// Written into the output's own array while the estimate holds, moved to a buffer of its
  /// own (once) when it does not: the same bytes either way.
  @Test(arguments: [1, 64, 4096, 1 << 20])
  func theEstimateChangesNothingButWhereTheBytesGo(estimatedBytes: Int) throws {
    let (document, _) = try SIEDocument.read(
      path: Corpus.path("asteinarson__20140901-20150831.se"))
    let (header, vouchers) = Self.split(document)
    let options = SIEWriter.Options(checksum: true, transliterate: true)
    let expected = try Self.streamed(header, vouchers, options: options)
    let output = try SIEVoucherStream.encode(
      header: header, options: options, estimatedBytes: estimatedBytes
    ) { stream in
      for voucher in vouchers { stream.write(voucher) }
    }
    #expect(output.bytes == expected.bytes)
    #expect(output.checksum == expected.checksum)
    #expect(output.bytes.count > 4096)
  }

  /// A document far larger than its estimate (one long text) is written whole.
  @Test func aDocumentLargerThanItsEstimate() throws {
    let long = String(repeating: "Lång text ", count: 20_000)
    let document = SIEDocument(records: [.flag(0), .prose(long), .sieType(4)])
    let output = try SIEWriter(options: .init(checksum: true)).encode(document)
    #expect(output.bytes.count > 200_000)
    #expect(SIEDocument.read(bytes: output.bytes).document.prose == long)
    #expect(SIEValidator.validate(bytes: output.bytes).checksum == .valid(output.checksum!))
  }

  @Test func aCharacterCodePage437LacksIsRefusedAsByTheWriter() throws {
    var voucher = VoucherRecord(series: "A", number: "1", date: Day(iso: "2025-03-01"))
    voucher.text = "Avgift 5 €"
    let header = SIEDocument(records: [.flag(0), .sieType(4)])
    let expected = #expect(throws: SIEWriteError.self) {
      try SIEWriter().encode(SIEDocument(records: header.records + [.voucher(voucher)]))
    }
    let refused = #expect(throws: SIEWriteError.self) {
      try Self.streamed(header, [voucher], options: .init())
    }
    let refusedInPlace = #expect(throws: SIEWriteError.self) {
      try SIEVoucherStream.encode(header: header) { $0.write(voucher) }
    }
    #expect(refusedInPlace?.problems == expected?.problems)
    #expect(refused?.codeName == "sie-not-writable")
    #expect(refused?.problems == expected?.problems)
    #expect(refused?.problems.count == 1)
  }

  @Test func aStreamDroppedUnfinishedFreesItsBuffer() {
    // Nothing to observe but that it neither crashes nor leaks under the address sanitizer.
    let stream = SIEVoucherStream(header: SIEDocument(records: [.flag(0)]))
    stream.write(VoucherRecord(series: "A", number: "1", date: Day(iso: "2025-03-01")))
  }

  /// The receiver's check made voucher by voucher, in the order the document's check lists.
  @Test(arguments: [
    (
      ReceiverProfile.generic,
      [
        "generic: voucher 7 does not balance",
        "generic: voucher 7 is dated 2024-02-01, outside fiscal year 0",
        "generic: #ORGNR \"5563343689\" is not written NNNNNN-NNNN",
        "generic: #FLAGGA 1 marks the file as already imported",
      ]
    ),
    (
      .fortnox,
      [
        "fortnox: voucher 7 does not balance",
        "fortnox: voucher 7 is dated 2024-02-01, outside fiscal year 0",
        "fortnox: #ORGNR \"5563343689\" is not written NNNNNN-NNNN",
        "fortnox: #FLAGGA 1 marks the file as already imported",
        "fortnox: voucher 7 text has 60 characters; Fortnox takes at most 50",
        "fortnox: row 1 of voucher 7 has a text of 60 characters; Fortnox takes at most 50",
        "fortnox: voucher 7 has no series; Fortnox puts it in series A",
      ]
    ),
    (
      .visma,
      [
        "visma: voucher 7 does not balance",
        "visma: voucher 7 is dated 2024-02-01, outside fiscal year 0",
        "visma: #ORGNR \"5563343689\" is not written NNNNNN-NNNN",
        "visma: #FLAGGA 1 marks the file as already imported",
        "visma: account 9000 is of class 9, which Visma cannot import",
        "visma: account 9100 is of class 9, which Visma cannot import",
      ]
    ),
    (
      .bokio,
      [
        "bokio: voucher 7 does not balance",
        "bokio: voucher 7 is dated 2024-02-01, outside fiscal year 0",
        "bokio: #ORGNR \"5563343689\" is not written NNNNNN-NNNN",
        "bokio: #FLAGGA 1 marks the file as already imported",
        "bokio: fiscal year 0 is longer than 18 months",
      ]
    ),
  ])
  func aCheckVoucherByVoucherListsTheFindingsInOrder(
    _ profile: ReceiverProfile, _ expected: [String]
  ) {
    var long = VoucherRecord(series: "", number: "7", date: Day(iso: "2024-02-01"))
    long.text = String(repeating: "x", count: 60)
    long.rows = [
      TransactionRow(account: "9100", objects: [], amount: Amount(ore: 100), text: long.text),
      TransactionRow(account: "1930", objects: [], amount: Amount(ore: -50)),
    ]
    let header = SIEDocument(records: [
      .flag(1), .organizationNumber(OrganizationNumberRecord("5563343689")),
      .fiscalYear(
        FiscalYear(index: 0, start: Day(iso: "2025-01-01")!, end: Day(iso: "2026-12-31")!)),
      .account(Account(number: "9000", name: "Nio")),
    ])
    var check = ReceiverProfile.Check(profile, header: header)
    check.add(long)
    #expect(check.findings.map(\.diagnostic.message) == expected)
    #expect(
      profile.check(SIEDocument(records: header.records + [.voucher(long)])) == check.findings)
  }
}
