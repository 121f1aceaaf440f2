import Basics
import Invoicing

/// A row of a voucher: an account, an amount (debit positive, credit negative, as in SIE), the
/// cost centre (SIE dimension 1) and project (SIE dimension 6), and an optional text.
public struct VoucherRow: Hashable, Sendable {
  public var account: AccountNumber
  public var amount: Amount
  public var costCentre: String?
  public var project: String?
  public var text: String?

  public init(
    account: AccountNumber, amount: Amount, costCentre: String? = nil, project: String? = nil,
    text: String? = nil
  ) {
    self.account = account
    self.amount = amount
    self.costCentre = costCentre
    self.project = project
    self.text = text
  }
}

/// A balanced voucher (verifikation): series, number, date, text and at least two rows that
/// sum to zero öre.
///
/// The balance rule is checked here and only here: a voucher that does not balance cannot be
/// built. Numbers are given when a voucher is first exported (0 before).
public struct Voucher: Hashable, Sendable {
  public let series: String
  public internal(set) var number: Int
  public internal(set) var date: Day
  public let text: String
  public let rows: [VoucherRow]

  /// Builds a voucher, refusing one that does not balance, has fewer than two rows, or a row
  /// of zero.
  public init(series: String, number: Int = 0, date: Day, text: String, rows: [VoucherRow])
    throws(LedgerError)
  {
    guard rows.count >= 2 else {
      throw LedgerError(
        .unbalancedVoucher, .none,
        "voucher \"\(text)\" has \(rows.count.counted("row")); a voucher has at least two")
    }
    var sum = Amount.zero
    for row in rows {
      guard !row.amount.isZero else {
        throw LedgerError(
          .unbalancedVoucher, .none, "voucher \"\(text)\" has a row of zero on \(row.account)")
      }
      sum += row.amount
    }
    guard sum.isZero else {
      throw LedgerError(
        .unbalancedVoucher, .none, "voucher \"\(text)\" does not balance: its rows sum to \(sum)")
    }
    self.series = series
    self.number = number
    self.date = date
    self.text = text
    self.rows = rows
  }

  /// `F 12`, or `F` before it is numbered.
  public var displayName: String { number == 0 ? series : "\(series) \(number)" }
}
