import Basics

/// Writes an SIE 4 file whose vouchers are made one at a time: the records before the vouchers
/// as a document, then each voucher as it comes, so that the vouchers are never held as a
/// document. The bytes are those ``SIEWriter/encode(_:)`` gives for the header document with
/// the vouchers appended.
///
/// ```swift
/// let output = try SIEVoucherStream.encode(header: header, options: .init(transliterate: true)) {
///   stream in for voucher in vouchers { stream.write(voucher) }
/// }
/// ```
public final class SIEVoucherStream {
  /// Reached only by this stream's own methods, one at a time: not checked for overlapping
  /// access at run time, a check each row written would otherwise pay.
  @exclusivity(unchecked) private var writer: RecordWriter
  private var finished = false
  /// The rows written of the voucher begun with
  /// ``beginVoucher(series:number:date:text:registrationDate:)``; nil between vouchers.
  private var openRows: Int?

  /// Starts with `header` (the records before the vouchers; any vouchers it holds come
  /// first), completed and ordered as the writer writes a document; `estimatedBytes` sizes
  /// the first buffer.
  public convenience init(
    header: SIEDocument, options: SIEWriter.Options = .init(), estimatedBytes: Int = 1 << 16
  ) {
    self.init(header: header, options: options, sink: ByteSink(capacity: estimatedBytes))
  }

  private init(header: SIEDocument, options: SIEWriter.Options, sink: ByteSink) {
    writer = RecordWriter(options: options, sink: sink)
    writer.writeRecords(of: header.completedForWriting())
  }

  deinit {
    if !finished { writer.sink.discard() }
  }

  /// Writes `header`, then the vouchers `body` hands the stream, straight into the array of
  /// the output when they fit in `estimatedBytes` (the output is then never copied).
  ///
  /// - Throws: ``SIEWriteError`` as ``finish()`` does.
  public static func encode(
    header: SIEDocument, options: SIEWriter.Options = .init(), estimatedBytes: Int = 1 << 16,
    _ body: (SIEVoucherStream) -> Void
  ) throws(SIEWriteError) -> SIEWriter.Output {
    var ending: (changes: [Diagnostic], checksum: UInt32?, failures: [Diagnostic])?
    let bytes = ByteSink.output(estimatedBytes: estimatedBytes) { memory in
      let stream = SIEVoucherStream(
        header: header, options: options, sink: ByteSink(lending: memory))
      body(stream)
      let end = stream.end()
      ending = end
      guard end.failures.isEmpty else {
        stream.writer.sink.discard()
        return nil
      }
      return stream.writer.sink
    }
    guard let ending, let bytes else {
      throw SIEWriteError(problems: ending?.failures ?? [])
    }
    return SIEWriter.Output(bytes: bytes, changes: ending.changes, checksum: ending.checksum)
  }

  /// Appends a voucher after those written so far.
  public func write(_ voucher: VoucherRecord) {
    precondition(!finished, "the stream is finished")
    precondition(openRows == nil, "a voucher is begun and not ended")
    writer.writeVoucher(voucher)
  }

  /// Begins a voucher given by its parts, for a caller that holds its vouchers in columns
  /// rather than as ``VoucherRecord``s: the text as UTF-8, the rows given one at a time with
  /// ``writeRow(account:objects:amount:text:)``, then ``endVoucher()``. The bytes are those
  /// ``write(_:)`` writes for `VoucherRecord(series:number:date:text:registrationDate:rows:)`
  /// with the number in decimal and rows made by `TransactionRow(account:objects:amount:text:)`.
  ///
  /// ```swift
  /// "Faktura 1001".utf8.withContiguousStorageIfAvailable {
  ///   stream.beginVoucher(series: "F", number: 1, date: day, text: $0, registrationDate: day)
  /// }
  /// stream.writeRow(account: "1510", objects: [], amount: total, text: "")
  /// stream.writeRow(account: "3001", objects: [], amount: -total, text: "")
  /// stream.endVoucher()
  /// ```
  public func beginVoucher(
    series: String, number: Int, date: Day, text: UnsafeBufferPointer<UInt8>,
    registrationDate: Day?
  ) {
    precondition(!finished, "the stream is finished")
    precondition(openRows == nil, "a voucher is begun and not ended")
    writer.beginVoucher(
      series: series, number: number, date: date, text: text, registrationDate: registrationDate)
    openRows = 0
  }

  /// Writes a row of the voucher begun.
  public func writeRow(
    account: AccountNumber, objects: [ObjectReference], amount: Amount, text: String
  ) {
    guard let index = openRows else { preconditionFailure("no voucher is begun") }
    writer.writeRow(account: account, objects: objects, amount: amount, text: text, index: index)
    openRows = index + 1
  }

  /// Ends the voucher begun.
  public func endVoucher() {
    precondition(openRows != nil, "no voucher is begun")
    writer.endVoucher()
    openRows = nil
  }

  /// The bytes written and not yet handed out by ``drain(_:)``.
  public var pendingByteCount: Int { writer.sink.count }

  /// Hands `body` the bytes written since the last call and lets go of them, so that a file
  /// written in pieces is never held whole; ``finish()`` returns what follows the last piece.
  /// The `#KSUMMA` checksum goes on over every piece.
  ///
  /// ```swift
  /// stream.write(voucher)
  /// if stream.pendingByteCount >= 1 << 20 { try stream.drain { try file.write($0) } }
  /// ```
  public func drain<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
    precondition(!finished, "the stream is finished")
    try writer.sink.drain(body)
  }

  /// The bytes written (with the closing `#KSUMMA` when asked for).
  ///
  /// - Throws: ``SIEWriteError`` listing every character code page 437 lacks (unless
  ///   transliterating), as ``SIEWriter/encode(_:)`` does.
  public func finish() throws(SIEWriteError) -> SIEWriter.Output {
    let end = end()
    guard end.failures.isEmpty else {
      writer.sink.discard()
      throw SIEWriteError(problems: end.failures)
    }
    return SIEWriter.Output(
      bytes: writer.sink.finish(), changes: end.changes, checksum: end.checksum)
  }

  /// Writes the closing `#KSUMMA`; what the output comes with. The sink is the caller's then.
  private func end() -> (changes: [Diagnostic], checksum: UInt32?, failures: [Diagnostic]) {
    precondition(!finished, "the stream is finished")
    precondition(openRows == nil, "a voucher is begun and not ended")
    finished = true
    writer.finishChecksum()
    return (
      writer.encoder.changes, writer.checksum ? writer.sink.crc.value : nil, writer.encoder.failures
    )
  }
}
