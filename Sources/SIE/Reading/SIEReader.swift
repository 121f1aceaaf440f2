import Invoicing

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
/// for diagnostic in reader.finishedDiagnostics() { print(diagnostic.formatted(file: "FAKT.SI")) }
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

  private var core: ParserCore
  private var descriptor: Int32
  /// Where the record last delivered starts.
  public private(set) var location = SourceLocation(line: 0)

  /// Opens `path` for streaming.
  public init(path: String, options: Options = Options()) throws(FileError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError.fromErrno(path) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw FileError(path: path, reason: "is a directory")
    }
    descriptor = fd
    core = ParserCore(
      source: LineSource(descriptor: fd, chunkSize: options.chunkSize), strict: options.strict)
  }

  /// Reads from bytes in memory.
  public init(bytes: some Collection<UInt8>, options: Options = Options()) {
    descriptor = -1
    let array = Array(bytes)
    core = array.withUnsafeBytes {
      ParserCore(source: LineSource(bytes: $0), strict: options.strict)
    }
  }

  deinit {
    core.deallocate()
    if descriptor >= 0 { close(descriptor) }
  }

  /// The next record, or `nil` at the end of the file.
  public func next() -> SIERecord? {
    guard let (record, location) = core.next() else { return nil }
    self.location = location
    return record
  }

  /// The start of every row of the voucher last delivered, in row order.
  public var rowLocations: [SourceLocation] { core.deliveredRowLocations }

  /// The encoding the bytes were read in (detected from the first chunk).
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
