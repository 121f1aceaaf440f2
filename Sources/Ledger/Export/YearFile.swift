import Basics
import Invoicing
import SIE

extension BookLedger {
  /// A year file: the SIE 4E of a whole fiscal year compiled from what its exports wrote — the
  /// vouchers as exported, `#IB` from every balance exported before the year, `#UB` and `#RES`
  /// from the year's vouchers. It is read-only: nothing is booked and nothing is recorded, so
  /// the freeze rule (exports never overlap) stands. It runs up to the last day exported in the
  /// year; the same exports always give the same bytes.
  ///
  /// - Throws: ``LedgerError`` `invalid-period` when `from`–`to` is not a fiscal year, and
  ///   `no-such-export` when nothing of the year has been exported.
  public func yearFile(from: Day, to: Day) throws(LedgerError) -> (file: [UInt8], through: Day) {
    let year = state.settings.fiscalYear(containing: from)
    guard from == year.start, to == year.end else {
      throw LedgerError(
        .invalidPeriod, .period(from, to),
        "a year file covers a whole fiscal year; \(from)–\(to) is not one (the year of \(from) is \(year))"
      )
    }
    let runs = try exportedVouchers()
    guard let last = runs.last(where: { year.contains($0.record.from) }) else {
      throw LedgerError(
        .noSuchExport, .period(from, to),
        "nothing of the fiscal year \(year) has been exported; export its periods first")
    }
    let (vouchers, opening) = Self.history(
      before: runs.lazy.flatMap(\.vouchers), year: year, adding: [])
    var record = last.record
    record.from = year.start
    record.type = .type4E
    let request = ExportRequest(
      from: year.start, to: record.to, type: .type4E, profile: record.profile,
      summarization: record.summarization)
    let plan = ExportPlan(
      request: request, vouchers: [], sources: [], fileVouchers: vouchers,
      openingBalances: opening, fiscalYear: year, record: record, waiting: 0)
    return (try SIEExport.encode(plan, state: state), record.to)
  }
}
