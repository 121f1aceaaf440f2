import Basics
import Invoicing

/// Collects the rows of one voucher as a posting rule produces them: rows on the same account
/// with the same dimensions and text are added together (in the order first seen), and rows
/// that come to zero are dropped.
///
/// A rule's voucher has a handful of rows, found by looking through them; a day's summary can
/// have many, and past ``indexThreshold`` of them they are found through a table.
struct VoucherBuilder {
  private struct Key: Hashable {
    var account: AccountNumber
    var costCentre: String?
    var project: String?
    var text: String?
  }

  /// A distinct row and its sum.
  private struct Sum {
    var key: Key
    var amount: Amount
  }

  /// How many distinct rows are looked through before a table is made.
  static let indexThreshold = 16

  let series: String
  let date: Day
  let text: VoucherText
  /// The distinct rows in the order first seen, with their sums.
  private var sums: [Sum] = []
  /// Each key's place in `sums`, once there are more than ``indexThreshold``.
  private var places: [Key: Int]?

  init(series: String, date: Day, text: String) {
    self.init(series: series, date: date, text: VoucherText(text))
  }

  init(series: String, date: Day, text: VoucherText) {
    self.series = series
    self.date = date
    self.text = text
    // Room for a rule's rows at once, instead of growing by doubling from one.
    sums.reserveCapacity(Self.usualRows)
  }

  /// The rows most vouchers of a posting rule have at most.
  static let usualRows = 6

  /// Adds `amount` (debit positive) to `account`.
  mutating func add(
    _ account: AccountNumber, _ amount: Amount, costCentre: String? = nil, project: String? = nil,
    text: String? = nil
  ) {
    guard !amount.isZero else { return }
    let key = Key(account: account, costCentre: costCentre, project: project, text: text)
    if let place = place(of: key) {
      sums[place].amount += amount
      return
    }
    sums.append(Sum(key: key, amount: amount))
    if places != nil {
      places![key] = sums.count - 1
    } else if sums.count > Self.indexThreshold {
      places = Dictionary(uniqueKeysWithValues: zip(sums.lazy.map(\.key), sums.indices))
    }
  }

  private func place(of key: Key) -> Int? {
    if let places { return places[key] }
    return sums.firstIndex { $0.key == key }
  }

  mutating func add(_ row: VoucherRow) {
    add(row.account, row.amount, costCentre: row.costCentre, project: row.project, text: row.text)
  }

  var isEmpty: Bool { sums.allSatisfy(\.amount.isZero) }

  /// The rows so far, in the order first seen (zero sums left out).
  var rows: [VoucherRow] {
    var rows = [VoucherRow]()
    rows.reserveCapacity(sums.count)
    for sum in sums where !sum.amount.isZero {
      let key = sum.key
      rows.append(
        VoucherRow(
          account: key.account, amount: sum.amount, costCentre: key.costCentre,
          project: key.project, text: key.text))
    }
    return rows
  }

  /// Checks the rows as ``build()`` does, without making them: `false` when every row came to
  /// zero (nothing to book); refuses fewer than two rows, or rows that do not balance.
  func check() throws(LedgerError) -> Bool {
    var count = 0
    var sum = Amount.zero
    for row in sums where !row.amount.isZero {
      count += 1
      sum += row.amount
    }
    guard count > 0 else { return false }
    try Voucher.checkRowCount(count, text: text.string)
    try Voucher.checkSum(sum, text: text.string)
    return true
  }

  /// Adds the voucher to `list` without making it: its rows as ``rows`` gives them. Only after
  /// ``check()`` said there is one to book.
  func write(to list: inout VoucherList) {
    list.append(series: series, date: date, text: text) { add in
      // By place, each field lent where it lies: a copy of each sum retained its texts.
      sums.withUnsafeBufferPointer { sums in
        for place in sums.indices where !sums[place].amount.isZero {
          add(
            sums[place].key.account, sums[place].amount, sums[place].key.costCentre,
            sums[place].key.project, sums[place].key.text)
        }
      }
    }
  }

  /// The voucher, or `nil` when every row came to zero (nothing to book).
  func build() throws(LedgerError) -> Voucher? {
    let rows = rows
    guard !rows.isEmpty else { return nil }
    return try Voucher(series: series, date: date, text: text.string, rows: rows)
  }
}
