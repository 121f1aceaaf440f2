import Basics

/// What the engine delivers, and to whom: the streaming reader, the document reader and the
/// validator each receive the same events. Vouchers arrive in pieces (header, rows, end) so
/// that a consumer that only checks them never builds them.
protocol ParserSink {
  /// Whether rows need their texts, quantities, signs and extra fields decoded (and voucher
  /// headers their texts): true for consumers that keep rows, false for the validator. A sink
  /// that wants no details may also receive an object of a row's list only on its first use.
  static var wantsDetails: Bool { get }

  /// A record other than a voucher or a row.
  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector)
  /// A `#VER`, without rows.
  mutating func beginVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector)
  /// A row of the open voucher.
  mutating func row(
    _ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector)
  /// The open voucher is complete.
  mutating func endVoucher(diagnostics: inout DiagnosticCollector)

  /// The fast path's `#VER`: plain values only (see ``ParserCore/scanFast()``); `number` is
  /// `nil` when it is `numericNumber` written in plain digits.
  mutating func fastVoucher(
    series: String, number: String?, numericNumber: Int?, date: Day, registrationDate: Day?,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector)
  /// The fast path's row: plain values only, without the details (date, text, quantity) that
  /// the sink does not want; `newObjects` holds the objects of its list that were not
  /// delivered before.
  mutating func fastRow(
    _ kind: TransactionRow.Kind, slot: Int, newObjects: [ObjectReference], amount: Amount,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector)
}

extension ParserSink {
  mutating func fastVoucher(
    series: String, number: String?, numericNumber: Int?, date: Day, registrationDate: Day?,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    beginVoucher(
      VoucherRecord(
        series: series, number: number ?? numericNumber.map { String($0) } ?? "", date: date,
        registrationDate: registrationDate),
      at: location, diagnostics: &diagnostics)
  }

  mutating func fastRow(
    _ kind: TransactionRow.Kind, slot: Int, newObjects: [ObjectReference], amount: Amount,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    row(
      RowView(kind: kind, account: AccountKey(slot: slot), objects: newObjects, amount: amount),
      at: location, diagnostics: &diagnostics)
  }
}

/// An account as the engine reads it: numeric accounts below 100 000 (the usual four-digit
/// ones) as a number, so that tables can index by it; everything else as text.
struct AccountKey: Hashable {
  /// The account as a number, or −1.
  let slot: Int
  /// The account as text, when it is not a slot.
  let other: AccountNumber?

  init(slot: Int) {
    self.slot = slot
    other = nil
  }

  init(_ account: AccountNumber) {
    if let value = account.plainValue, value < 100_000 {
      slot = Int(value)
      other = nil
    } else if let slot = AccountKey.slot(account.text.utf8) {
      self.slot = slot
      other = nil
    } else {
      slot = -1
      other = account
    }
  }

  /// The slot of digits written without a leading zero (or `0`), below 100 000.
  static func slot(_ bytes: some Sequence<UInt8>) -> Int? {
    var value = 0
    var count = 0
    var first: UInt8 = 0
    for byte in bytes {
      let digit = byte &- 0x30
      guard digit < 10, count < 5 else { return nil }
      if count == 0 { first = byte }
      value = value * 10 + Int(digit)
      count += 1
    }
    guard count > 0, count == 1 || first != 0x30 else { return nil }
    return value
  }

  var number: AccountNumber { other ?? AccountNumber(slot) }
}

/// A row as the engine reads it, before it becomes a ``TransactionRow`` (or is only checked).
struct RowView {
  var kind: TransactionRow.Kind
  var account: AccountKey
  var objects: [ObjectReference]
  var amount: Amount
  var date: Day?
  /// The details below are decoded only for sinks that want them.
  var text = ""
  var quantity: ExactDecimal?
  var sign = ""
  var extra: [RawField] = []

  init(_ row: TransactionRow) {
    kind = row.kind
    account = AccountKey(row.account)
    objects = row.objects
    amount = row.amount
    date = row.date
    text = row.text
    quantity = row.quantity
    sign = row.sign
    extra = row.extra
  }

  init(kind: TransactionRow.Kind, account: AccountKey, objects: [ObjectReference], amount: Amount) {
    self.kind = kind
    self.account = account
    self.objects = objects
    self.amount = amount
  }

  var transactionRow: TransactionRow {
    TransactionRow(
      kind, account: account.number, objects: objects, amount: amount, date: date, text: text,
      quantity: quantity, sign: sign, extra: extra)
  }
}
