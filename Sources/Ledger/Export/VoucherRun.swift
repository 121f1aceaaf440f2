import Basics
import Invoicing

/// One export's booking: the activities it takes, posted in journal order with the export's
/// account map; activities dated before the export's period (arriving after their period was
/// exported) dated on its first day; the year ends it closes. Then the vouchers are put in date
/// order, summarized per day when asked, and numbered on from the fiscal year's last numbers.
struct VoucherRun {
  var from: Day
  var indexes: [Int]
  var reversals: [Day]
  var yearEnds: [Day]
  var summarization: Summarization
  /// The block size of the invoices read ahead (``InvoiceReadAhead``); a run that attests
  /// fewer reads each when it attests it, as does a run without.
  var readAheadBlockSize: Int? = InvoiceReadAhead.blockSize

  /// A numbered voucher and the activities behind it.
  struct Result {
    var vouchers: VoucherList
    /// For each voucher, the documents behind it (none at all when no voucher has any).
    var sources: [[DocumentRef]]
    var lastNumbers: [String: Int]
  }

  func run(_ engine: inout PostingEngine, startingNumbers: [String: Int]) throws(LedgerError)
    -> Result
  {
    engine.reserveVouchers(indexes.count)
    engine.readAhead = readAhead(of: engine)
    defer { engine.readAhead = nil }
    for day in reversals { try engine.reverseYearEnd(on: day) }
    for index in indexes {
      let activity = engine.activities[index]
      try engine.post(activity, index: index, on: max(activity.date, from))
    }
    for end in yearEnds { try engine.closeYear(endingOn: end) }
    var posted = engine.takeVouchers()
    guard engine.keepsVouchers else {
      return Result(vouchers: [], sources: [], lastNumbers: startingNumbers)
    }
    let order = Self.dateOrder(posted.vouchers)
    var vouchers = VoucherList()
    var sources = [[DocumentRef]]()
    switch summarization {
    case .event:
      posted.arrange(in: order)
      // Taken, not shared: numbering them below would copy a shared list whole.
      swap(&vouchers, &posted.vouchers)
      swap(&sources, &posted.documents)
    case .day:
      (vouchers, sources) = try Self.summarized(posted, in: order)
    }
    let numbers = vouchers.numberInOrder(after: startingNumbers)
    return Result(vouchers: vouchers, sources: sources, lastNumbers: numbers)
  }

  /// The invoices this run attests, read ahead in the order it attests them; none for a run
  /// of few.
  func readAhead(of engine: PostingEngine) -> InvoiceReadAhead? {
    guard let blockSize = readAheadBlockSize else { return nil }
    var ids = [Int]()
    for index in indexes {
      if case .attested(let id, _) = engine.activities[index] { ids.append(id) }
    }
    guard ids.count >= blockSize else { return nil }
    return InvoiceReadAhead(ids: ids, invoices: engine.state.invoices, blockSize: blockSize)
  }

  /// The places of `vouchers` in date order; equal dates keep the order they were booked in.
  static func dateOrder(_ vouchers: VoucherList) -> [Int] {
    var keys = [Int64]()
    keys.reserveCapacity(vouchers.count)
    var inOrder = true
    var last = Int32.min
    for place in vouchers.indices {
      let date = vouchers.date(at: place).packed
      inOrder = inOrder && last <= date
      last = date
      // The date above the place: sorting the keys sorts by date, then by place.
      keys.append(Int64(date) << 32 | Int64(place))
    }
    if !inOrder { keys.sort() }
    return keys.map { Int($0 & 0xFFFF_FFFF) }
  }

  /// One voucher per series and day, rows added together by account and dimensions.
  static func summarized(_ posted: PostingEngine.Posted, in places: [Int]) throws(LedgerError)
    -> (VoucherList, [[DocumentRef]])
  {
    struct Group {
      var builder: VoucherBuilder
      var sources: [DocumentRef]
    }
    var order = [String]()
    var groups = [String: Group]()
    for place in places {
      let voucher = posted.vouchers[place]
      let key = voucher.series + " " + voucher.date.iso
      if groups[key] == nil {
        order.append(key)
        groups[key] = Group(
          builder: VoucherBuilder(
            series: voucher.series, date: voucher.date, text: "Dagssammandrag \(voucher.date.iso)"),
          sources: [])
      }
      for row in voucher.rows {
        groups[key]!.builder.add(
          row.account, row.amount, costCentre: row.costCentre, project: row.project)
      }
      for document in posted.documents(at: place) where !groups[key]!.sources.contains(document) {
        groups[key]!.sources.append(document)
      }
    }
    var vouchers = VoucherList()
    var sources = [[DocumentRef]]()
    for key in order {
      guard let voucher = try groups[key]!.builder.build() else { continue }
      vouchers.append(voucher)
      sources.append(groups[key]!.sources)
    }
    return (vouchers, sources)
  }
}
