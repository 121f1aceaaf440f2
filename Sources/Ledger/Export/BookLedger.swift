import Basics
import Invoicing
import SIE

/// What to export: a period within one fiscal year, the SIE type, the receiver, and whether to
/// make one voucher per event or per series and day.
public struct ExportRequest: Hashable, Sendable {
  public var from: Day
  public var to: Day
  public var type: SIEFileType
  public var profile: ReceiverProfile
  public var summarization: Summarization

  public init(
    from: Day, to: Day, type: SIEFileType = .type4I, profile: ReceiverProfile = .generic,
    summarization: Summarization = .event
  ) {
    self.from = from
    self.to = to
    self.type = type
    self.profile = profile
    self.summarization = summarization
  }
}

/// A book's ledger: the vouchers its activities give, and its exports.
///
/// ```swift
/// let ledger = try BookLedger(state: book.state)
/// let plan = try ledger.plan(ExportRequest(from: day("2025-01-01"), to: day("2025-03-31")), today: today)
/// print(plan.vouchers.count)
/// ```
public struct BookLedger: Sendable {
  public let state: BookState
  /// The exports made so far, in order.
  public let records: [ExportRecord]

  /// `activities` and their identities, read once.
  let activities: ChunkedLog<Activity>
  let activityIDs: ChunkedLog<ActivityID>
  /// Each activity's index in ``activities``, by its identity.
  let places: ActivityPlaces

  public init(state: BookState) throws(LedgerError) {
    self.state = state
    activities = state.activities
    activityIDs = state.activityIDs
    records = try ExportRecord.all(in: state)
    places = ActivityPlaces(activityIDs)
    for record in records where !record.activities.allSatisfy({ places[$0] != nil }) {
      throw LedgerError(
        .exportNotReproducible, .export(record.number),
        "export \(record.number) names activities the journal does not hold")
    }
  }

  /// The activities an export booked, as indexes into ``activities``, in booking order.
  func indexes(of record: ExportRecord) -> [Int] { record.activities.map { places[$0]! } }

  /// Whether each activity was booked by an export, by its index in ``activities``.
  var exportedIndexes: [Bool] {
    var exported = [Bool](repeating: false, count: activities.count)
    for record in records {
      for index in indexes(of: record) { exported[index] = true }
    }
    return exported
  }

  /// A recorded export's vouchers, replayed.
  public struct ExportedRun: Sendable {
    public var record: ExportRecord
    public var vouchers: VoucherList
    public var sources: [[DocumentRef]]
  }

  /// Replays every recorded export in order; with `keepingVouchers`, their vouchers too.
  func replay(keepingVouchers: Bool) throws(LedgerError) -> (PostingEngine, [ExportedRun]) {
    var engine = PostingEngine(state: state, activities: activities, map: AccountMap(state: state))
    engine.keepsVouchers = keepingVouchers
    var runs = [ExportedRun]()
    for record in records {
      _ = engine.use(record.map)
      let run = VoucherRun(
        from: record.from, indexes: indexes(of: record), reversals: record.reversals,
        yearEnds: record.yearEnds, summarization: record.summarization)
      let result = try run.run(
        &engine,
        startingNumbers: startingNumbers(before: runs.count, from: record.from))
      if keepingVouchers && result.lastNumbers != record.lastNumbers {
        throw LedgerError(
          .exportNotReproducible, .export(record.number),
          "export \(record.number) (\(record.from)–\(record.to)) cannot be reproduced: its voucher numbers differ"
        )
      }
      runs.append(ExportedRun(record: record, vouchers: result.vouchers, sources: result.sources))
    }
    return (engine, runs)
  }

  /// The last numbers per series of the fiscal year of `from`, before export `position`.
  func startingNumbers(before position: Int, from: Day) -> [String: Int] {
    let year = state.settings.fiscalYear(containing: from)
    return records.prefix(position).last { year.contains($0.from) }?.lastNumbers ?? [:]
  }

  /// The exported vouchers, in export order.
  public func exportedVouchers() throws(LedgerError) -> [ExportedRun] {
    try replay(keepingVouchers: true).1
  }

  /// Every voucher: those exported, then those the next exports would make — fiscal year by
  /// fiscal year up to `day`, closing each year that ends on or before it. Numbers of the
  /// vouchers not yet exported are what they would get.
  public func journal(through day: Day) throws(LedgerError) -> [Voucher] {
    try journalWithExports(through: day).vouchers
  }

  /// The journal, and how many of its first vouchers are exported.
  public func journalWithExports(through day: Day) throws(LedgerError) -> (
    vouchers: [Voucher], exported: Int
  ) {
    let (replayed, runs) = try replay(keepingVouchers: true)
    var engine = replayed
    var vouchers = runs.flatMap(\.vouchers)
    let exportedCount = vouchers.count
    let exported = exportedIndexes
    let pending = activities.indices.filter { !exported[$0] }
    var byYear = [Day: [Int]]()
    var years = Set<Day>()
    for index in pending {
      let date = activities[index].date
      guard date <= day else { continue }
      let start = state.settings.fiscalYear(containing: date).start
      byYear[start, default: []].append(index)
      years.insert(start)
    }
    for record in records { years.insert(state.settings.fiscalYear(containing: record.from).start) }
    let closed = Set(records.flatMap(\.yearEnds))
    var numbers = [Day: [String: Int]]()
    for record in records {
      numbers[state.settings.fiscalYear(containing: record.from).start] = record.lastNumbers
    }
    _ = engine.use(AccountMap(state: state))
    for start in years.sorted() {
      let year = state.settings.fiscalYear(containing: start)
      let reversals = engine.pendingReversals.map(\.date).filter { year.contains($0) && $0 <= day }
      let yearEnds = year.end <= day && !closed.contains(year.end) ? [year.end] : []
      let run = VoucherRun(
        from: year.start, indexes: byYear[start] ?? [], reversals: reversals, yearEnds: yearEnds,
        summarization: .event)
      let result = try run.run(
        &engine, startingNumbers: numbers[start] ?? [:])
      vouchers += result.vouchers
    }
    return (vouchers, exportedCount)
  }
}
