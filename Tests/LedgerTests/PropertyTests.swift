import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing

@testable import Ledger

/// Invariants over random books (section 6 of the posting notes).
@Suite struct PropertyTests {
  static let seeds: [UInt64] = Array(1...40)

  @Test(arguments: seeds)
  func everyVoucherBalancesWithoutZeroRows(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let tx = try randomBook(seed: seed, method: method, settled: false)
      for voucher in try BookLedger(state: tx.state).journal(through: d("2025-12-31")) {
        #expect(voucher.rows.count >= 2)
        #expect(voucher.rows.allSatisfy { !$0.amount.isZero })
        #expect(voucher.rows.reduce(Amount.zero) { $0 + $1.amount } == .zero)
        #expect(
          voucher.rows.allSatisfy { $0.costCentre == nil || $0.account >= "3000" },
          "dimensions on result rows only")
      }
    }
  }

  /// The export writes its vouchers one at a time; the file is the one the writer makes of
  /// the whole document (4I and 4E, both methods; for receivers that look only at a voucher's
  /// balance and date, written from the voucher columns, for Visma from voucher records).
  @Test(arguments: seeds.prefix(12))
  func theStreamedExportIsTheWholeDocumentsFile(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let tx = try randomBook(seed: seed, method: method, settled: false)
      for (type, profile) in [
        (SIEFileType.type4I, ReceiverProfile.generic), (.type4E, .generic), (.type4I, .visma),
        (.type4E, .bokio),
      ] {
        let request = ExportRequest(
          from: d("2025-01-01"), to: d("2025-12-31"), type: type, profile: profile)
        let plan = try BookLedger(state: tx.state).plan(request, today: d("2026-01-15"))
        let streamed = try SIEExport.encode(plan, state: tx.state)
        let whole = try SIEWriter(options: .init(transliterate: true)).encode(
          SIEExport.document(plan, state: tx.state))
        #expect(streamed == whole.bytes, "seed \(seed) \(method) \(type) \(profile)")
        #expect(!plan.fileVouchers.isEmpty)
      }
    }
  }

  /// A plan made without the documents behind its vouchers (an export without a bundle) has
  /// the same vouchers, record and file, and no documents.
  @Test(arguments: seeds.prefix(8))
  func aPlanWithoutDocumentsHasTheSameFile(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let tx = try randomBook(seed: seed, method: method, settled: false)
      for summarization in Summarization.allCases {
        let request = ExportRequest(
          from: d("2025-01-01"), to: d("2025-12-31"), summarization: summarization)
        let ledger = try BookLedger(state: tx.state)
        let full = try ledger.plan(request, today: d("2026-01-15"))
        let bare = try ledger.plan(request, today: d("2026-01-15"), documents: false)
        #expect(bare.vouchers == full.vouchers, "seed \(seed) \(method) \(summarization)")
        #expect(bare.record == full.record)
        let bareFile = try SIEExport.encode(bare, state: tx.state)
        let fullFile = try SIEExport.encode(full, state: tx.state)
        #expect(bareFile == fullFile)
        #expect(full.sources.contains { !$0.isEmpty })
        #expect(bare.sources.allSatisfy { $0.isEmpty })
      }
    }
  }

  @Test(arguments: seeds)
  func cashAndAccrualAgreeOnceEverythingIsSettled(seed: UInt64) throws {
    let accrual = try randomBook(seed: seed, method: .accrual, settled: true)
    let cash = try randomBook(seed: seed, method: .cash, settled: true)
    #expect(accrual.state.allInvoices.allSatisfy { $0.open.isZero })
    let a = totalsPerAccount(try BookLedger(state: accrual.state).journal(through: d("2025-12-31")))
    let c = totalsPerAccount(try BookLedger(state: cash.state).journal(through: d("2025-12-31")))
    #expect(a == c)
    #expect(a["1510"] == nil)
  }

  @Test(arguments: seeds)
  func theReceivablesAccountEqualsWhatIsOpen(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let tx = try randomBook(seed: seed, method: method, settled: false)
      let open = tx.state.allInvoices.filter { $0.state != .draft }.reduce(Amount.zero) {
        $0 + $1.open
      }
      // Accrual: always; cash: once the year end has booked what is unpaid.
      let journal = try BookLedger(state: tx.state).journal(through: d("2025-12-31"))
      #expect(totalsPerAccount(journal)["1510", default: .zero] == open, "\(method)")
    }
  }

  @Test(arguments: [UInt64(3), 17, 29])
  func exportingQuarterByQuarterBooksTheSameAndRepeatsExactly(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let template = try randomBook(seed: seed, method: method, settled: false)
      let expected = totalsPerAccount(
        try BookLedger(state: template.state).journal(through: d("2025-12-31")))
      let book = try TemporaryBook(method: method, tolerance: sek("1.00")) { tx in
        for event in template.events.dropFirst(try exampleState(method: method).events.count) {
          try tx.record(event)
        }
      }
      var files = [[UInt8]]()
      var exported = [Ledger.Voucher]()
      for (index, quarter) in [
        ("2025-01-01", "2025-03-31"), ("2025-04-01", "2025-06-30"), ("2025-07-01", "2025-09-30"),
        ("2025-10-01", "2025-12-31"),
      ].enumerated() {
        let (result, bytes) = try book.export(quarter.0, quarter.1, name: "q\(index).se")
        #expect(
          SIEValidator.validate(
            bytes: bytes, options: ValidationOptions(type: .type4I, strict: true)
          ).isValid)
        files.append(bytes)
        exported += result.vouchers
      }
      #expect(totalsPerAccount(exported) == expected)
      // Numbers per series are 1, 2, 3, … across the exports.
      for series in Set(exported.map(\.series)) {
        let numbers = exported.filter { $0.series == series }.map(\.number)
        #expect(numbers == Array(1...numbers.count))
      }
      for (index, quarter) in [("2025-01-01", "2025-03-31"), ("2025-10-01", "2025-12-31")]
        .enumerated()
      {
        #expect(try book.export(quarter.0, quarter.1, name: "again.se").bytes == files[index * 3])
      }
    }
  }
}
