import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct CorpusTests {
  @Test func everyCorpusFileIsPinned() {
    let pinned = Set(CorpusExpectation.all.map(\.file))
    let present = Set(Corpus.files)
    #expect(!present.isEmpty, "the corpus is missing at \(Corpus.directory)")
    #expect(present.subtracting(pinned).isEmpty, "corpus files without an expectation")
    #expect(pinned.subtracting(present).isEmpty, "expectations without a corpus file")
  }

  @Test(arguments: CorpusExpectation.all)
  func verdict(_ expected: CorpusExpectation) throws {
    let report = try SIEValidator.validate(path: Corpus.path(expected.file))
    #expect(report.isValid == expected.valid)
    #expect(report.type == expected.type)
    #expect(report.encoding == expected.encoding)
    #expect(report.summary.vouchers == expected.vouchers)
    #expect(report.checksum.summary == expected.checksum)
    let raised = Set(report.diagnostics.filter { $0.severity != .note }.map(\.code))
    #expect(raised == expected.raises)
  }

  /// Reading in chunks of 64 bytes (lines cut anywhere, the encoding settled late) gives the
  /// same records and findings as reading the whole file at once.
  @Test(arguments: CorpusExpectation.all.map(\.file))
  func chunkedReadingAgreesWithWholeReading(_ file: String) throws {
    let whole = try SIEReader(path: Corpus.path(file), options: .init(chunkSize: 1 << 24))
    let chunked = try SIEReader(path: Corpus.path(file), options: .init(chunkSize: 64))
    let wholeRecords = Array(whole)
    let chunkedRecords = Array(chunked)
    #expect(wholeRecords == chunkedRecords)
    if !wholeRecords.isEmpty { #expect(whole.encoding == chunked.encoding) }
    #expect(whole.checksum == chunked.checksum)
    #expect(whole.diagnostics.finished().map(\.code) == chunked.diagnostics.finished().map(\.code))
  }

  /// Converting to JSON while reading gives the records the document reader keeps (in file
  /// order rather than group order) and the same report.
  @Test(arguments: CorpusExpectation.all.map(\.file))
  func streamedJSONHoldsTheDocumentsRecords(_ file: String) throws {
    var bytes = [UInt8]()
    let report = try SIEJSONStream.convert(path: Corpus.path(file), label: file) {
      bytes.append(contentsOf: $0)
    }
    let (document, expected) = try SIEDocument.read(path: Corpus.path(file))
    let json = try JSONValue(parsing: bytes)
    #expect(json["file"] == .string(file))
    #expect(json["encoding"] == .string(expected.encoding.rawValue))
    let streamed = try #require(json["records"]?.arrayValue).map { $0.serialized() }
    #expect(streamed.sorted() == document.records.map { $0.jsonValue.serialized() }.sorted())
    #expect(report.diagnostics == expected.diagnostics)
  }

  /// The checksums the SIE notes list for corpus files.
  @Test(
    arguments: [
      ("idstam__Sie1.se", 909_685_525), ("idstam__Norstedts%20Bokslut%20SIE%201.se", 3_033_066_896),
      ("Alipsa__42_sie2.se", 2_512_856_369), ("Alipsa__43_sie3.se", 3_786_156_381),
      ("idstam__Bokslut%20Norstedts%20SIE%204E.se", 854_227_682),
      ("idstam__Norstedts%20Bokslut%20SIE%204I.si", 1_573_150_874),
      ("wilhelmuggla__Sie4I1ksumma.SI", 2_089_216_536),
    ] as [(String, UInt32)])
  func validChecksums(file: String, value: UInt32) throws {
    let report = try SIEValidator.validate(path: Corpus.path(file))
    #expect(report.checksum == .valid(value))
  }

  @Test(arguments: ["iCalcreator__Sie4I1ksumma.SI", "wilhelmuggla__Sie4E1ksumma.SI"])
  func placeholderChecksumsAreReported(file: String) throws {
    let report = try SIEValidator.validate(path: Corpus.path(file))
    guard case .invalid(let expected, _) = report.checksum else {
      Issue.record("checksum not reported invalid")
      return
    }
    #expect(expected == 123_456_789)
    #expect(report.diagnostics.contains { $0.code == .checksumMismatch })
  }

  /// The Fortnox export with 393 #RTRANS and 307 #BTRANS rows balances entirely when removed
  /// rows are left out and twins are paired by position; summing everything would leave 237
  /// vouchers out of balance.
  @Test func removedRowsAreNotBooked() throws {
    let (document, report) = try SIEDocument.read(
      path: Corpus.path("skatasweden__ByggnadsställningsentreprenadiStockholmAB20260330_170428.se"))
    #expect(report.isValid)
    let vouchers = document.vouchers
    #expect(vouchers.count == 4434)
    #expect(vouchers.allSatisfy { $0.imbalance == 0 })
    let summingRemoved = vouchers.filter { voucher in
      var sum = voucher.imbalance
      for row in voucher.rows where row.kind == .removed { sum += Int128(row.amount.ore) }
      return sum != 0
    }
    #expect(summingRemoved.count == 237)
    #expect(
      report.diagnostics.filter { $0.code == .removedRowsOnly }.map(\.location?.line) == [
        7260, 18638, 29555,
      ])
  }

  @Test func twinsArePairedByPositionEvenWhenTheyDiffer() throws {
    let (document, _) = try SIEDocument.read(path: Corpus.path("idstam__BL0001_typ4.SE"))
    let withAdded = document.vouchers.filter { $0.rows.contains { $0.kind == .added } }
    #expect(!withAdded.isEmpty)
    for voucher in withAdded {
      #expect(voucher.imbalance == 0)
      let added = voucher.rows.filter { $0.kind == .added }.count
      let normal = voucher.rows.filter { $0.kind == .normal }.count
      #expect(voucher.effectiveRows.count == normal)  // each twin replaced by its #RTRANS
      #expect(added > 0)
    }
  }

  @Test func lenientReadingKeepsWhatRealFilesMeant() throws {
    let xe = try SIEDocument.read(path: Corpus.path("idstam__XE_SIE_1_20151125094750.SE")).document
    #expect(xe.accountNames[AccountNumber("1288")] == "F\"rskott till Lind\" Park")

    let kassa = try SIEDocument.read(path: Corpus.path("blinfo__BLBLOV_SIE4.SI")).document
    #expect(kassa.companyName == "Övningsbolaget AB")
    #expect(kassa.vouchers.first?.series == "K")
    #expect(kassa.vouchers.first?.number == "")

    let mamut = try SIEDocument.read(path: Corpus.path("idstam__MAMUT_SIE1_EXPORT.SE")).document
    #expect(mamut.format == "PC8")

    let arousell = try SIEDocument.read(path: Corpus.path("blinfo__Arousells_Visning_AB.SE"))
      .document
    #expect(arousell.vouchers.contains { $0.number == "110000051" })

    let sample = try SIEDocument.read(path: Corpus.path("skatasweden__SIE4 Exempelfil.SE")).document
    let companyID = sample.records.compactMap {
      if case .companyID(let id, _) = $0 { id } else { nil }
    }
    #expect(companyID.first?.contains("\\") == true)
    #expect(companyID.first?.contains("÷") == true)  // a Latin-1 ö read as code page 437

    let alipsa = try SIEDocument.read(path: Corpus.path("Alipsa__43_sie3.se")).document
    #expect(
      alipsa.periodBalances.contains { $0.objects == [ObjectReference(dimension: 6, code: "VERK")] }
    )

    let specter = try SIEDocument.read(path: Corpus.path("idstam__SIE_exempelfil.se")).document
    #expect(specter.vouchers.flatMap(\.rows).contains { $0.amount == Amount(ore: -314_210) })
  }
}

@Suite struct FastPathTests {
  /// The fast path reads clean voucher lines exactly as the general path does: every corpus
  /// file gives the same report both ways.
  @Test(arguments: CorpusExpectation.all.map(\.file))
  func fastAndGeneralPathsAgree(_ file: String) {
    let bytes = Corpus.bytes(file)
    let fast = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: true)
    let general = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: false)
    #expect(fast.diagnostics == general.diagnostics)
    #expect(fast.errorCount == general.errorCount)
    #expect(fast.warningCount == general.warningCount)
    #expect(fast.summary.vouchers == general.summary.vouchers)
    #expect(fast.summary.transactions == general.summary.transactions)
    #expect(fast.checksum == general.checksum)
  }

  /// Read from a file, the lines parsed ahead on the reading thread (a share of them that moves
  /// from chunk to chunk) and cut into chunks anywhere: the same report as the general path
  /// reading the same chunks.
  @Test(arguments: CorpusExpectation.all.map(\.file))
  func linesParsedAheadAgree(_ file: String) throws {
    for chunkSize in [64, 301, 1 << 20] {
      let general = try SIEValidator.validate(
        path: Corpus.path(file), options: ValidationOptions(), chunkSize: chunkSize,
        parsingAhead: false, fastPath: false)
      let ahead = try SIEValidator.validate(
        path: Corpus.path(file), options: ValidationOptions(), chunkSize: chunkSize)
      Self.expectSameReport(ahead, general, "\(file) in chunks of \(chunkSize)")
    }
  }

  /// A file of many vouchers of every shape the fast path takes or leaves (objects, dates,
  /// texts, quantities, braces after rows, CR LF and LF), parsed ahead in chunks.
  @Test(arguments: [97, 4096])
  func aLargeGeneratedFileParsedAheadAgrees(chunkSize: Int) throws {
    var random = SplitMix64(seed: UInt64(chunkSize))
    var text = "#FLAGGA 0\r\n#PROGRAM p 1\r\n#SIETYP 4\r\n#FNAMN x\r\n#RAR 0 20250101 20251231\r\n"
    text += "#KONTO 1510 a\n#KONTO 3001 b\n#DIM 1 Kst\n#OBJEKT 1 \"100\" Butik\n"
    let rows = [
      "#TRANS 1510 {} %@", "#TRANS 1510 {1 \"100\"} %@ 20250102", "#TRANS 1510 {1 \"9\"} %@",
      "#TRANS 1510 {} %@ 20250103 \"rad\" 2,5", "#TRANS 1510 {} %@ \"\" \"a \\\"b\\\"\"",
      "#RTRANS 1510 {} %@\n#TRANS 1510 {} %@", "#BTRANS 1510 {} %@\n#TRANS 3001 {} 0.00",
      "#TRANS 1510 {6 \"P1\"} %@ 20251301", "#TRANS 9999999 {} %@",
    ]
    for number in 1...3_000 {
      let series = ["A", "B", "\"C D\""][Int(random.next() % 3)]
      text +=
        "#VER \(series) \(number) 20250\(1 + random.next() % 9)01 \"v\(number)\" 20250105\n{\n"
      let amount = "\(random.next() % 100_000).\(10 + random.next() % 90)"
      let row = rows[Int(random.next() % UInt64(rows.count))].replacingOccurrences(
        of: "%@", with: amount)
      text += row + (random.next() % 2 == 0 ? "\r\n" : "\n")
      text += "#TRANS 3001 {} -\(amount)" + (random.next() % 4 == 0 ? " }\n" : "\n}\n")
    }
    let bytes = Array(text.utf8)
    let directory = TemporaryDirectory()
    let path = directory.file("many.se")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let general = try SIEValidator.validate(
      path: path, options: ValidationOptions(), chunkSize: chunkSize, parsingAhead: false,
      fastPath: false)
    let ahead = try SIEValidator.validate(
      path: path, options: ValidationOptions(), chunkSize: chunkSize)
    Self.expectSameReport(ahead, general, "chunks of \(chunkSize)")
    #expect(general.summary.vouchers == 3_000)
    #expect(!general.diagnostics.isEmpty)
  }

  static func expectSameReport(
    _ a: ValidationReport, _ b: ValidationReport, _ comment: Comment,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(a.diagnostics == b.diagnostics, comment, sourceLocation: sourceLocation)
    #expect(a.errorCount == b.errorCount, comment, sourceLocation: sourceLocation)
    #expect(a.warningCount == b.warningCount, comment, sourceLocation: sourceLocation)
    #expect(a.summary.vouchers == b.summary.vouchers, comment, sourceLocation: sourceLocation)
    #expect(
      a.summary.transactions == b.summary.transactions, comment, sourceLocation: sourceLocation)
    #expect(a.summary.lines == b.summary.lines, comment, sourceLocation: sourceLocation)
    #expect(a.summary.bytes == b.summary.bytes, comment, sourceLocation: sourceLocation)
    #expect(a.checksum == b.checksum, comment, sourceLocation: sourceLocation)
    #expect(a.encoding == b.encoding, comment, sourceLocation: sourceLocation)
  }

  /// Found by fuzzing: a `#VER` cut off after a blank at the very end of the bytes made the
  /// fast path read one byte past them (AddressSanitizer saw it; the answer was right by luck).
  @Test(arguments: ["#VER ", "#VER A ", "#VER A 1 ", "#VER A 1 20250101 ", "#VER \"A\" "])
  func aVoucherCutOffAtTheEndOfTheBytes(_ tail: String) {
    let text = "#FLAGGA 0\n#SIETYP 4\n#KONTO 1510 a\n" + tail
    // An array of exactly the file's bytes: nothing after the last one.
    let bytes = Array(text.utf8)
    let fast = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: true)
    let general = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: false)
    #expect(fast.diagnostics == general.diagnostics)
    #expect(!fast.isValid)
  }

  /// Lines at the edge of what the fast path takes: escapes, control characters, odd lists,
  /// long amounts, missing fields, braces after content.
  @Test func edgeCasesAgree() {
    let header =
      "#FLAGGA 0\n#PROGRAM p 1\n#SIETYP 4\n#FNAMN x\n#RAR 0 20250101 20251231\n#KONTO 1510 a\n#KONTO 3001 b\n"
    let bodies = [
      "#TRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 {1 \"100\"} 1.00 20250102 \"a \\\"q\\\"\" 2 \"x\"\n#TRANS 3001 {1 100} -1.00",
      "#TRANS 1510 {} 1.001\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 {} 99999999999999999.00\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 {1} 1.00\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 1.00\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 {} 1.00 \"\" \"a\tb\"\n#TRANS 3001 {} -1.00 }",
      "#TRANS 01510 {} 1.00\n#TRANS 3001 {} -1.00",
      "#TRANS 1510 {} 1.00 20250230\n#TRANS 3001 {} -1.00",
      "#RTRANS 1510 {} 1.00\n#TRANS 1510 {} 1.00\n#BTRANS 3001 {} 5\n#TRANS 3001 {} -1",
      "#TRANS 1510 {6 \"Å\"} 1.00\n#TRANS 3001 {} -1.00 20250101 \"text\" 1,5",
      "#TRANS 1510 {} -.5\n#TRANS 3001 {} .5",
      // Dates: eight digits read eight at a time, and what is near them.
      "#TRANS 1510 {} 1.00 2025010a\n#TRANS 3001 {} -1.00 2025010",
      "#TRANS 1510 {} 1.00 202501011\n#TRANS 3001 {} -1.00 2025-01-01",
      "#TRANS 1510 {} 1.00 20250101}\n#TRANS 3001 {} -1.00 20250101\t\"x\"",
      "#TRANS 1510 {} 1.00 /0250101\n#TRANS 3001 {} -1.00 :0250101",
      "#TRANS 1510 {} 1.00 2025010\u{80}\n#TRANS 3001 {} -1.00 \"20250101\"",
    ]
    let vouchers = ["20250101 \"t\"", "2025010x \"t\"", "20250101\t\"t\" 20250102", "202501011"]
    for (index, body) in bodies.enumerated() {
      let head = vouchers[index % vouchers.count]
      let text = header + "#VER A \(index + 1) \(head)\n{\n" + body + "\n}\n"
      let bytes = Array(text.utf8)
      let fast = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: true)
      let general = SIEValidator.validate(
        bytes: bytes, options: ValidationOptions(), fastPath: false)
      #expect(fast.diagnostics == general.diagnostics, "case \(index)")
      #expect(fast.summary.transactions == general.summary.transactions, "case \(index)")
    }
  }
}
