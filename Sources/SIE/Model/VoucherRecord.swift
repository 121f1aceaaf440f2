import Basics

/// `#VER` with its block of rows.
public struct VoucherRecord: Hashable, Sendable {
  /// The series (`A`, `F`, `LEV1`); empty when the receiver is to choose (allowed in 4I).
  public var series: String
  /// The voucher number within the series, as written (it may exceed any integer type);
  /// empty when the receiver is to number the voucher.
  public var number: String
  /// The voucher date. `nil` only when a file's date is missing or invalid.
  public var date: Day?
  public var text: String
  /// The registration date, when given.
  public var registrationDate: Day?
  /// Who registered the voucher; empty when absent.
  public var sign: String
  /// The rows in file order, including removed (`#BTRANS`) rows and the `#TRANS` twins that
  /// follow `#RTRANS` rows. ``effectiveRows`` gives the voucher as booked.
  public var rows: [TransactionRow]
  public var extra: [RawField]

  public init(
    series: String = "", number: String = "", date: Day?, text: String = "",
    registrationDate: Day? = nil, sign: String = "", rows: [TransactionRow] = [],
    extra: [RawField] = []
  ) {
    self.series = series
    self.number = number
    self.date = date
    self.text = text
    self.registrationDate = registrationDate
    self.sign = sign
    self.rows = rows
    self.extra = extra
  }

  /// The number as an integer, when it is written with digits only (at most 18).
  public var numericNumber: Int? {
    var text = number
    return text.withUTF8 { VoucherRecord.numericNumber($0) }
  }

  /// Digits only (at most 18) as an integer.
  static func numericNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
      let digit = byte &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The rows as booked: `#TRANS` rows not directly preceded by an `#RTRANS`, and the `#RTRANS`
  /// rows. Removed rows (`#BTRANS`) and the backward-compatibility twins are left out (SIE 4B
  /// §11, paired by position).
  public var effectiveRows: [TransactionRow] {
    var result = [TransactionRow]()
    result.reserveCapacity(rows.count)
    forEachEffectiveRow { result.append($0) }
    return result
  }

  /// Calls `body` with every effective row, without building an array.
  @inlinable
  public func forEachEffectiveRow(_ body: (TransactionRow) throws -> Void) rethrows {
    var previousWasAdded = false
    for row in rows {
      switch row.kind {
      case .normal:
        if !previousWasAdded { try body(row) }
        previousWasAdded = false
      case .added:
        try body(row)
        previousWasAdded = true
      case .removed:
        previousWasAdded = false
      }
    }
  }

  /// The sum of the effective rows in öre; zero for a balanced voucher.
  public var imbalance: Int128 {
    var sum: Int128 = 0
    forEachEffectiveRow { sum += Int128($0.amount.ore) }
    return sum
  }

  /// `"A 17"`, or a description of the voucher without series and number.
  public var displayName: String {
    switch (series.isEmpty, number.isEmpty) {
    case (false, false): "\(series) \(number)"
    case (false, true): "\(series) (no number)"
    case (true, false): number
    case (true, true): "(no series or number)" + (date.map { " of \($0)" } ?? "")
    }
  }
}

/// `#TRANS`, `#RTRANS` or `#BTRANS`: a row of a voucher.
///
/// Rows are the bulk of a large file, so the fields most rows leave empty (quantity, sign,
/// unknown trailing fields) are kept together out of line, and only when one is set.
public struct TransactionRow: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `#TRANS`.
    case normal
    /// `#RTRANS`: a row added after the voucher was first registered.
    case added
    /// `#BTRANS`: a row removed after the voucher was first registered; not part of the voucher.
    case removed
  }

  public var kind: Kind
  public var account: AccountNumber
  public var objects: [ObjectReference]
  public var amount: Amount
  /// The row's date when it differs from the voucher's.
  public var date: Day?
  /// Empty when absent.
  public var text: String
  /// The rarely filled fields; `nil` when all are empty.
  private(set) var details: Details?

  /// Quantity, sign and unknown fields, shared between rows that hold the same ones.
  final class Details: Hashable, Sendable {
    let quantity: ExactDecimal?
    let sign: String
    let extra: [RawField]

    init(quantity: ExactDecimal?, sign: String, extra: [RawField]) {
      self.quantity = quantity
      self.sign = sign
      self.extra = extra
    }

    static func == (a: Details, b: Details) -> Bool {
      a.quantity == b.quantity && a.sign == b.sign && a.extra == b.extra
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(quantity)
      hasher.combine(sign)
      hasher.combine(extra)
    }

    static func make(quantity: ExactDecimal?, sign: String, extra: [RawField]) -> Details? {
      quantity == nil && sign.isEmpty && extra.isEmpty
        ? nil : Details(quantity: quantity, sign: sign, extra: extra)
    }
  }

  public var quantity: ExactDecimal? {
    get { details?.quantity }
    set { details = .make(quantity: newValue, sign: sign, extra: extra) }
  }

  /// Empty when absent.
  public var sign: String {
    get { details?.sign ?? "" }
    set { details = .make(quantity: quantity, sign: newValue, extra: extra) }
  }

  public var extra: [RawField] {
    get { details?.extra ?? [] }
    set { details = .make(quantity: quantity, sign: sign, extra: newValue) }
  }

  public init(
    _ kind: Kind = .normal, account: AccountNumber, objects: [ObjectReference] = [],
    amount: Amount, date: Day? = nil, text: String = "", quantity: ExactDecimal? = nil,
    sign: String = "", extra: [RawField] = []
  ) {
    self.kind = kind
    self.account = account
    self.objects = objects
    self.amount = amount
    self.date = date
    self.text = text
    details = .make(quantity: quantity, sign: sign, extra: extra)
  }

  /// A row that shares an existing details box (used by readers to deduplicate).
  init(
    _ kind: Kind, account: AccountNumber, objects: [ObjectReference], amount: Amount, date: Day?,
    text: String, details: Details?
  ) {
    self.kind = kind
    self.account = account
    self.objects = objects
    self.amount = amount
    self.date = date
    self.text = text
    self.details = details
  }
}
