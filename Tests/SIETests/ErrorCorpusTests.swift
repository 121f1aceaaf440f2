import Basics
import Invoicing
import TestSupport
import Testing

@testable import SIE

/// One input per diagnostic the reader and validator raise: each line below is the smallest
/// file that raises its code, and where.
@Suite struct ErrorCorpusTests {
  static let header = "#FLAGGA 0\n#PROGRAM p 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n#FNAMN x\n"
  static let chart = "#KONTO 1510 a\n#KONTO 3001 b\n"
  static let balanced = "{\n#TRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00\n}\n"

  struct Case: Sendable, CustomStringConvertible {
    var code: DiagnosticCode
    var text: String
    /// The line the finding is reported at; `nil` for findings about the whole file.
    var line: Int?
    var type: SIEFileType? = nil
    var description: String { code.rawValue }
  }

  static let cases: [Case] = [
    Case(code: .notSIEFile, text: "<html><body>404</body></html>\n", line: 1),
    Case(code: .encodingMismatch, text: "#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"Åkeri\"\n", line: 2),
    Case(code: .typeGuessed, text: header + chart + "#VER A 1 20250101\n" + balanced, line: nil),
    Case(code: .unterminatedQuote, text: header + "#PROSA \"open\n", line: 7),
    Case(code: .controlCharacter, text: header + "#PROSA \"a\tb\"\n", line: 7),
    Case(code: .unknownLabel, text: header + "#MOMSKOD 1 25\n", line: 7),
    Case(code: .strayLine, text: header + "hello\n", line: 7),
    Case(code: .unexpectedBrace, text: header + "}\n", line: 7),
    Case(
      code: .missingVoucherBlock,
      text: header + chart + "#VER A 1 20250101\n#TRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00\n",
      line: 9),
    Case(
      code: .unclosedVoucherBlock,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 {} 0.00\n", line: 9),
    Case(code: .rowOutsideVoucher, text: header + chart + "#TRANS 1510 {} 1.00\n", line: 9),
    Case(
      code: .recordInVoucher,
      text: header + chart + "#VER A 1 20250101\n{\n#KONTO 1930 c\n#TRANS 1510 {} 0.00\n}\n",
      line: 11),
    Case(code: .missingField, text: header + chart + "#VER A 1\n" + balanced, line: 9),
    Case(code: .invalidNumber, text: header + "#TAXAR tjugo\n", line: 7),
    Case(
      code: .invalidAmount, text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 {} 1,00\n}\n",
      line: 11),
    Case(
      code: .tooManyDecimals,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 {} 1.001\n}\n", line: 11),
    Case(
      code: .amountOverflow,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 {} 99999999999999999999\n}\n",
      line: 11),
    Case(code: .invalidDate, text: header + chart + "#VER A 1 20250230\n" + balanced, line: 9),
    Case(code: .invalidPeriod, text: header + chart + "#PSALDO 0 202513 3001 {} 1.00\n", line: 9),
    Case(code: .invalidAccount, text: header + "#KONTO ABC namn\n", line: 7),
    Case(
      code: .invalidObjectList,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 {1} 0.00\n}\n", line: 11),
    Case(
      code: .missingObjectList,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1510 0.00\n}\n", line: 11),
    Case(code: .unquotedText, text: header + "#PROSA Kontoplanstyp är BAS2011\n", line: 7),
    Case(
      code: .unescapedQuote, text: header + "#KONTO 1288 \"F\"rskott till Lind\" Park\"\n", line: 7),
    Case(code: .invalidValue, text: header + chart + "#KTYP 1510 X\n", line: 9),
    Case(code: .duplicateRecord, text: header + "#FNAMN y\n", line: 7),
    Case(
      code: .recordOrder,
      text: header + "#KONTO 1510 a\n#VER A 1 20250101\n{\n#TRANS 1510 {} 0.00\n}\n#KONTO 3001 b\n",
      line: 12),
    Case(code: .alreadyImported, text: "#FLAGGA 1\n#PROGRAM p 1\n", line: 1),
    Case(code: .organizationNumberForm, text: header + "#ORGNR 5563343689\n", line: 7),
    Case(code: .organizationNumberCheckDigit, text: header + "#ORGNR 556016-0681\n", line: 7),
    Case(
      code: .rtransTwin,
      text: header + chart
        + "#VER A 1 20250101\n{\n#RTRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00\n}\n", line: 11),
    Case(code: .checksumMismatch, text: "#FLAGGA 0\n#KSUMMA\n#PROGRAM p 1\n#KSUMMA 1\n", line: 4),
    Case(code: .checksumTruncated, text: "#FLAGGA 0\n#KSUMMA\n#PROGRAM p 1\n", line: 2),
    Case(
      code: .missingRecord,
      text: "#FLAGGA 0\n#PROGRAM p 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n", line: nil),
    Case(
      code: .forbiddenRecord, text: header + chart + "#IB 0 1510 1.00\n", line: 9, type: .type4I),
    Case(
      code: .unbalancedVoucher,
      text: header + chart + "#VER A 17 20250101\n{\n#TRANS 1510 {} 0.01\n}\n", line: 9),
    Case(code: .emptyVoucher, text: header + chart + "#VER A 1 20250101\n{\n}\n", line: 9),
    Case(
      code: .removedRowsOnly,
      text: header + chart + "#VER A 1 20250101\n{\n#BTRANS 1510 {} 1.00\n}\n", line: 9),
    Case(
      code: .dateOutsideFiscalYear,
      text: header + "#RAR 0 20240101 20241231\n" + chart + "#VER A 1 20250101\n" + balanced,
      line: 10),
    Case(
      code: .undeclaredAccount,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 1930 {} 0.00\n}\n", line: 11),
    Case(
      code: .undeclaredObject,
      text: header + chart + "#VER A 1 20250101\n{\n#TRANS 3001 {1 \"100\"} 0.00\n}\n", line: 11),
    Case(code: .undeclaredDimension, text: header + "#OBJEKT 25 \"1\" namn\n", line: 7),
    Case(
      code: .voucherOrder,
      text: header + chart + "#VER A 2 20250101\n" + balanced + "#VER A 1 20250101\n" + balanced,
      line: 14),
    Case(
      code: .duplicateVoucher,
      text: header + chart + "#VER A 1 20250101\n" + balanced + "#VER A 1 20250101\n" + balanced,
      line: 14),
    Case(
      code: .closingBalanceMismatch,
      text: header + "#RAR 0 20250101 20251231\n" + chart + "#UB 0 1510 5.00\n#VER A 1 20250101\n"
        + balanced,
      line: nil),
    Case(
      code: .resultMismatch,
      text: header + "#RAR 0 20250101 20251231\n" + chart + "#RES 0 3001 -5.00\n#VER A 1 20250101\n"
        + balanced,
      line: nil),
    Case(code: .invalidFiscalYear, text: header + "#RAR 0 20251231 20250101\n", line: 7),
  ]

  /// Codes no input bytes can raise (a failing disk) or that belong to the writer.
  static let notRaisedByInput: Set<DiagnosticCode> = [
    .readFailed, .lineTooLong, .unencodableCharacter, .textChanged, .receiverRejects,
  ]

  @Test func everyCodeHasAnInput() {
    let covered = Set(Self.cases.map(\.code)).union(Self.notRaisedByInput)
    #expect(Set(DiagnosticCode.allCases).subtracting(covered).isEmpty)
  }

  @Test(arguments: cases)
  func raises(_ entry: Case) {
    let report = SIEValidator.validate(
      bytes: Array(entry.text.utf8), options: ValidationOptions(type: entry.type))
    let found = report.diagnostics.filter { $0.code == entry.code }
    #expect(
      !found.isEmpty,
      "\(entry.code.rawValue) not raised; got \(report.diagnostics.map(\.code.rawValue))")
    #expect(found.first?.location?.line == entry.line)
  }

  /// The clean counterpart of the cases: header, chart and one balanced voucher raise nothing.
  @Test func aCleanFileRaisesNothing() {
    let report = SIEValidator.validate(
      bytes: Array((Self.header + Self.chart + "#VER A 1 20250101\n" + Self.balanced).utf8),
      options: ValidationOptions(type: .type4I))
    #expect(report.diagnostics.isEmpty)
  }

  @Test func theUnbalancedVoucherMessageNamesTheVoucherAndTheSum() {
    let report = SIEValidator.validate(
      bytes: Array(Self.cases.first { $0.code == .unbalancedVoucher }!.text.utf8))
    let diagnostic = report.diagnostics.first { $0.code == .unbalancedVoucher }!
    #expect(
      diagnostic.formatted(file: "file.se")
        == "file.se:9:1: error: [unbalanced-voucher] voucher A 17 does not balance: sum is 0.01")
  }

  @Test func anHTMLPageGetsOneErrorNotOneALine() {
    let page = (0..<1000).map { "<p>line \($0)</p>" }.joined(separator: "\n")
    let report = SIEValidator.validate(bytes: Array(page.utf8))
    #expect(report.diagnostics.map(\.code) == [.notSIEFile])
    #expect(report.errorCount == 1)
  }

  @Test func aLineLongerThanTheLimitIsSkippedAndReported() {
    var bytes = Array((Self.header + "#PROSA \"").utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: LineSource.maximumLineLength + 10)
    bytes += Array("\"\n#KONTO 1510 a\n".utf8)
    let (document, report) = SIEDocument.read(bytes: bytes)
    #expect(report.diagnostics.contains { $0.code == .lineTooLong && $0.location?.line == 7 })
    #expect(document.accounts.count == 1)
    #expect(document.prose == nil)
  }

  @Test func strictTurnsWarningsIntoErrors() {
    let text = Self.header + "#ORGNR 5563343689\n"
    #expect(SIEValidator.validate(bytes: Array(text.utf8)).isValid)
    let strict = SIEValidator.validate(
      bytes: Array(text.utf8), options: ValidationOptions(strict: true))
    #expect(!strict.isValid)
    #expect(strict.diagnostics.first { $0.code == .organizationNumberForm }?.severity == .error)
  }

  @Test func undeclaredIsAnErrorIn4EAndAWarningIn4I() {
    let text =
      Self.header
      + "#KONTO 1510 a\n#VER A 1 20250101\n{\n#TRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00\n}\n"
    let e = SIEValidator.validate(
      bytes: Array(text.utf8), options: ValidationOptions(type: .type4E))
    let i = SIEValidator.validate(
      bytes: Array(text.utf8), options: ValidationOptions(type: .type4I))
    #expect(e.diagnostics.first { $0.code == .undeclaredAccount }?.severity == .error)
    #expect(i.diagnostics.first { $0.code == .undeclaredAccount }?.severity == .warning)
  }
}
