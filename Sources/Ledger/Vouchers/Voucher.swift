import Basics
import Invoicing

/// A row of a voucher: an account, an amount (debit positive, credit negative, as in SIE), the
/// cost centre (SIE dimension 1) and project (SIE dimension 6), and an optional text.
public struct VoucherRow: Hashable, Sendable {
  public var account: AccountNumber
  public var amount: Amount
  /// The dimensions and text, held apart and only when there are any: most rows have none,
  /// and an export of a large book holds millions of rows (24 bytes each instead of 72).
  fileprivate var details: Details?

  public init(
    account: AccountNumber, amount: Amount, costCentre: String? = nil, project: String? = nil,
    text: String? = nil
  ) {
    self.account = account
    self.amount = amount
    // Checked before a box is made: a failing class initializer has allocated already.
    guard costCentre != nil || project != nil || text != nil else { return }
    details = Details(costCentre: costCentre, project: project, text: text)
  }

  public var costCentre: String? {
    get { details?.costCentre }
    set { details = Details(costCentre: newValue, project: project, text: text) }
  }

  public var project: String? {
    get { details?.project }
    set { details = Details(costCentre: costCentre, project: newValue, text: text) }
  }

  public var text: String? {
    get { details?.text }
    set { details = Details(costCentre: costCentre, project: project, text: newValue) }
  }

  /// A row's cost centre, project and text; never all three `nil` (a row without them holds
  /// no box), so that rows compare and hash by their values.
  fileprivate final class Details: Hashable, Sendable {
    let costCentre: String?
    let project: String?
    let text: String?

    init?(costCentre: String?, project: String?, text: String?) {
      guard costCentre != nil || project != nil || text != nil else { return nil }
      self.costCentre = costCentre
      self.project = project
      self.text = text
    }

    static func == (a: Details, b: Details) -> Bool {
      a.costCentre == b.costCentre && a.project == b.project && a.text == b.text
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(costCentre)
      hasher.combine(project)
      hasher.combine(text)
    }
  }
}

/// The details boxes of rows, shared: rows with the same cost centre and project (and no text)
/// hold one box instead of one each. A list of millions of rows keeps one box per pair.
struct RowDetailsPool: Sendable {
  fileprivate var boxes = Set<VoucherRow.Details>()
  /// The box given out last: rows in a row mostly have the same details, found without hashing.
  fileprivate var last: VoucherRow.Details?

  /// How many boxes the pool holds.
  var count: Int { boxes.count }
}

extension VoucherRow {
  /// Gives the row the pool's box for its details when it has an equal one, or adds its own;
  /// a row with a text keeps its box (texts are mostly different).
  mutating func shareDetails(in pool: inout RowDetailsPool) {
    guard let details, details.text == nil else { return }
    if let last = pool.last, last == details {
      self.details = last
    } else if let index = pool.boxes.firstIndex(of: details) {
      self.details = pool.boxes[index]
      pool.last = pool.boxes[index]
    } else {
      pool.boxes.insert(details)
      pool.last = details
    }
  }
}

extension RowDetailsPool {
  /// A row with the pool's box for its cost centre and project: the box given out last when
  /// it is equal (compared without making a box), else an equal one from the pool, else a new
  /// one added. A row with a text gets a box of its own, as ``VoucherRow/shareDetails(in:)``
  /// gives it.
  mutating func row(
    _ account: AccountNumber, _ amount: Amount, costCentre: String?, project: String?,
    text: String?
  ) -> VoucherRow {
    if text == nil, let last, last.costCentre == costCentre, last.project == project {
      var row = VoucherRow(account: account, amount: amount)
      row.details = last
      return row
    }
    var row = VoucherRow(
      account: account, amount: amount, costCentre: costCentre, project: project, text: text)
    row.shareDetails(in: &self)
    return row
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
    try Self.checkRowCount(rows.count, text: text)
    var sum = Amount.zero
    for row in rows {
      guard !row.amount.isZero else {
        throw LedgerError(
          .unbalancedVoucher, .none, "voucher \"\(text)\" has a row of zero on \(row.account)")
      }
      sum += row.amount
    }
    try Self.checkSum(sum, text: text)
    self.series = series
    self.number = number
    self.date = date
    self.text = text
    self.rows = rows
  }

  /// Refuses fewer than two rows.
  static func checkRowCount(_ count: Int, text: @autoclosure () -> String) throws(LedgerError) {
    guard count >= 2 else {
      throw LedgerError(
        .unbalancedVoucher, .none,
        "voucher \"\(text())\" has \(count.counted("row")); a voucher has at least two")
    }
  }

  /// Refuses rows that do not sum to zero.
  static func checkSum(_ sum: Amount, text: @autoclosure () -> String) throws(LedgerError) {
    guard sum.isZero else {
      throw LedgerError(
        .unbalancedVoucher, .none,
        "voucher \"\(text())\" does not balance: its rows sum to \(sum)")
    }
  }

  /// A voucher known to balance: one taken from a ``VoucherList``, which holds only vouchers
  /// built by the checking initializer.
  init(checkedSeries series: String, number: Int, date: Day, text: String, rows: [VoucherRow]) {
    self.series = series
    self.number = number
    self.date = date
    self.text = text
    self.rows = rows
  }

  /// `F 12`, or `F` before it is numbered.
  public var displayName: String { number == 0 ? series : "\(series) \(number)" }
}
