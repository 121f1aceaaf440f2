import Basics

/// The streaming reader's sink: complete records, vouchers with their rows, in a queue.
struct RecordQueue: ParserSink {
  static var wantsDetails: Bool { true }

  struct Entry {
    var record: SIERecord
    var location: SourceLocation
    var rowLocations: [SourceLocation]
  }

  var entries: [Entry] = []
  var next = 0
  private var voucher = VoucherRecord(date: nil)
  private var voucherLocation = SourceLocation(line: 0)
  private var rowLocations: [SourceLocation] = []

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    entries.append(Entry(record: record, location: location, rowLocations: []))
  }

  mutating func beginVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    self.voucher = voucher
    voucherLocation = location
    rowLocations = []
  }

  mutating func row(
    _ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    voucher.rows.append(row.transactionRow)
    rowLocations.append(location)
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    entries.append(
      Entry(record: .voucher(voucher), location: voucherLocation, rowLocations: rowLocations))
    voucher = VoucherRecord(date: nil)
  }

  /// Takes the oldest entry.
  mutating func pop() -> Entry? {
    guard next < entries.count else { return nil }
    let entry = entries[next]
    next += 1
    if next == entries.count {
      entries.removeAll(keepingCapacity: true)
      next = 0
    }
    return entry
  }
}

/// The document reader's sink: every record kept, every event checked on the way. Repeated
/// texts, object lists and row details are stored once, and each voucher's rows in an array of
/// exactly their number, so that a document takes little more memory than its file.
struct DocumentCollector: ParserSink {
  static var wantsDetails: Bool { true }

  var validator: SIEValidator
  var records: [SIERecord] = []
  private var voucher = VoucherRecord(date: nil)
  private var rows: [TransactionRow] = []
  private var texts = Interner<String>()
  private var objectLists = Interner<[ObjectReference]>()
  private var details = Interner<TransactionRow.Details>()

  init(validator: SIEValidator) { self.validator = validator }

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.record(record, at: location, diagnostics: &diagnostics)
    records.append(record)
  }

  mutating func beginVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.beginVoucher(voucher, at: location, diagnostics: &diagnostics)
    self.voucher = voucher
  }

  mutating func row(
    _ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.row(row, at: location, diagnostics: &diagnostics)
    let shared = TransactionRow.Details.make(
      quantity: row.quantity, sign: row.sign, extra: row.extra)
    rows.append(
      TransactionRow(
        row.kind, account: row.account.number,
        objects: row.objects.isEmpty ? [] : objectLists.intern(row.objects), amount: row.amount,
        date: row.date, text: row.text.isEmpty ? "" : texts.intern(row.text),
        details: shared.map { details.intern($0) }))
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    validator.endVoucher(diagnostics: &diagnostics)
    var exact = [TransactionRow]()
    exact.reserveCapacity(rows.count)
    exact.append(contentsOf: rows)
    rows.removeAll(keepingCapacity: true)
    voucher.rows = exact
    records.append(.voucher(voucher))
    voucher = VoucherRecord(date: nil)
  }
}

extension SIEValidator: ParserSink {
  static var wantsDetails: Bool { false }

  mutating func fastVoucher(
    series: String, number: String?, numericNumber: Int?, date: Day, registrationDate: Day?,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    beginVoucher(
      series: series, number: number, numericNumber: numericNumber, date: date, at: location,
      diagnostics: &diagnostics)
  }

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    check(record, at: location, diagnostics: &diagnostics)
  }
}

/// Hands out one shared copy of equal values, up to a limit of distinct ones.
struct Interner<Value: Hashable> {
  private var table: [Value: Value] = [:]
  private let limit = 1 << 16

  mutating func intern(_ value: Value) -> Value {
    if let existing = table[value] { return existing }
    if table.count < limit { table[value] = value }
    return value
  }
}
