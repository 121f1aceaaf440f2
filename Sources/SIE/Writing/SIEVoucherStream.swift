import Basics

/// Writes an SIE 4 file whose vouchers are made one at a time: the records before the vouchers
/// as a document, then each voucher as it comes, so that the vouchers are never held as a
/// document. The bytes are those ``SIEWriter/encode(_:)`` gives for the header document with
/// the vouchers appended.
///
/// ```swift
/// let stream = SIEVoucherStream(header: header, options: .init(transliterate: true))
/// for voucher in vouchers { stream.write(voucher) }
/// let output = try stream.finish()
/// ```
public final class SIEVoucherStream {
  private var writer: RecordWriter
  private var finished = false

  /// Starts with `header` (records other than vouchers), completed and ordered as the writer
  /// writes a document; `estimatedBytes` sizes the first buffer.
  public init(
    header: SIEDocument, options: SIEWriter.Options = .init(), estimatedBytes: Int = 1 << 16
  ) {
    writer = RecordWriter(options: options, capacity: estimatedBytes)
    writer.writeRecords(of: header.completedForWriting())
  }

  deinit {
    if !finished { writer.sink.discard() }
  }

  /// Appends a voucher after those written so far.
  public func write(_ voucher: VoucherRecord) {
    precondition(!finished, "the stream is finished")
    writer.writeVoucher(voucher)
  }

  /// The bytes written (with the closing `#KSUMMA` when asked for).
  ///
  /// - Throws: ``SIEWriteError`` listing every character code page 437 lacks (unless
  ///   transliterating), as ``SIEWriter/encode(_:)`` does.
  public func finish() throws(SIEWriteError) -> SIEWriter.Output {
    precondition(!finished, "the stream is finished")
    finished = true
    writer.finishChecksum()
    if !writer.encoder.failures.isEmpty {
      writer.sink.discard()
      throw SIEWriteError(problems: writer.encoder.failures)
    }
    let checksum = writer.sink.crc.value
    return SIEWriter.Output(
      bytes: writer.sink.finish(), changes: writer.encoder.changes,
      checksum: writer.checksum ? checksum : nil)
  }
}
