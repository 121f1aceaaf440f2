import Basics

/// `#IB`, `#UB` or `#RES`: a year's balance of an account.
public struct Balance: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `#IB`, ingående balans.
    case opening
    /// `#UB`, utgående balans.
    case closing
    /// `#RES`, the year's result on a result account.
    case result
  }

  public var kind: Kind
  /// The fiscal year: 0 current, −1 previous, …
  public var year: Int
  public var account: AccountNumber
  public var amount: Amount
  public var quantity: ExactDecimal?
  public var extra: [RawField]

  public init(
    _ kind: Kind, year: Int, account: AccountNumber, amount: Amount,
    quantity: ExactDecimal? = nil, extra: [RawField] = []
  ) {
    self.kind = kind
    self.year = year
    self.account = account
    self.amount = amount
    self.quantity = quantity
    self.extra = extra
  }
}

/// `#OIB` or `#OUB`: a year's balance of an account for one object.
public struct ObjectBalance: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case opening, closing
  }

  public var kind: Kind
  public var year: Int
  public var account: AccountNumber
  public var objects: [ObjectReference]
  public var amount: Amount
  public var quantity: ExactDecimal?
  public var extra: [RawField]

  public init(
    _ kind: Kind, year: Int, account: AccountNumber, objects: [ObjectReference],
    amount: Amount, quantity: ExactDecimal? = nil, extra: [RawField] = []
  ) {
    self.kind = kind
    self.year = year
    self.account = account
    self.objects = objects
    self.amount = amount
    self.quantity = quantity
    self.extra = extra
  }
}

/// A calendar month, `YYYYMM` in SIE.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int

  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Reads `YYYYMM`.
  public init?(yyyymm text: some StringProtocol) {
    guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let value = Int(text)
    else { return nil }
    self.init(year: value / 100, month: value % 100)
  }

  public static func < (a: Period, b: Period) -> Bool { (a.year, a.month) < (b.year, b.month) }

  /// `YYYYMM`.
  public var description: String {
    String(year) + (month < 10 ? "0" : "") + String(month)
  }
}

/// `#PSALDO` or `#PBUDGET`: a month's balance or budget of an account, in total or per object.
public struct PeriodBalance: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `#PSALDO`.
    case actual
    /// `#PBUDGET`.
    case budget
  }

  public var kind: Kind
  public var year: Int
  public var period: Period
  public var account: AccountNumber
  /// Empty for the account's total.
  public var objects: [ObjectReference]
  public var amount: Amount
  public var quantity: ExactDecimal?
  public var extra: [RawField]

  public init(
    _ kind: Kind, year: Int, period: Period, account: AccountNumber,
    objects: [ObjectReference] = [], amount: Amount, quantity: ExactDecimal? = nil,
    extra: [RawField] = []
  ) {
    self.kind = kind
    self.year = year
    self.period = period
    self.account = account
    self.objects = objects
    self.amount = amount
    self.quantity = quantity
    self.extra = extra
  }
}
