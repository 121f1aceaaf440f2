import Basics
import Foundation
import Reconcile
import TestSupport
import Testing

/// Every file of `../shared/corpus/payments/` is read, and what is read is compared with its
/// golden file in `Golden/` (each payment: id, amount, references, texts, payer) — or the file
/// is refused with the code the table says.
@Suite struct CorpusReaderTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").path

  /// Files that are not payment files, and the code each is refused with.
  static let refused: [String: ReconcileError.Code] = [
    "2xic_CREMUL0001-utf-8-with-new-line.txt": .unknownPaymentFormat,
    "2xic_nets-ocr-giro_transaction-with-new-line.txt": .unknownPaymentFormat,
    "byrokrat_autogiro_exempelfil_bet-spec-o-tk_sv.txt": .unknownPaymentFormat,
  ]

  @Test func theCorpusIsThere() { #expect(PaymentCorpus.files.count >= 16) }

  @Test(arguments: PaymentCorpus.files)
  func readsAsItsGoldenFileSays(_ name: String) throws {
    let bytes = try PaymentCorpus.bytes(name)
    if let code = Self.refused[name] {
      let refusal = #expect(throws: ReconcileError.self) { try PaymentFileReader.read(bytes) }
      #expect(refusal?.code == code, "\(name)")
      return
    }
    let file = try PaymentFileReader.read(bytes)
    let path = Self.golden + "/" + name + ".golden"
    let expected = (try? FilePath.read(path)).map { String(decoding: $0, as: UTF8.self) }
    if expected != file.goldenText {
      if ProcessInfo.processInfo.environment["SIETOOL_UPDATE_GOLDEN"] != nil {
        try AtomicFile.write(Array(file.goldenText.utf8), to: path)
      }
      Issue.record("\(name) does not read as Golden/\(name).golden says")
    }
  }

  /// The figures payments.md §1.6 and §7 give for the samples.
  @Test func theSamplesAddUpAsDocumented() throws {
    let fabhed = try PaymentFileReader.read(
      try PaymentCorpus.bytes(
        "fabhed_bankgiroinbetalningar_exempelfil_avtal-om-ocr-kontroll_checksiffra_langd_sv.txt"))
    #expect(fabhed.deposits.map(\.amount) == [Amount(ore: 190_000), Amount(ore: 800_000)])
    #expect(fabhed.payments.filter { $0.kind == .deduction }.map(\.reference?.text) == ["89853"])
    let utokad = try PaymentFileReader.read(
      try PaymentCorpus.bytes(
        "2xic_bankgiroinbetalningar_avtal-ocr-kontroll_utokad-blankettregistrering-ocr-kontroll_exempelfil.txt"
      ))
    let multi = try #require(utokad.payments.first { $0.amount == Amount(ore: 140_000) })
    let subAmounts = multi.extraReferences.compactMap(\.amount).reduce(Amount.zero, +)
    #expect(subAmounts == multi.amount)  // 1000 + 500 + 400 − 500
    let autogiro = try PaymentFileReader.read(
      try PaymentCorpus.bytes("byrokrat_autogiro_exempelfil_bg-max-forma_sv.txt"))
    #expect(autogiro.payments.allSatisfy { $0.reference?.quality == .payerNumber })
    let eur = try PaymentFileReader.read(
      try PaymentCorpus.bytes(
        "rickardlindgren_bankgiroinbetalningar_exempelfil_avtal-om-ocr-kontroll_checksiffra_langd_sv_pre2016-EUR.txt"
      ))
    #expect(eur.deposits.map(\.currency) == ["SEK", "SEK", "EUR"])
  }
}
