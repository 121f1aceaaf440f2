import Basics

/// One account of a trial balance: opening balance, the year's movements, and the closing
/// balance they give, next to what the file itself declares.
public struct TrialBalanceLine: Hashable, Sendable {
  public var account: AccountNumber
  /// The name from `#KONTO`, or `""`.
  public var name: String
  /// `#IB` of the year (zero for result accounts).
  public var opening: Amount
  /// The sum of the effective rows of the year's vouchers.
  public var movement: Amount
  /// Opening plus movement.
  public var closing: Amount
  /// `#UB` (balance-sheet accounts) or `#RES` (result accounts) of the year; `nil` when the
  /// file declares none of that kind for the year.
  public var declared: Amount?

  /// Whether the file's own closing figure differs from the computed one.
  public var differs: Bool { declared.map { $0 != closing } ?? false }
}

/// A sum did not fit in an `Int64` number of öre.
public struct AmountOverflowError: CodedError, Sendable {
  public var account: AccountNumber
  public var codeName: String { "amount-overflow" }
  public var subject: ErrorSubject { .field(account.description) }
  public var message: String { description }
  public var description: String { "the amounts of account \(account) do not fit in 64 bits" }
}

extension SIEDocument {
  /// The trial balance of fiscal year `year` (0 current, −1 previous), account by account.
  ///
  /// Movements are the effective rows (`#TRANS` not replaced, `#RTRANS`; never `#BTRANS`) of
  /// the vouchers dated inside the year's `#RAR`; of all vouchers when year 0 has no `#RAR`.
  /// How many vouchers ``trialBalance(year:)`` leaves out: those without a date, or dated
  /// outside the fiscal year (none when the file declares no such year).
  public func vouchersOutside(year: Int = 0) -> Int {
    guard let range = fiscalYear(year) else { return year == 0 ? 0 : vouchers.count }
    return vouchers.count { voucher in voucher.date.map { !range.contains($0) } ?? true }
  }

  public func trialBalance(year: Int = 0) throws(AmountOverflowError) -> [TrialBalanceLine] {
    var opening = [AccountNumber: Int128]()
    var closing = [AccountNumber: Int128]()
    var result = [AccountNumber: Int128]()
    var movement = [AccountNumber: Int128]()
    for balance in balances where balance.year == year {
      switch balance.kind {
      case .opening: opening[balance.account, default: 0] += Int128(balance.amount.ore)
      case .closing: closing[balance.account, default: 0] += Int128(balance.amount.ore)
      case .result: result[balance.account, default: 0] += Int128(balance.amount.ore)
      }
    }
    let range = fiscalYear(year)
    for voucher in vouchers {
      if let range {
        guard let date = voucher.date, range.contains(date) else { continue }
      } else if year != 0 {
        continue
      }
      voucher.forEachEffectiveRow { row in
        movement[row.account, default: 0] += Int128(row.amount.ore)
      }
    }
    let names = accountNames
    let types = accountTypes
    var accounts = Set(opening.keys).union(closing.keys).union(result.keys).union(movement.keys)
    accounts.remove(AccountNumber(""))
    var lines = [TrialBalanceLine]()
    for account in accounts.sorted() {
      let isBalanceSheet =
        types[account]?.isBalanceSheet ?? account.accountClass.map { $0 <= 2 } ?? true
      let open = isBalanceSheet ? opening[account] ?? 0 : 0
      let moved = movement[account] ?? 0
      // Zero balances may be left out of a file (§5.17): once a file declares any closing
      // balance or result for the year, a missing one means zero.
      let declared: Int128? =
        isBalanceSheet
        ? (closing.isEmpty ? nil : closing[account] ?? 0)
        : (result.isEmpty ? nil : result[account] ?? 0)
      func amount(_ value: Int128) throws(AmountOverflowError) -> Amount {
        guard let ore = Int64(exactly: value) else { throw AmountOverflowError(account: account) }
        return Amount(ore: ore)
      }
      lines.append(
        TrialBalanceLine(
          account: account, name: names[account] ?? "", opening: try amount(open),
          movement: try amount(moved), closing: try amount(open + moved),
          declared: try declared.map { value throws(AmountOverflowError) in try amount(value) }))
    }
    return lines
  }
}
