import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an SIE file record by record, with memory independent of the file's size.
///
/// ```swift
/// let reader = try SIEReader(path: "FAKT.SI")
/// for record in reader {
///   if case .voucher(let voucher) = record { print(voucher.displayName, voucher.rows.count) }
/// }
/// for diagnostic in reader.diagnostics.finished() { print(diagnostic.formatted(file: "FAKT.SI")) }
/// ```
///
/// A voucher is delivered whole, with its rows, once its block is closed. Records are delivered
/// in file order; nothing is dropped silently: what cannot be read is reported in
/// ``diagnostics`` and reading goes on. Input that is not SIE at all (an HTML page) yields one
/// `not-sie-file` error and no records.
public final class SIEReader: Sequence, IteratorProtocol {
  /// How to read.
  public struct Options: Sendable {
    /// Report warnings as errors.
    public var strict: Bool
    /// Bytes read from the file at a time; memory use is about this much.
    public var chunkSize: Int

    public init(strict: Bool = false, chunkSize: Int = 1 << 20) {
      self.strict = strict
      self.chunkSize = chunkSize
    }
  }

  private var core: ParserCore<RecordQueue>
  private let file: OpenFile?
  /// Where the record last delivered starts.
  public private(set) var location = SourceLocation(line: 0)
  /// The start of every row of the voucher last delivered, in row order.
  public private(set) var rowLocations: [SourceLocation] = []

  /// Opens `path` for streaming.
  public init(path: String, options: Options = Options()) throws(FileError) {
    let file = try OpenFile(path: path)
    self.file = file
    core = ParserCore(
      source: LineSource(descriptor: file.descriptor, chunkSize: options.chunkSize),
      strict: options.strict, sink: RecordQueue())
  }

  /// Reads from bytes in memory.
  public init(bytes: some Collection<UInt8>, options: Options = Options()) {
    file = nil
    core = Array(bytes).withUnsafeBytes {
      ParserCore(source: LineSource(bytes: $0), strict: options.strict, sink: RecordQueue())
    }
  }

  deinit { core.deallocate() }

  /// The next record, or `nil` at the end of the file.
  public func next() -> SIERecord? {
    while true {
      if let entry = core.sink.pop() {
        location = entry.location
        rowLocations = entry.rowLocations
        return entry.record
      }
      guard core.step() else { return nil }
    }
  }

  /// The encoding the bytes are read in (detected from the first chunk, settled at the first
  /// byte ≥ 0x80 when the first chunk is ASCII).
  public var encoding: TextEncoding { core.encoding }

  /// The `#KSUMMA` verdict; final once ``next()`` has returned `nil`.
  public var checksum: ChecksumStatus { core.checksum.status }

  /// The findings so far.
  public var diagnostics: DiagnosticCollector {
    get { core.diagnostics }
    _modify { yield &core.diagnostics }
  }

  /// Bytes of the input consumed so far.
  public var bytesRead: Int { core.source.bytesConsumed }

  /// The number of the line last read.
  public var lineNumber: Int { core.lineNumber }
}
