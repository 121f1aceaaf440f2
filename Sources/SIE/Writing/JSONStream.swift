import Basics

/// Converts an SIE file to JSON while reading it: each record is written when it is complete,
/// and a voucher's rows one by one, so memory stays small whatever the file's size or its
/// largest voucher. Records come in file order.
///
/// The output is one object: `"file"`, `"records"` (each as ``SIERecord/jsonValue``, pretty
/// printed) and, last, `"encoding"`, which is known only once the file is read.
public enum SIEJSONStream {
  /// Reads the file at `path`, hands the JSON to `output` in pieces of about 1 MiB, and returns
  /// the validation report.
  ///
  /// - Throws: ``FileError`` when the file cannot be opened, or the first error `output` threw
  ///   (reading stops writing then).
  public static func convert(
    path: String, label: String? = nil, options: ValidationOptions = ValidationOptions(),
    output: @escaping ([UInt8]) throws -> Void
  ) throws -> ValidationReport {
    let file = try OpenFile(path: path)
    let source = LineSource(descriptor: file.descriptor, chunkSize: 1 << 20)
    return try withExtendedLifetime(file) {
      var core = ParserCore(
        source: source, strict: options.strict,
        sink: JSONStreamSink(validator: SIEValidator(options: options), output: output))
      defer { core.deallocate() }
      core.sink.begin(file: label ?? path)
      core.run()
      var validator = core.sink.validator
      let report = validator.finish(from: &core)
      core.sink.end(encoding: report.encoding.rawValue)
      if let failure = core.sink.failure { throw failure }
      return report
    }
  }
}

/// The sink behind ``SIEJSONStream``: the validator sees every event; the JSON goes out in
/// pieces.
struct JSONStreamSink: ParserSink {
  static var wantsDetails: Bool { true }

  var validator: SIEValidator
  let output: ([UInt8]) throws -> Void
  var failure: (any Error)?
  private var buffer: [UInt8] = []
  private var records = 0
  private var voucherRows = 0

  init(validator: SIEValidator, output: @escaping ([UInt8]) throws -> Void) {
    self.validator = validator
    self.output = output
    buffer.reserveCapacity(1 << 20 + 4096)
  }

  mutating func begin(file: String) {
    buffer.append(contentsOf: "{\n  \"file\": ".utf8)
    JSONValue.writeString(file, to: &buffer)
    buffer.append(contentsOf: ",\n  \"records\": [".utf8)
  }

  mutating func end(encoding: String) {
    buffer.append(contentsOf: (records == 0 ? "]" : "\n  ]").utf8)
    buffer.append(contentsOf: ",\n  \"encoding\": ".utf8)
    JSONValue.writeString(encoding, to: &buffer)
    buffer.append(contentsOf: "\n}\n".utf8)
    flush(force: true)
  }

  private mutating func flush(force: Bool = false) {
    guard force || buffer.count >= 1 << 20, !buffer.isEmpty else { return }
    if failure == nil {
      do { try output(buffer) } catch { failure = error }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func startRecord() {
    buffer.append(contentsOf: (records == 0 ? "\n    " : ",\n    ").utf8)
    records += 1
  }

  mutating func record(
    _ record: SIERecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.record(record, at: location, diagnostics: &diagnostics)
    startRecord()
    record.jsonValue.write(to: &buffer, pretty: true, indent: 2)
    flush()
  }

  mutating func beginVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.beginVoucher(voucher, at: location, diagnostics: &diagnostics)
    startRecord()
    // The voucher's object without its rows, left open: rows follow as they are read.
    var header = voucher
    header.rows = []
    var object = [UInt8]()
    SIERecord.voucher(header).jsonValue.write(to: &object, pretty: true, indent: 2)
    let closing = Array("\"rows\": []\n    }".utf8)
    if object.count >= closing.count && object.suffix(closing.count).elementsEqual(closing) {
      object.removeLast(closing.count)
    }
    buffer.append(contentsOf: object)
    buffer.append(contentsOf: "\"rows\": [".utf8)
    voucherRows = 0
  }

  mutating func row(
    _ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    validator.row(row, at: location, diagnostics: &diagnostics)
    buffer.append(contentsOf: (voucherRows == 0 ? "\n        " : ",\n        ").utf8)
    voucherRows += 1
    row.transactionRow.jsonValue.write(to: &buffer, pretty: true, indent: 4)
    flush()
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    validator.endVoucher(diagnostics: &diagnostics)
    buffer.append(contentsOf: (voucherRows == 0 ? "]\n    }" : "\n      ]\n    }").utf8)
    flush()
  }
}
