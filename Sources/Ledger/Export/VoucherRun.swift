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

  /// A numbered voucher and the activities behind it.
  struct Result {
    var vouchers: [Voucher]
    /// For each voucher, the documents behind it.
    var sources: [[DocumentRef]]
    var lastNumbers: [String: Int]
  }

  func run(_ engine: inout PostingEngine, startingNumbers: [String: Int]) throws(LedgerError)
    -> Result
  {
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
    // Stable: equal dates keep the order they were booked in.
    posted = posted.enumerated().sorted {
      $0.element.voucher.date != $1.element.voucher.date
        ? $0.element.voucher.date < $1.element.voucher.date : $0.offset < $1.offset
    }.map(\.element)
    var vouchers = [Voucher]()
    var sources = [[DocumentRef]]()
    switch summarization {
    case .event:
      vouchers = posted.map(\.voucher)
      sources = posted.map(\.documents)
    case .day:
      (vouchers, sources) = try Self.summarized(posted)
    }
    var numbers = startingNumbers
    for index in vouchers.indices {
      let next = (numbers[vouchers[index].series] ?? 0) + 1
      numbers[vouchers[index].series] = next
      vouchers[index].number = next
    }
    return Result(vouchers: vouchers, sources: sources, lastNumbers: numbers)
  }

  /// One voucher per series and day, rows added together by account and dimensions.
  static func summarized(_ posted: [PostingEngine.Posted]) throws(LedgerError) -> (
    [Voucher], [[DocumentRef]]
  ) {
    struct Group {
      var builder: VoucherBuilder
      var sources: [DocumentRef]
    }
    var order = [String]()
    var groups = [String: Group]()
    for item in posted {
      let voucher = item.voucher
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
      for document in item.documents where !groups[key]!.sources.contains(document) {
        groups[key]!.sources.append(document)
      }
    }
    var vouchers = [Voucher]()
    var sources = [[DocumentRef]]()
    for key in order {
      guard let voucher = try groups[key]!.builder.build() else { continue }
      vouchers.append(voucher)
      sources.append(groups[key]!.sources)
    }
    return (vouchers, sources)
  }
}
