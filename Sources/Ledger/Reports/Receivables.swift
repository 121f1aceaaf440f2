import Basics
import Invoicing

/// One open item of the accounts-receivable list: an invoice (or credit) with something left
/// open on the day the list is made.
public struct ReceivableItem: Hashable, Sendable {
  public var invoice: Int
  /// The number as documents show it (`1001`).
  public var number: String
  public var customer: String
  public var invoiceDate: Day
  public var dueDate: Day
  /// What is open, in SEK at the document's rate (negative for a credit not yet used).
  public var open: Amount
  /// Of `open`, what sits on the receivables account (all of it under the accrual method;
  /// under the cash method only after a year end booked it).
  public var booked: Amount
  /// Reserved as doubtful (1519), in SEK.
  public var doubtful: Amount
  /// Days past the due date (0 or less: not yet due).
  public var daysPastDue: Int

  /// The age bucket: 0 not due, 1 for 1–30 days past due, 2 for 31–60, 3 for 61–90, 4 beyond.
  public var bucket: Int {
    switch daysPastDue {
    case ...0: 0
    case 1...30: 1
    case 31...60: 2
    case 61...90: 3
    default: 4
    }
  }
}

/// The accounts-receivable list as of a day: every open item, aged by days past due, as the
/// ledger sees the book's events dated up to that day.
public struct ReceivablesReport: Sendable {
  /// The names of the age buckets, in order.
  public static let bucketNames = ["not due", "1–30", "31–60", "61–90", "> 90"]

  public var asOf: Day
  public var items: [ReceivableItem]

  /// Totals per bucket (see ``bucketNames``).
  public func totals(of items: [ReceivableItem]) -> [Amount] {
    var totals = [Amount](repeating: .zero, count: Self.bucketNames.count)
    for item in items { totals[item.bucket] += item.open }
    return totals
  }

  /// The customers with open items, in order of their numbers.
  public var customers: [String] { Array(Set(items.map(\.customer))).sorted() }

  /// What the receivables account holds for these items.
  public var booked: Amount { items.reduce(.zero) { $0 + $1.booked } }
  public var open: Amount { items.reduce(.zero) { $0 + $1.open } }
  public var doubtful: Amount { items.reduce(.zero) { $0 + $1.doubtful } }
}

extension BookLedger {
  /// The accounts-receivable list as of `day`: the events dated up to it, posted in date
  /// order fiscal year by fiscal year (year ends on or before it included).
  public func receivables(asOf day: Day) throws(LedgerError) -> ReceivablesReport {
    var engine = PostingEngine(state: state, activities: activities, map: AccountMap(state: state))
    engine.keepsVouchers = false
    var byYear = [Day: [Int]]()
    for (index, activity) in activities.enumerated() where activity.date <= day {
      byYear[state.settings.fiscalYear(containing: activity.date).start, default: []].append(index)
    }
    for start in byYear.keys.sorted() {
      let year = state.settings.fiscalYear(containing: start)
      let reversals = engine.pendingReversals.map(\.date).filter { year.contains($0) && $0 <= day }
      let run = VoucherRun(
        from: year.start, indexes: byYear[start] ?? [], reversals: reversals,
        yearEnds: year.end <= day ? [year.end] : [], summarization: .event)
      _ = try run.run(&engine, startingNumbers: [:])
    }
    var items = [ReceivableItem]()
    for document in engine.documents.values.sorted(by: { $0.id < $1.id }) {
      let open = document.components.reduce(Amount.zero) { $0 + $1.sek }
      let booked = document.components.filter(\.booked).reduce(Amount.zero) { $0 + $1.sek }
      guard !open.isZero || !booked.isZero || !document.reserve.isZero else { continue }
      // Only the records listed are read.
      guard document.kind != .selfInvoice, let record = state.invoices[document.id] else {
        continue
      }
      items.append(
        ReceivableItem(
          invoice: document.id, number: document.name, customer: document.customer,
          invoiceDate: record.invoice.invoiceDate, dueDate: record.invoice.dueDate, open: open,
          booked: booked, doubtful: document.reserve,
          daysPastDue: record.invoice.dueDate.days(until: day)))
    }
    return ReceivablesReport(asOf: day, items: items)
  }
}
