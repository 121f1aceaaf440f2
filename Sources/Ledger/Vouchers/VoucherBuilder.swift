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

  /// How many distinct rows are looked through before a table is made.
  static let indexThreshold = 16

  let series: String
  let date: Day
  let text: String
  /// The distinct rows in the order first seen, and their sums.
  private var keys: [Key] = []
  private var sums: [Amount] = []
  /// Each key's place in `keys`, once there are more than ``indexThreshold``.
  private var places: [Key: Int]?

  init(series: String, date: Day, text: String) {
    self.series = series
    self.date = date
    self.text = text
  }

  /// Adds `amount` (debit positive) to `account`.
  mutating func add(
    _ account: AccountNumber, _ amount: Amount, costCentre: String? = nil, project: String? = nil,
    text: String? = nil
  ) {
    guard !amount.isZero else { return }
    let key = Key(account: account, costCentre: costCentre, project: project, text: text)
    if let place = place(of: key) {
      sums[place] += amount
      return
    }
    keys.append(key)
    sums.append(amount)
    if places != nil {
      places![key] = keys.count - 1
    } else if keys.count > Self.indexThreshold {
      places = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
    }
  }

  private func place(of key: Key) -> Int? {
    if let places { return places[key] }
    return keys.firstIndex(of: key)
  }

  mutating func add(_ row: VoucherRow) {
    add(row.account, row.amount, costCentre: row.costCentre, project: row.project, text: row.text)
  }

  var isEmpty: Bool { sums.allSatisfy(\.isZero) }

  /// The rows so far, in the order first seen (zero sums left out).
  var rows: [VoucherRow] {
    var rows = [VoucherRow]()
    rows.reserveCapacity(keys.count)
    for (key, amount) in zip(keys, sums) where !amount.isZero {
      rows.append(
        VoucherRow(
          account: key.account, amount: amount, costCentre: key.costCentre, project: key.project,
          text: key.text))
    }
    return rows
  }

  /// The voucher, or `nil` when every row came to zero (nothing to book).
  func build() throws(LedgerError) -> Voucher? {
    try build(rows: rows)
  }

  /// The voucher of `rows` (this builder's ``rows``, computed once by a caller that needs them
  /// too), or `nil` when there are none.
  func build(rows: [VoucherRow]) throws(LedgerError) -> Voucher? {
    guard !rows.isEmpty else { return nil }
    return try Voucher(series: series, date: date, text: text, rows: rows)
  }
}
