import Basics
import Invoicing

/// Collects the rows of one voucher as a posting rule produces them: rows on the same account
/// with the same dimensions and text are added together (in the order first seen), and rows
/// that come to zero are dropped.
struct VoucherBuilder {
  private struct Key: Hashable {
    var account: AccountNumber
    var costCentre: String?
    var project: String?
    var text: String?
  }

  let series: String
  let date: Day
  let text: String
  private var order: [Key] = []
  private var sums: [Key: Amount] = [:]

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
    if let sum = sums[key] {
      sums[key] = sum + amount
    } else {
      order.append(key)
      sums[key] = amount
    }
  }

  mutating func add(_ row: VoucherRow) {
    add(row.account, row.amount, costCentre: row.costCentre, project: row.project, text: row.text)
  }

  var isEmpty: Bool { order.allSatisfy { sums[$0]!.isZero } }

  /// The rows so far, in the order first seen (zero sums left out).
  var rows: [VoucherRow] {
    order.compactMap { key in
      let amount = sums[key]!
      return amount.isZero
        ? nil
        : VoucherRow(
          account: key.account, amount: amount, costCentre: key.costCentre, project: key.project,
          text: key.text)
    }
  }

  /// The voucher, or `nil` when every row came to zero (nothing to book).
  func build() throws(LedgerError) -> Voucher? {
    let rows = order.compactMap { key -> VoucherRow? in
      let amount = sums[key]!
      return amount.isZero
        ? nil
        : VoucherRow(
          account: key.account, amount: amount, costCentre: key.costCentre, project: key.project,
          text: key.text)
    }
    guard !rows.isEmpty else { return nil }
    return try Voucher(series: series, date: date, text: text, rows: rows)
  }
}
