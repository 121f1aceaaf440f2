import Basics
import Invoicing

extension BookLedger {
  /// Why the bookkeeping method cannot change to `method` now, if it cannot.
  ///
  /// The method (kontantmetoden or faktureringsmetoden) holds for a whole fiscal year: once an
  /// export has booked part of a year, the method changes only when that year is exported to
  /// its end, and takes effect from the next. Open invoices then keep the postings they have
  /// (posting notes, tricky case 6): the account map of each export is frozen with it.
  public func methodChangeRefusal(to method: BookkeepingMethod) -> LedgerError? {
    let current = state.settings.method
    guard method != current, let last = records.last else { return nil }
    let year = state.settings.fiscalYear(containing: last.to)
    guard last.to != year.end else { return nil }
    return LedgerError(
      .methodChangeMidYear, .export(last.number),
      "the fiscal year \(year) is exported through \(last.to) under the \(current.rawValue) method; the method changes from a fiscal year's start: export through \(year.end) first, then change it for the next year"
    )
  }
}
