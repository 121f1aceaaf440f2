import Basics
import Invoicing
import SIE

/// A new export worked out but not yet written: its vouchers, what goes in the file, and the
/// record the book will keep of it.
public struct ExportPlan: Sendable {
  public var request: ExportRequest
  /// The vouchers this export makes, numbered.
  public var vouchers: VoucherList
  /// For each voucher, the documents behind it (none at all for a plan made without them).
  public var sources: [[DocumentRef]]
  /// The vouchers the file holds: this export's (4I), or the fiscal year's so far (4E).
  public var fileVouchers: VoucherList
  /// Balances at the start of the fiscal year, per balance account (4E).
  public var openingBalances: [AccountNumber: Amount]
  public var fiscalYear: FiscalPeriod
  /// The record, without the file's hash yet.
  public var record: ExportRecord
  /// Activities dated after the period, waiting for a later export.
  public var waiting: Int
}

extension BookLedger {
  /// Works out the export of a period: the activities not exported yet that fall in it, and
  /// those that arrived for periods already exported (dated on the period's first day); the
  /// fiscal year's closing when the period holds its last day.
  ///
  /// - Parameter documents: whether to find the documents behind each voucher (``ExportPlan/sources``),
  ///   which only the bundle needs; the vouchers and the file are the same either way.
  /// - Throws: ``LedgerError`` when the period crosses a fiscal year's end, overlaps an earlier
  ///   export, or leaves an earlier period with activities that were never exported.
  public func plan(_ request: ExportRequest, today: Day, documents: Bool = true) throws(LedgerError)
    -> ExportPlan
  {
    guard request.type == .type4I || request.type == .type4E else {
      throw LedgerError(
        .invalidExportType, .none, "exports are SIE 4I or 4E, not \(request.type.rawValue)")
    }
    guard request.from <= request.to else {
      throw LedgerError(
        .invalidPeriod, .period(request.from, request.to),
        "the period starts \(request.from), after it ends \(request.to)")
    }
    let year = state.settings.fiscalYear(containing: request.from)
    guard request.to <= year.end else {
      throw LedgerError(
        .periodCrossesFiscalYear, .period(request.from, request.to),
        "\(request.from)–\(request.to) crosses the end of the fiscal year \(year); export up to \(year.end), then from \(year.end.adding(days: 1))"
      )
    }
    if let earlier = records.first(where: { $0.from <= request.to && request.from <= $0.to }) {
      throw LedgerError(
        .periodOverlapsExport,
        ErrorSubject.period(request.from, request.to).with(export: earlier.number),
        "\(request.from)–\(request.to) overlaps export \(earlier.number) (\(earlier.from)–\(earlier.to)); repeat that export exactly, or export a period after it"
      )
    }
    let needsHistory = request.type == .type4E
    // Booked in a function of its own, so that the posting engine (what is open of every
    // document) is let go before the record lists the activities booked.
    let booking = try book(request, year: year, keepingHistory: needsHistory, documents: documents)
    let result = booking.result
    let record = ExportRecord(
      number: records.count + 1, from: request.from, to: request.to, type: request.type,
      profile: request.profile, summarization: request.summarization, generated: today,
      programVersion: SIEExport.program.version, fileHash: "",
      bundleHash: nil, activities: booking.indexes.map { activityIDs[$0] },
      yearEnds: booking.yearEnds, reversals: booking.reversals, voucherCount: result.vouchers.count,
      lastNumbers: result.lastNumbers,
      map: booking.map, spans: ExportRecord.spans(of: booking.indexes, in: activityIDs))
    var fileVouchers = result.vouchers
    var opening = [AccountNumber: Amount]()
    if needsHistory {
      (fileVouchers, opening) = Self.history(
        before: booking.runs.lazy.flatMap(\.vouchers), year: year, adding: result.vouchers)
    }
    return ExportPlan(
      request: request, vouchers: result.vouchers, sources: result.sources,
      fileVouchers: fileVouchers,
      openingBalances: opening, fiscalYear: year, record: record, waiting: booking.waiting)
  }

  /// What a new export books, and what it found on the way.
  private struct Booking {
    var result: VoucherRun.Result
    /// The recorded exports replayed (with their vouchers when the history was kept).
    var runs: [ExportedRun]
    var indexes: [Int]
    var reversals: [Day]
    var yearEnds: [Day]
    var waiting: Int
    var map: AccountMap
  }

  /// Replays the recorded exports, then books the activities of `request`'s period.
  private func book(
    _ request: ExportRequest, year: FiscalPeriod, keepingHistory needsHistory: Bool,
    documents: Bool
  ) throws(LedgerError) -> Booking {
    let (replayed, runs) = try replay(keepingVouchers: needsHistory)
    var engine = replayed
    let exported = exportedIndexes
    var indexes = [Int]()
    var waiting = 0
    var neverExported = [Day]()
    for index in activities.indices where !exported[index] {
      let date = activities[index].date
      if date > request.to {
        waiting += 1
      } else if date >= request.from || records.contains(where: { $0.covers(date) }) {
        indexes.append(index)
      } else {
        neverExported.append(date)
      }
    }
    if let first = neverExported.min() {
      throw LedgerError(
        .earlierPeriodNotExported, .period(first, request.to),
        "\(neverExported.count.counted("event")) dated from \(first) fall in a period never exported; export from \(first) first (or from the start of that period)"
      )
    }
    let reversals = engine.pendingReversals.map(\.date).filter {
      request.from <= $0 && $0 <= request.to
    }
    let closed = Set(records.flatMap(\.yearEnds))
    let yearEnds = request.to == year.end && !closed.contains(year.end) ? [year.end] : []
    let map = AccountMap(state: state)
    _ = engine.use(map)
    engine.keepsVouchers = true
    engine.keepsDocuments = documents
    let run = VoucherRun(
      from: request.from, indexes: indexes, reversals: reversals, yearEnds: yearEnds,
      summarization: request.summarization)
    let result = try run.run(
      &engine,
      startingNumbers: startingNumbers(before: records.count, from: request.from))
    return Booking(
      result: result, runs: runs, indexes: indexes, reversals: reversals, yearEnds: yearEnds,
      waiting: waiting, map: map)
  }
}
