import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct WriterTests {
  /// The posting notes' example voucher (F1001 under the accrual method) in a 4I file.
  static var invoiceDocument: SIEDocument {
    var document = SIEDocument()
    document.append(.flag(0))
    document.append(.program(Program(name: "sietool", version: "1.0")))
    document.append(.format("PC8"))
    document.append(.generated(Generation(date: Day(year: 2025, month: 4, day: 15)!)))
    document.append(.sieType(4))
    document.append(.organizationNumber(OrganizationNumberRecord("556334-3689")))
    document.append(.companyName("Exempelbolaget AB"))
    document.append(
      .fiscalYear(
        FiscalYear(
          index: 0, start: Day(year: 2025, month: 1, day: 1)!,
          end: Day(year: 2025, month: 12, day: 31)!)))
    document.append(.chartType("EUBAS97"))
    for (number, name) in [
      ("1510", "Kundfordringar"), ("2611", "Utgående moms 25 %"), ("2621", "Utgående moms 12 %"),
      ("3001", "Försäljning 25 %"), ("3002", "Försäljning 12 %"),
    ] {
      document.append(.account(Account(number: AccountNumber(number), name: name)))
    }
    document.append(.dimension(Dimension(number: 1, name: "Kostnadsställe")))
    document.append(.object(DimensionObject(dimension: 1, code: "100", name: "Försäljning")))
    document.append(.object(DimensionObject(dimension: 1, code: "200", name: "Butik")))
    document.append(.object(DimensionObject(dimension: 6, code: "P1", name: "Bygget")))
    let d1 = [
      ObjectReference(dimension: 1, code: "100"), ObjectReference(dimension: 6, code: "P1"),
    ]
    document.append(
      .voucher(
        VoucherRecord(
          series: "F", number: "1", date: Day(year: 2025, month: 3, day: 10),
          text: "Faktura F1001 K1",
          registrationDate: Day(year: 2025, month: 3, day: 10),
          rows: [
            TransactionRow(account: "1510", amount: Amount(ore: 1_112_000)),
            TransactionRow(account: "3001", objects: d1, amount: Amount(ore: -800_000)),
            TransactionRow(account: "2611", amount: Amount(ore: -200_000)),
            TransactionRow(
              account: "3002", objects: [ObjectReference(dimension: 1, code: "200")],
              amount: Amount(ore: -100_000)),
            TransactionRow(account: "2621", amount: Amount(ore: -12_000)),
          ])))
    return document
  }

  @Test func writesTheCanonicalForm() throws {
    let bytes = try SIEWriter().encode(Self.invoiceDocument).bytes
    let expected = """
      #FLAGGA 0
      #PROGRAM "sietool" 1.0
      #FORMAT PC8
      #GEN 20250415
      #SIETYP 4
      #ORGNR 556334-3689
      #FNAMN "Exempelbolaget AB"
      #RAR 0 20250101 20251231
      #KPTYP EUBAS97
      #KONTO 1510 "Kundfordringar"
      #KONTO 2611 "Utgående moms 25 %"
      #KONTO 2621 "Utgående moms 12 %"
      #KONTO 3001 "Försäljning 25 %"
      #KONTO 3002 "Försäljning 12 %"
      #DIM 1 "Kostnadsställe"
      #OBJEKT 1 "100" "Försäljning"
      #OBJEKT 1 "200" "Butik"
      #OBJEKT 6 "P1" "Bygget"
      #VER F 1 20250310 "Faktura F1001 K1" 20250310
      {
      #TRANS 1510 {} 11120.00
      #TRANS 3001 {1 "100" 6 "P1"} -8000.00
      #TRANS 2611 {} -2000.00
      #TRANS 3002 {1 "200"} -1000.00
      #TRANS 2621 {} -120.00
      }

      """.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(bytes == Self.cp437(expected))
  }

  @Test func writesEmptyFieldsBeforeFilledOnesAndDropsTrailingOnes() throws {
    let document = SIEDocument(records: [
      .flag(0),
      .voucher(
        VoucherRecord(
          date: Day(year: 2025, month: 12, day: 16), sign: "JD",
          rows: [
            TransactionRow(
              account: "1930", amount: Amount(ore: -220_000), quantity: ExactDecimal(0))
          ])),
    ])
    let text = String(decoding: try SIEWriter().encode(document).bytes, as: UTF8.self)
    #expect(text.contains("#VER \"\" \"\" 20251216 \"\" \"\" \"JD\"\r\n"))
    #expect(text.contains("#TRANS 1930 {} -2200.00 \"\" \"\" 0\r\n"))
  }

  @Test func quotesAndEscapes() throws {
    let document = SIEDocument(records: [
      .flag(0),
      .companyName("Örebro \"Bygg\" HB"),
      .account(Account(number: "1510", name: "C:\\temp\\")),
      .voucher(
        VoucherRecord(
          series: "LEV 1", number: "7", date: Day(year: 2025, month: 1, day: 1), text: "")),
    ])
    let output = try SIEWriter().encode(document)
    let text = TextEncoding.cp437.decode(output.bytes)
    #expect(text.contains("#FNAMN \"Örebro \\\"Bygg\\\" HB\""))
    #expect(text.contains("#KONTO 1510 \"C:\\temp/\""))  // a final backslash cannot be quoted
    #expect(output.changes.contains { $0.code == .textChanged })
    #expect(text.contains("#VER \"LEV 1\" 7 20250101"))
    #expect(SIEDocument.read(bytes: output.bytes).document.companyName == "Örebro \"Bygg\" HB")
  }

  /// Texts of every kind the writer quotes in one pass or hands to the encoder: written with and
  /// without the checksum, they read back as written (or as the encoder changed them), and the
  /// checksum, which sees texts unescaped, holds.
  @Test(arguments: [
    ("Faktura 1001", "Faktura 1001", false), ("Örebro Åsa ärende", "Örebro Åsa ärende", false),
    ("Säg \"hej\"", "Säg \"hej\"", false), ("\"", "\"", false), ("½ ░ ß £", "½ ░ ß £", false),
    ("a\tb", "a b", true), ("C:\\temp\\", "C:\\temp/", true), ("Avgift 5 €", "Avgift 5 EUR", true),
    ("ŠKODA", "SKODA", true), ("x\u{85}", "x?", true),
  ])
  func writesTextsInOnePassOrThroughTheEncoder(text: String, read: String, changed: Bool) throws {
    for checksum in [false, true] {
      let document = SIEDocument(records: [
        .flag(0), .companyName(text),
        .voucher(
          VoucherRecord(
            series: "A", number: "1", date: Day(year: 2025, month: 1, day: 2), text: text,
            rows: [
              TransactionRow(account: "1930", amount: Amount(ore: 100), text: text),
              TransactionRow(account: "3001", amount: Amount(ore: -100)),
            ])),
      ])
      let output = try SIEWriter(options: .init(checksum: checksum, transliterate: true)).encode(
        document)
      #expect(output.changes.isEmpty == !changed, "\(text)")
      let back = SIEDocument.read(bytes: output.bytes).document
      #expect(back.companyName == read)
      #expect(back.vouchers.first?.text == read)
      #expect(back.vouchers.first?.rows.first?.text == read)
      if checksum {
        let report = SIEValidator.validate(bytes: output.bytes)
        guard case .valid = report.checksum else {
          Issue.record("checksum \(report.checksum) for \(text)")
          continue
        }
      }
    }
  }

  @Test func refusesCharactersCodePage437LacksAndNamesTheirPlace() {
    var document = Self.invoiceDocument
    document.append(
      .voucher(
        VoucherRecord(
          series: "F", number: "2", date: Day(year: 2025, month: 3, day: 11), text: "Avgift 5 €")))
    #expect(throws: SIEWriteError.self) { try SIEWriter().encode(document) }
    do {
      _ = try SIEWriter().encode(document)
    } catch {
      #expect(error.problems.count == 1)
      #expect(error.problems[0].message.contains("#VER F 2 text"))
      #expect(error.problems[0].message.contains("U+20AC"))
    }
  }

  @Test func transliteratesWhenAskedAndReportsEachChange() throws {
    var document = Self.invoiceDocument
    document.append(
      .voucher(
        VoucherRecord(
          series: "F", number: "2", date: Day(year: 2025, month: 3, day: 11),
          text: "Avgift 5 € – ”snart”")))
    let output = try SIEWriter(options: .init(transliterate: true)).encode(document)
    #expect(TextEncoding.cp437.decode(output.bytes).contains("\"Avgift 5 EUR - \\\"snart\\\"\""))
    #expect(output.changes.count == 1)
  }

  @Test func replacesControlCharacters() throws {
    let document = SIEDocument(records: [.flag(0), .companyName("a\tb")])
    let output = try SIEWriter().encode(document)
    #expect(String(decoding: output.bytes, as: UTF8.self).contains("#FNAMN \"a b\""))
    #expect(output.changes.count == 1)
  }

  @Test func completesMissingFlagAndFormat() throws {
    let document = SIEDocument(records: [
      .program(Program(name: "p", version: "1")), .companyName("x"),
    ])
    let text = String(decoding: try SIEWriter().encode(document).bytes, as: UTF8.self)
    #expect(text.hasPrefix("#FLAGGA 0\r\n#PROGRAM \"p\" 1\r\n#FORMAT PC8\r\n#FNAMN \"x\"\r\n"))
  }

  @Test func writesRecordsInGroupOrder() throws {
    let document = SIEDocument(records: [
      .voucher(VoucherRecord(series: "A", number: "1", date: Day(year: 2025, month: 1, day: 1))),
      .account(Account(number: "1510", name: "a")),
      .unknown(UnknownRecord(label: "#MOMSKOD", fields: [.text("1"), .text("25")])),
      .flag(0),
    ])
    let text = String(decoding: try SIEWriter().encode(document).bytes, as: UTF8.self)
    let labels = text.split(separator: "\r\n").compactMap { $0.split(separator: " ").first }.map(
      String.init)
    #expect(labels == ["#FLAGGA", "#FORMAT", "#KONTO", "#MOMSKOD", "#VER", "{", "}"])
  }

  @Test func writesAtomically() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("FAKT.SI")
    try SIEWriter().write(Self.invoiceDocument, toPath: path)
    let report = try SIEValidator.validate(path: path, options: .init(type: .type4I, strict: true))
    #expect(report.isValid, "\(report.diagnostics)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["FAKT.SI"])
  }

  @Test func writingIsDeterministic() throws {
    let a = try SIEWriter(options: .init(checksum: true)).encode(Self.invoiceDocument)
    let b = try SIEWriter(options: .init(checksum: true)).encode(Self.invoiceDocument)
    #expect(a.bytes == b.bytes)
    #expect(SIEValidator.validate(bytes: a.bytes).checksum == .valid(a.checksum!))
  }

  static func cp437(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { CP437.byte(for: $0)! }
  }
}

@Suite struct ReceiverProfileTests {
  @Test func fortnoxShortensLongTexts() {
    var document = WriterTests.invoiceDocument
    document.append(
      .voucher(
        VoucherRecord(
          series: "F", number: "2", date: Day(year: 2025, month: 3, day: 11),
          text: String(repeating: "x", count: 71))))
    let findings = ReceiverProfile.fortnox.check(document)
    #expect(findings.contains { $0.isFixable && $0.diagnostic.message.contains("71 characters") })
    let (fixed, changes) = ReceiverProfile.fortnox.fix(document)
    #expect(changes.count == 1)
    #expect(fixed.vouchers.last?.text.count == 50)
    #expect(!ReceiverProfile.fortnox.check(fixed).contains { $0.diagnostic.severity == .error })
    #expect(!ReceiverProfile.generic.check(document).contains { $0.diagnostic.severity == .error })
  }

  @Test func vismaRefusesClassNine() {
    var document = WriterTests.invoiceDocument
    document.append(.account(Account(number: "9999", name: "Spärr")))
    let findings = ReceiverProfile.visma.check(document)
    #expect(findings.contains { !$0.isFixable && $0.diagnostic.message.contains("9999") })
  }

  @Test func everyProfileRefusesUnbalancedVouchersAndFixesTheOrganisationNumber() {
    var document = WriterTests.invoiceDocument
    document.records[5] = .organizationNumber(OrganizationNumberRecord("5563343689"))
    document.append(
      .voucher(
        VoucherRecord(
          series: "F", number: "2", date: Day(year: 2025, month: 3, day: 11),
          rows: [TransactionRow(account: "1510", amount: Amount(ore: 1))])))
    for profile in ReceiverProfile.allCases {
      let findings = profile.check(document)
      #expect(
        findings.contains {
          $0.diagnostic.severity == .error && $0.diagnostic.message.contains("F 2")
        })
      let fixed = profile.fix(document).document
      #expect(fixed.organizationNumber?.number == "556334-3689")
    }
  }

  @Test func bokioWantsOneShortFiscalYearAndNoReimport() {
    var document = WriterTests.invoiceDocument
    document.records[0] = .flag(1)
    document.records[7] = .fiscalYear(
      FiscalYear(
        index: 0, start: Day(year: 2025, month: 1, day: 1)!,
        end: Day(year: 2026, month: 12, day: 31)!))
    let findings = ReceiverProfile.bokio.check(document)
    #expect(findings.contains { $0.diagnostic.message.contains("18 months") })
    #expect(findings.contains { $0.isFixable && $0.diagnostic.message.contains("#FLAGGA 1") })
  }
}
