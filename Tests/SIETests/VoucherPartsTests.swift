import Basics
import TestSupport
import Testing

@testable import SIE

/// A voucher written from its parts (`SIEVoucherStream.beginVoucher`, `writeRow`, `endVoucher`)
/// is written as the record of those parts, and checked for a receiver as the record is.
@Suite struct VoucherPartsTests {
  /// Texts that take every way through the writer: plain ASCII, Swedish letters, a quote, a
  /// final backslash, a control character, a character the code page lacks but can be
  /// transliterated (or not without transliterating), and none.
  static let texts = [
    "Faktura 1001 K1 Kund AB", "Påminnelseavgift 1002 Åsa Öberg", "Citat \"så\" här",
    "slutar med \\", "tab\there", "Avgift 5 €", "Smile 🙂", "", String(repeating: "å", count: 90),
  ]

  /// Random vouchers of the shape the parts write: rows with objects and texts or without.
  static func vouchers(_ count: Int, seed: UInt64, texts: [String]) -> [VoucherRecord] {
    var random = SplitMix64(seed: seed)
    let series = ["F", "I", "", "A B", "Ö"]
    let objects: [[ObjectReference]] = [
      [], [], [ObjectReference(dimension: 1, code: "100")],
      [ObjectReference(dimension: 1, code: "Syd"), ObjectReference(dimension: 6, code: "P 1")],
    ]
    return (0..<count).map { place in
      let date = Day(iso: "2025-01-01")!.adding(days: Int.random(in: 0..<365, using: &random))
      let rows = (0..<Int.random(in: 1...4, using: &random)).map { _ in
        TransactionRow(
          account: ["1510", "3001", "2611", "AB12"][Int.random(in: 0..<4, using: &random)],
          objects: objects[Int.random(in: 0..<objects.count, using: &random)],
          amount: Amount(ore: Int64.random(in: -1_000_000...1_000_000, using: &random)),
          text: Int.random(in: 0..<4, using: &random) == 0
            ? texts.randomElement(using: &random)! : "")
      }
      return VoucherRecord(
        series: series[Int.random(in: 0..<series.count, using: &random)],
        number: String([0, 1, place, 1_000_000, -3][Int.random(in: 0..<5, using: &random)]),
        date: date, text: texts.randomElement(using: &random)!, registrationDate: date,
        rows: rows)
    }
  }

  static func written(
    _ vouchers: [VoucherRecord], options: SIEWriter.Options, asParts: Bool
  ) -> Result<SIEWriter.Output, SIEWriteError> {
    let header = SIEDocument(records: [.flag(0), .sieType(4)])
    let stream = SIEVoucherStream(header: header, options: options, estimatedBytes: 100)
    for voucher in vouchers {
      guard asParts else {
        stream.write(voucher)
        continue
      }
      var text = voucher.text
      text.withUTF8 {
        stream.beginVoucher(
          series: voucher.series, number: Int(voucher.number)!, date: voucher.date!, text: $0,
          registrationDate: voucher.registrationDate)
      }
      for row in voucher.rows {
        stream.writeRow(
          account: row.account, objects: row.objects, amount: row.amount, text: row.text)
      }
      stream.endVoucher()
    }
    return Result { () throws(SIEWriteError) in try stream.finish() }
  }

  @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
  func partsAreWrittenAsTheirRecord(checksum: Bool, transliterate: Bool) {
    let options = SIEWriter.Options(checksum: checksum, transliterate: transliterate)
    // Without transliterating, a character the code page lacks fails the whole file: those
    // texts are left out, and tried on their own below.
    let texts =
      transliterate ? Self.texts : Self.texts.filter { !$0.contains("€") && !$0.contains("🙂") }
    var written = 0
    for seed in UInt64(1)...6 {
      let vouchers = Self.vouchers(200, seed: seed, texts: texts)
      let records = Self.written(vouchers, options: options, asParts: false)
      let parts = Self.written(vouchers, options: options, asParts: true)
      switch (records, parts) {
      case (.success(let expected), .success(let output)):
        #expect(output.bytes == expected.bytes, "seed \(seed)")
        #expect(output.changes == expected.changes)
        #expect(output.checksum == expected.checksum)
        #expect(!expected.changes.isEmpty || !transliterate)
        written += 1
      case (.failure(let expected), .failure(let refused)):
        #expect(refused.problems == expected.problems, "seed \(seed)")
        #expect(!transliterate, "seed \(seed): \(expected)")
      default:
        Issue.record("seed \(seed): \(records) against \(parts)")
      }
    }
    #expect(written > 0, "every file was refused")
  }

  /// A text the code page lacks is refused from parts as from the record, naming the voucher.
  @Test(arguments: [("Avgift 5 €", false)])
  func aTextTheCodePageLacksIsRefusedAsFromTheRecord(text: String, transliterate: Bool) {
    let voucher = VoucherRecord(
      series: "F", number: "12", date: Day(iso: "2025-03-01"), text: text,
      registrationDate: Day(iso: "2025-03-01"),
      rows: [TransactionRow(account: "1510", objects: [], amount: Amount(ore: 100))])
    let options = SIEWriter.Options(transliterate: transliterate)
    let records = Self.written([voucher], options: options, asParts: false)
    let parts = Self.written([voucher], options: options, asParts: true)
    guard case .failure(let expected) = records, case .failure(let refused) = parts else {
      Issue.record("not refused: \(records), \(parts)")
      return
    }
    #expect(refused.codeName == "sie-not-writable")
    #expect(refused.problems == expected.problems)
    #expect(refused.problems.first?.message.contains("F 12") == true)
  }

  /// Two checks of `profile` for a file whose fiscal year 0 is 2025: one fed records, one parts.
  static func checks(_ profile: ReceiverProfile) -> (ReceiverProfile.Check, ReceiverProfile.Check) {
    let header = SIEDocument(records: [
      .fiscalYear(
        FiscalYear(index: 0, start: Day(iso: "2025-01-01")!, end: Day(iso: "2025-12-31")!))
    ])
    return (ReceiverProfile.Check(profile, header: header), .init(profile, header: header))
  }

  /// For a receiver that looks only at balance and date, a voucher's parts are checked as its
  /// record is: the same findings, in the same order.
  @Test(arguments: [ReceiverProfile.generic, .bokio])
  func partsAreCheckedAsTheirRecord(profile: ReceiverProfile) {
    var (byRecord, byParts) = Self.checks(profile)
    #expect(!byParts.looksInsideVouchers)
    for voucher in Self.vouchers(50, seed: 9, texts: ["x"]) {
      byRecord.add(voucher)
      byParts.add(
        series: voucher.series, number: Int(voucher.number)!, date: voucher.date,
        imbalance: voucher.rows.reduce(Int128(0)) { $0 + Int128($1.amount.ore) })
    }
    let outside = VoucherRecord(series: "F", number: "3", date: Day(iso: "2024-12-31"))
    byRecord.add(outside)
    byParts.add(series: "F", number: 3, date: Day(iso: "2024-12-31"), imbalance: 0)
    #expect(byParts.findings == byRecord.findings)
    #expect(byParts.findings.count > 40, "most random vouchers do not balance")
    #expect(byParts.findings.last?.diagnostic.message.contains("F 3 is dated 2024-12-31") == true)
  }

  /// For every receiver, a voucher's parts with its texts and rows are checked as its record
  /// is: texts over 50 characters (and some over 50 bytes that are not), rows of long texts,
  /// no series, class 9 accounts, imbalances and dates outside the year.
  @Test(arguments: ReceiverProfile.allCases)
  func partsWithTextsAndRowsAreCheckedAsTheirRecord(profile: ReceiverProfile) {
    var (byRecord, byParts) = Self.checks(profile)
    let texts = [
      "", "kort", String(repeating: "x", count: 50), String(repeating: "y", count: 51),
      String(repeating: "ö", count: 40), String(repeating: "å", count: 51),
    ]
    var vouchers = Self.vouchers(200, seed: 10, texts: texts)
    for place in vouchers.indices where place % 3 == 0 {
      vouchers[place].rows[0].account = ["9100", "9999", "3001"][place % 9 / 3]
    }
    vouchers.append(VoucherRecord(series: "F", number: "3", date: Day(iso: "2024-12-31")))
    for voucher in vouchers {
      byRecord.add(voucher)
      Array(voucher.text.utf8).withUnsafeBufferPointer {
        byParts.add(
          series: voucher.series, number: Int(voucher.number)!, date: voucher.date, text: $0,
          imbalance: voucher.rows.reduce(Int128(0)) { $0 + Int128($1.amount.ore) },
          rows: voucher.rows.map { (account: $0.account, text: $0.text) })
      }
    }
    #expect(byParts.findings == byRecord.findings)
    let messages = byParts.findings.map(\.diagnostic.message)
    switch profile {
    case .fortnox:
      #expect(messages.contains { $0.contains("text has 51 characters") })
      #expect(messages.contains { $0.contains("has a text of 51 characters") })
      #expect(!messages.contains { $0.contains("40 characters") }, "80 bytes, 40 characters")
      #expect(messages.contains { $0.contains("has no series") })
    case .visma:
      #expect(messages.contains { $0.contains("account 9100 is of class 9") })
      #expect(messages.contains { $0.contains("account 9999 is of class 9") })
    case .generic, .bokio:
      #expect(!messages.contains { $0.contains("class 9") || $0.contains("characters") })
    }
    #expect(messages.contains { $0.contains("F 3 is dated 2024-12-31") })
  }

  @Test(arguments: [ReceiverProfile.fortnox, .visma])
  func receiversThatReadTextsAndRowsLookInside(profile: ReceiverProfile) {
    #expect(ReceiverProfile.Check(profile, header: SIEDocument(records: [])).looksInsideVouchers)
  }
}
