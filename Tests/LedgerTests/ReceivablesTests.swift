import Basics
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// The accounts-receivable list agrees with the ledger: what it says is on 1510 (and reserved
/// on 1519) is what the vouchers dated up to the day put there.
@Suite struct ReceivablesTests {
  @Test(arguments: Array(UInt64(1)...24))
  func theListAgreesWithTheReceivablesAccount(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let tx = try randomBook(seed: seed, method: method, settled: false)
      let ledger = try BookLedger(state: tx.state)
      let journal = try ledger.journal(through: d("2025-12-31"))
      for day in ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"].map(d) {
        let report = try ledger.receivables(asOf: day)
        let totals = totalsPerAccount(journal.filter { $0.date <= day })
        #expect(report.booked == totals["1510", default: .zero], "\(method) \(day)")
        #expect(Amount.zero - report.doubtful == totals["1519", default: .zero], "\(method) \(day)")
        if method == .accrual { #expect(report.open == report.booked, "\(day)") }
        // Every item is aged into one bucket, and the buckets add up.
        #expect(report.totals(of: report.items).reduce(.zero, +) == report.open)
      }
      // On the last day, the open items are the invoices the book says are open.
      let open = tx.state.allInvoices.filter { $0.state != .draft && !$0.open.isZero }
      let report = try ledger.receivables(asOf: d("2025-12-31"))
      #expect(
        Set(report.items.filter { !$0.open.isZero }.map(\.invoice)) == Set(open.map(\.invoice.id)))
    }
  }

  @Test func itemsAreAgedByDaysPastDue() throws {
    var tx = try exampleState(method: .accrual)
    let id = try tx.issue(f1001)  // due 2025-04-09
    _ = id
    let ledger = try BookLedger(state: tx.state)
    for (day, bucket) in [
      ("2025-04-09", 0), ("2025-04-10", 1), ("2025-05-09", 1), ("2025-05-10", 2),
      ("2025-06-08", 2), ("2025-06-09", 3), ("2025-07-08", 3), ("2025-07-09", 4),
    ] {
      let report = try ledger.receivables(asOf: d(day))
      #expect(report.items.map(\.bucket) == [bucket], "\(day)")
    }
    #expect(try ledger.receivables(asOf: d("2025-03-09")).items.isEmpty)
  }
}
