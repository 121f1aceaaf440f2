import Invoicing

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
  private var voucher = Voucher(date: nil)
  private var voucherLocation = SourceLocation(line: 0)
  private var rowLocations: [SourceLocation] = []

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    entries.append(Entry(record: record, location: location, rowLocations: []))
  }

  mutating func beginVoucher(
    _ voucher: Voucher, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    self.voucher = voucher
    voucherLocation = location
    rowLocations = []
  }

  mutating func row(_ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    voucher.rows.append(row.transactionRow)
    rowLocations.append(location)
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    entries.append(Entry(record: .voucher(voucher), location: voucherLocation, rowLocations: rowLocations))
    voucher = Voucher(date: nil)
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

/// The document reader's sink: every record kept, every event checked on the way.
struct DocumentCollector: ParserSink {
  static var wantsDetails: Bool { true }

  var validator: SIEValidator
  var records: [SIERecord] = []
  private var voucher = Voucher(date: nil)

  init(validator: SIEValidator) { self.validator = validator }

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.record(record, at: location, diagnostics: &diagnostics)
    records.append(record)
  }

  mutating func beginVoucher(
    _ voucher: Voucher, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.beginVoucher(voucher, at: location, diagnostics: &diagnostics)
    self.voucher = voucher
  }

  mutating func row(_ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    validator.row(row, at: location, diagnostics: &diagnostics)
    voucher.rows.append(row.transactionRow)
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    validator.endVoucher(diagnostics: &diagnostics)
    records.append(.voucher(voucher))
    voucher = Voucher(date: nil)
  }
}

extension SIEValidator: ParserSink {
  static var wantsDetails: Bool { false }

  mutating func fastVoucher(
    series: String, number: String, numericNumber: Int?, date: Day, registrationDate: Day?,
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
