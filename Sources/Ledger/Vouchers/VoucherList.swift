import Basics
import Synchronization

/// Many vouchers, held in columns: each voucher's series, number, date and the ends of its
/// text and rows, with every text's bytes and every row in shared lists.
///
/// An export of a large book makes millions of vouchers. Held as ``Voucher`` values, each would
/// keep its own list of rows and its own text, about 300 bytes a voucher; here it is the
/// rows and the text's bytes and some 30 bytes more. The columns grow in chunks, so that a
/// growing list is never copied whole. A voucher read from the list is made on the way.
///
/// ```swift
/// var list = VoucherList()
/// list.append(voucher)
/// list[0] == voucher          // true
/// list.rowRange(at: 0).count  // voucher.rows.count, without making the voucher
/// ```
public struct VoucherList: RandomAccessCollection, Sendable {
  /// The series' names, in the order first used; a ``Head`` gives its series' place here.
  private(set) var seriesNames: [String] = []
  /// Per voucher, by where it is stored: its series' place in `seriesNames`, number, date,
  /// and the end of its text's bytes and of its rows.
  private var seriesPlaces = ChunkedLog<UInt16>()
  private var numbers = ChunkedLog<Int>()
  private var dates = ChunkedLog<Day>()
  private var textEnds = ChunkedLog<Int>()
  private var rowEnds = ChunkedLog<Int>()
  private var textBytes = ChunkedLog<UInt8>()
  /// Every voucher's rows, in the order the vouchers are stored.
  public private(set) var allRows = ChunkedLog<VoucherRow>()
  /// The rows' cost centres and projects, each pair held once.
  private var details = RowDetailsPool()
  /// Where each voucher is stored, by its place in the list; `nil` while they are the same.
  private var storage: [Int32]?

  public init() {}

  public init(_ vouchers: some Sequence<Voucher>) {
    for voucher in vouchers { append(voucher) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { numbers.count }

  public subscript(place: Int) -> Voucher {
    let stored = stored(place)
    let rows = rowRange(stored)
    var voucherRows = [VoucherRow]()
    voucherRows.reserveCapacity(rows.count)
    for row in rows { voucherRows.append(allRows[row]) }
    return Voucher(
      checkedSeries: seriesNames[Int(seriesPlaces[stored])], number: numbers[stored],
      date: dates[stored], text: text(stored: stored), rows: voucherRows)
  }

  /// Adds `voucher` at the end.
  public mutating func append(_ voucher: Voucher) {
    appendHead(
      series: voucher.series, number: voucher.number, date: voucher.date,
      text: VoucherText(voucher.text))
    for var row in voucher.rows {
      row.shareDetails(in: &details)
      allRows.append(row)
    }
    rowEnds.append(allRows.count)
  }

  /// Adds a voucher from its parts, known to balance (``VoucherBuilder`` checks them): its
  /// rows are made straight into the list, each with the details box the list shares.
  mutating func append(
    series: String, date: Day, text: VoucherText,
    rows: (
      _ add: (
        _ account: AccountNumber, _ amount: Amount, _ costCentre: String?, _ project: String?,
        _ text: String?
      ) -> Void
    ) -> Void
  ) {
    appendHead(series: series, number: 0, date: date, text: text)
    rows { account, amount, costCentre, project, text in
      allRows.append(
        details.row(account, amount, costCentre: costCentre, project: project, text: text))
    }
    rowEnds.append(allRows.count)
  }

  /// Adds a voucher's series, number, date and text; its rows follow, then the end of its rows.
  private mutating func appendHead(
    series name: String, number: Int, date: Day, text: VoucherText
  ) {
    if storage != nil {
      precondition(count < Int(Int32.max), "too many vouchers")
      storage!.append(Int32(count))
    }
    let series =
      seriesNames.firstIndex(of: name)
      ?? {
        precondition(seriesNames.count <= Int(UInt16.max), "too many voucher series")
        seriesNames.append(name)
        return seriesNames.count - 1
      }()
    seriesPlaces.append(UInt16(series))
    numbers.append(number)
    dates.append(date)
    text.withUTF8 { textBytes.append(contentsOf: $0) }
    textEnds.append(textBytes.count)
  }

  /// How many details boxes the rows share.
  var detailsCount: Int { details.count }

  /// Makes room for `count` vouchers in all.
  public mutating func reserveCapacity(_ count: Int) {
    if count >= Self.populatedCount {
      // Filled by posting on one core while the other has time: let it fault in their pages.
      seriesPlaces.populatesAhead = true
      numbers.populatesAhead = true
      dates.populatesAhead = true
      textEnds.populatesAhead = true
      rowEnds.populatesAhead = true
      textBytes.populatesAhead = true
      allRows.populatesAhead = true
    }
    seriesPlaces.reserveCapacity(count)
    numbers.reserveCapacity(count)
    dates.reserveCapacity(count)
    textEnds.reserveCapacity(count)
    rowEnds.reserveCapacity(count)
  }

  /// From how many vouchers a list made room for has its memory faulted in ahead.
  static let populatedCount = 100_000

  /// The series of the voucher at `place`.
  public func series(at place: Int) -> String { seriesNames[Int(seriesPlaces[stored(place)])] }

  /// The date of the voucher at `place`.
  public func date(at place: Int) -> Day { dates[stored(place)] }

  /// The number of the voucher at `place`.
  public func number(at place: Int) -> Int { numbers[stored(place)] }

  /// Numbers the voucher at `place`.
  mutating func setNumber(_ number: Int, at place: Int) { numbers[stored(place)] = number }

  /// Numbers the vouchers in their order, each series on from its number in `last` (0 for a
  /// series not there); returns `last` with the last number given in each series.
  mutating func numberInOrder(after last: [String: Int]) -> [String: Int] {
    // Counted by the series' place, not its name: no string is compared per voucher.
    var counters = seriesNames.map { last[$0] ?? 0 }
    var used = [Bool](repeating: false, count: seriesNames.count)
    for place in indices {
      let stored = stored(place)
      let series = Int(seriesPlaces[stored])
      counters[series] += 1
      used[series] = true
      numbers[stored] = counters[series]
    }
    var numbered = last
    for series in seriesNames.indices where used[series] {
      numbered[seriesNames[series]] = counters[series]
    }
    return numbered
  }

  /// The first and last number in each series.
  public var numberRanges: [String: ClosedRange<Int>] {
    var ranges = [ClosedRange<Int>?](repeating: nil, count: seriesNames.count)
    for stored in numbers.indices {
      let number = numbers[stored]
      let series = Int(seriesPlaces[stored])
      ranges[series] =
        ranges[series].map { Swift.min($0.lowerBound, number)...Swift.max($0.upperBound, number) }
        ?? number...number
    }
    var result = [String: ClosedRange<Int>]()
    for (series, range) in zip(seriesNames, ranges) {
      if let range { result[series] = range }
    }
    return result
  }

  /// The text of the voucher at `place`.
  public func text(at place: Int) -> String { text(stored: stored(place)) }

  /// Calls `body` with the UTF-8 of the text of the voucher at `place`, where it lies when it
  /// lies in one piece (a copy otherwise), without making the text.
  public func withText<Result>(
    at place: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    let stored = stored(place)
    return try withText(in: (stored == 0 ? 0 : textEnds[stored - 1])..<textEnds[stored], body)
  }

  /// The places in ``allRows`` of the rows of the voucher at `place`.
  public func rowRange(at place: Int) -> Range<Int> { rowRange(stored(place)) }

  /// What a writer needs of a voucher before its text and rows, read for many vouchers at a
  /// time by ``readHeads(of:into:)``.
  struct Head {
    /// The series' place in ``seriesNames``.
    var series: Int
    var number: Int
    var date: Day
    /// The places of its text's UTF-8 in the list's text bytes (``withText(in:_:)``).
    var text: Range<Int>
    /// The places of its rows in ``allRows``.
    var rows: Range<Int>
    /// The sum of its rows in öre.
    var imbalance: Int128
  }

  /// Replaces `heads` with the heads of the vouchers at `places`, their rows added up.
  ///
  /// Vouchers put in date order (``arrange(in:)``) lie scattered in the columns, and reading
  /// one field at a time as each voucher is written waits on memory for every field. Read here
  /// in one tight loop, the reads of many vouchers are under way at once, and their rows, added
  /// up, are at hand for the writing that follows.
  func readHeads(of places: Range<Int>, into heads: inout [Head]) {
    heads.removeAll(keepingCapacity: true)
    // The first and last byte of each text, read only to have them in the cache when the text
    // is written (each a wait on memory otherwise); kept where the optimizer cannot drop them.
    var touched: UInt8 = 0
    for place in places {
      let stored = stored(place)
      let rows = rowRange(stored)
      var imbalance = Int128(0)
      for row in rows { imbalance += Int128(allRows[row].amount.ore) }
      let text = (stored == 0 ? 0 : textEnds[stored - 1])..<textEnds[stored]
      if !text.isEmpty { touched ^= textBytes[text.lowerBound] ^ textBytes[text.upperBound - 1] }
      heads.append(
        Head(
          series: Int(seriesPlaces[stored]), number: numbers[stored], date: dates[stored],
          text: text, rows: rows, imbalance: imbalance))
    }
    Self.touchedBytes.store(touched, ordering: .relaxed)
  }

  /// Where ``readHeads(of:into:)`` leaves the bytes it touched.
  private static let touchedBytes = Atomic<UInt8>(0)

  /// Calls `body` with the text bytes at `range` (a ``Head``'s text), where they lie when they
  /// lie in one piece (a copy otherwise).
  func withText<Result>(
    in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    guard !range.isEmpty else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    var result: Result?
    try textBytes.forEachPiece(of: range) { piece in
      if piece.count == range.count { result = try body(piece) }
    }
    if let result { return result }
    // Across two chunks.
    return try Array(textBytes[range]).withUnsafeBufferPointer(body)
  }

  /// Puts the vouchers in `order`: `order[k]` is the place of the voucher that goes to place
  /// `k`. Nothing is moved: the list reads its vouchers through the order.
  mutating func arrange(in order: [Int]) {
    precondition(order.count == count, "an order of every voucher")
    precondition(count < Int(Int32.max), "too many vouchers")
    // Vouchers already in order are read where they are stored.
    if storage == nil && order.elementsEqual(order.indices) { return }
    var arranged = [Int32]()
    arranged.reserveCapacity(count)
    for source in order { arranged.append(storage?[source] ?? Int32(source)) }
    storage = arranged
  }

  private func stored(_ place: Int) -> Int {
    guard let storage else { return place }
    return Int(storage[place])
  }

  private func rowRange(_ stored: Int) -> Range<Int> {
    (stored == 0 ? 0 : rowEnds[stored - 1])..<rowEnds[stored]
  }

  private func text(stored: Int) -> String {
    let start = stored == 0 ? 0 : textEnds[stored - 1]
    let end = textEnds[stored]
    return String(unsafeUninitializedCapacity: end - start) { buffer in
      var written = 0
      textBytes.forEachPiece(of: start..<end) { piece in
        _ = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(from: piece)
        written += piece.count
      }
      return written
    }
  }
}

extension VoucherList: Equatable {
  public static func == (a: VoucherList, b: VoucherList) -> Bool { a.elementsEqual(b) }
}

extension VoucherList: ExpressibleByArrayLiteral {
  public init(arrayLiteral vouchers: Voucher...) { self.init(vouchers) }
}
