import Basics
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct RoundTripTests {
  /// The SIE files of the corpus (not the HTML pages and fragments).
  static let sieFiles = CorpusExpectation.all.filter { !$0.raises.contains(.notSIEFile) }.map(
    \.file)

  /// read → write → read gives the document again (as the writer completes it: #FLAGGA and
  /// #FORMAT PC8 present), and writing that again gives the same bytes. Files whose texts hold
  /// U+FFFD (letters destroyed before they reached the corpus) cannot be written in code
  /// page 437 and are refused with every place named.
  @Test(arguments: sieFiles)
  func readWriteRead(_ file: String) throws {
    let original = try SIEDocument.read(path: Corpus.path(file)).document
    let writer = SIEWriter()
    let first: SIEWriter.Output
    do {
      first = try writer.encode(original)
    } catch {
      #expect(!error.problems.isEmpty)
      #expect(
        error.problems.allSatisfy {
          $0.code == .unencodableCharacter && $0.message.contains("U+FFFD")
        })
      return
    }
    #expect(first.changes.isEmpty)
    let reread = SIEDocument.read(bytes: first.bytes).document
    #expect(reread == original.completedForWriting())
    let second = try writer.encode(reread)
    #expect(second.bytes == first.bytes)
  }

  /// Written files are code page 437 with CRLF on every line; iconv reads them as such.
  @Test(arguments: [
    "skatasweden__SIE4 Exempelfil.SE", "idstam__BL0001_typ4.SE",
    "asteinarson__20140901-20150831_utf8.se",
  ])
  func writtenFilesAreCodePage437WithCRLF(_ file: String) throws {
    let document = try SIEDocument.read(path: Corpus.path(file)).document
    let bytes = try SIEWriter().encode(document).bytes
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    #expect(lines.last?.isEmpty == true)
    #expect(lines.dropLast().allSatisfy { $0.last == 0x0D })
    let iconv = try run(
      "iconv", ["-f", "CP437", "-t", "UTF-8"], input: bytes, mergingErrors: false)
    let (status, utf8) = (iconv.status, iconv.bytes)
    #expect(status == 0)
    let text = String(decoding: utf8, as: UTF8.self)
    if let name = document.companyName { #expect(text.contains(name)) }
  }

  /// A written #KSUMMA verifies on reading, for a file with Swedish letters and escapes.
  @Test func writtenChecksumsVerify() throws {
    let document = try SIEDocument.read(
      path: Corpus.path("skatasweden__SkataSwedenAB20260330_170222.se")
    ).document
    let output = try SIEWriter(options: .init(checksum: true)).encode(document)
    let report = SIEValidator.validate(bytes: output.bytes)
    #expect(report.checksum == .valid(output.checksum!))
    #expect(SIEDocument.read(bytes: output.bytes).document == document.completedForWriting())
  }

  /// Random documents survive writing and reading: texts with quotes, backslashes inside,
  /// Swedish letters, empty fields before filled ones, object lists, odd series.
  @Test func randomDocumentsRoundTrip() throws {
    var random = SplitMix64(seed: 42)
    let alphabet = Array("abcÅÄÖåäöéÉü \"\\#{}-.0123456789xyz")
    func text(_ maximum: Int) -> String {
      let count = Int(random.next() % UInt64(maximum + 1))
      var result = String(
        (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
      while result.hasSuffix("\\") { result.removeLast() }
      return result
    }
    for _ in 0..<200 {
      var document = SIEDocument()
      document.append(.flag(0))
      document.append(.program(Program(name: text(12), version: "1.0")))
      document.append(.format("PC8"))
      document.append(
        .generated(Generation(date: Day(year: 2025, month: 1, day: 2)!, sign: text(5))))
      document.append(.sieType(4))
      document.append(.companyName(text(20)))
      document.append(.account(Account(number: "1510", name: text(20))))
      document.append(.object(DimensionObject(dimension: 1, code: "K" + text(4), name: text(10))))
      for index in 0..<Int(random.next() % 5) {
        let amount = Amount(ore: Int64(random.next() % 2_000_000) - 1_000_000)
        var voucher = VoucherRecord(
          series: ["A", "", "LEV1", "B 2"][Int(random.next() % 4)],
          number: index % 2 == 0 ? String(index + 1) : "",
          date: Day(year: 2025, month: 3, day: 10), text: text(30))
        voucher.registrationDate = random.next() % 2 == 0 ? nil : Day(year: 2025, month: 3, day: 11)
        voucher.rows = [
          TransactionRow(account: "1510", amount: amount, text: text(10)),
          TransactionRow(
            account: "3001", objects: [ObjectReference(dimension: 1, code: text(4))],
            amount: -amount,
            quantity: random.next() % 2 == 0 ? nil : ExactDecimal(parsing: "1.5"), sign: text(3)),
        ]
        document.append(.voucher(voucher))
      }
      let bytes = try SIEWriter(options: .init(checksum: random.next() % 2 == 0)).encode(document)
        .bytes
      let (reread, report) = SIEDocument.read(bytes: bytes)
      #expect(reread == document)
      #expect(report.checksum.summary != "invalid")
    }
  }
}

@Suite struct DiffOrderTests {
  @Test func vouchersAreComparedInTheirNumbersOrder() {
    let keys = ["A 10", "A 2", "B 1", "A 1", "A 2 #2", "A (2025-01-01)"]
    #expect(
      keys.sorted(by: SIEDocument.naturallyOrdered)
        == ["A 1", "A 2", "A 2 #2", "A 10", "A (2025-01-01)", "B 1"])
  }

  @Test func aDiffListsVouchersNumerically() {
    func file(_ numbers: [Int]) -> SIEDocument {
      var text = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#KONTO 1930 a\n#KONTO 3001 b\n"
      for number in numbers {
        text += "#VER A \(number) 20250105 \"v\"\n{\n#TRANS 1930 {} 1.00\n#TRANS 3001 {} -1.00\n}\n"
      }
      return SIEDocument.read(bytes: Array(text.utf8)).document
    }
    let differences = file([]).differences(to: file([1, 2, 10, 11]))
    #expect(differences.map(\.key) == ["A 1", "A 2", "A 10", "A 11"])
  }
}
