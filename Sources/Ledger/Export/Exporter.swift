import Basics
import Invoicing
import SIE
import Zip

/// Exports a period of a book: writes the SIE file (and the bundle), keeps copies in the
/// book's `exports/` directory, and records the export in the journal — last, so that a failure
/// on the way leaves the book as it was. Repeating an export writes the kept copies: the same
/// bytes.
public enum Exporter {
  /// The directory in a book that keeps exported files, named by their SHA-256.
  public static let directory = "exports"

  /// What an export did.
  public struct Result: Sendable {
    public var record: ExportRecord
    /// Whether it repeated an earlier export (the same bytes were written again).
    public var isRepeat: Bool
    /// The vouchers of the export (none when the export was asked not to keep them).
    public var vouchers: VoucherList
    /// How many vouchers the export made.
    public var voucherCount: Int
    /// The first and last number the export gave in each series.
    public var numbers: [String: ClosedRange<Int>]
    /// The documents in the bundle (none without a bundle).
    public var entries: [ExportBundle.Entry]
    /// Activities dated after the period, waiting for a later export.
    public var waiting: Int
    public var fileSize: Int
  }

  /// Exports `request` from `book` (opened for writing) to `path`, and the bundle to
  /// `bundlePath` when given.
  ///
  /// - Parameter keepingVouchers: whether the result holds the vouchers. Without them, an
  ///   export lets them go once its files are written, before it records itself, and its
  ///   result holds only their count and numbers: a large book's export then never holds its
  ///   vouchers and anything after them at the same time.
  public static func export(
    _ request: ExportRequest, book: Book, to path: String, bundle bundlePath: String?, today: Day,
    keepingVouchers: Bool = true
  ) throws -> Result {
    ExportPublisher.removeLeftovers(in: book.directory)
    let ledger = try BookLedger(state: book.state)
    if let earlier = ledger.records.first(where: { $0.from == request.from && $0.to == request.to })
    {
      var result = try repeatExport(
        earlier, request: request, ledger: ledger, book: book, to: path, bundle: bundlePath)
      if !keepingVouchers { result.vouchers = [] }
      return result
    }
    let result = try writeFiles(
      request, ledger: ledger, book: book, to: path, bundle: bundlePath, today: today,
      keepingVouchers: keepingVouchers)
    try book.append([.other(type: ExportRecord.eventType, payload: result.record.jsonValue)])
    return result
  }

  /// Plans a new export, and writes and publishes its files: all an export does but record
  /// itself. Its plan, with every voucher, is let go on return.
  private static func writeFiles(
    _ request: ExportRequest, ledger: BookLedger, book: Book, to path: String,
    bundle bundlePath: String?, today: Day, keepingVouchers: Bool
  ) throws -> Result {
    let stored = FilePath.join(book.directory, directory)
    let plan = try ledger.plan(request, today: today, documents: bundlePath != nil)
    var record = plan.record
    let isFirst = !FilePath.exists(stored)
    try FilePath.makeDirectory(stored)
    var entries = [ExportBundle.Entry]()
    var publisher = ExportPublisher(book: book)
    var keptCopy: AtomicFileWriter?
    let size: Int
    do {
      // The file and the kept copy are written as the vouchers are made, and the copy is
      // named by the file's hash once it is known; the file is published last.
      let file = try publisher.output(path, publishedLast: true)
      let copy = try AtomicFileWriter(path: FilePath.join(stored, "export.se"))
      keptCopy = copy
      (size, record.fileHash) = try SIEExport.write(plan, state: book.state, to: [file, copy])
      if let bundlePath {
        entries = ExportBundle.entries(
          vouchers: plan.vouchers, sources: plan.sources, state: book.state)
        record.bundleHash = try writeBundle(
          entries, book: book, date: record.generated, edition: record.map.edition,
          to: try publisher.output(bundlePath), keepIn: stored)
      }
    } catch {
      // A file that fails its checks, or a write that fails, leaves nothing behind.
      publisher.abandon()
      keptCopy?.discard()
      if isFirst {
        unlink(publisher.pendingPath)
        rmdir(stored)
      }
      throw error
    }
    try keptCopy!.publish(as: FilePath.join(stored, record.fileHash + ".se"))
    try publisher.publish()
    return Result(
      record: record, isRepeat: false, vouchers: keepingVouchers ? plan.vouchers : [],
      voucherCount: plan.vouchers.count, numbers: plan.vouchers.numberRanges, entries: entries,
      waiting: plan.waiting, fileSize: size)
  }

  /// Removes what an export killed on its way left behind, when no other process is writing
  /// the book: the temporaries beside the files it was publishing, and those of the book's own
  /// writes (its kept copies in `exports/`, its checkpoint, its documents). `book verify` calls it.
  public static func removeLeftovers(ofBookAt directory: String) {
    guard let lock = try? FileLock(path: FilePath.join(directory, Book.lockFile)) else { return }
    withExtendedLifetime(lock) {
      Book.removeStaleTemporaries(directory)
      ExportPublisher.removeLeftovers(in: directory)
    }
  }

  /// Writes an earlier export's kept files again.
  static func repeatExport(
    _ record: ExportRecord, request: ExportRequest, ledger: BookLedger, book: Book, to path: String,
    bundle bundlePath: String?
  ) throws -> Result {
    guard record.type == request.type, record.profile == request.profile,
      record.summarization == request.summarization
    else {
      throw LedgerError(
        .exportOptionsDiffer,
        ErrorSubject.period(record.from, record.to).with(export: record.number),
        "\(record.from)–\(record.to) was exported as \(record.type.rawValue) for \(record.profile.rawValue), one voucher per \(record.summarization.rawValue) (export \(record.number)); repeat it with the same options"
      )
    }
    let stored = FilePath.join(book.directory, directory)
    let bytes = try FilePath.read(FilePath.join(stored, record.fileHash + ".se"))
    guard SHA256.hex(bytes) == record.fileHash else {
      throw LedgerError(
        .exportCopyDamaged, .export(record.number),
        "the kept copy of export \(record.number) is damaged (its hash differs)")
    }
    let runs = try ledger.exportedVouchers()
    guard let run = runs.first(where: { $0.record.number == record.number }) else {
      throw LedgerError(
        .exportNotReproducible, .export(record.number), "export \(record.number) cannot be replayed"
      )
    }
    var entries = [ExportBundle.Entry]()
    var publisher = ExportPublisher(book: book)
    if let bundlePath {
      entries = ExportBundle.entries(
        vouchers: run.vouchers, sources: run.sources, state: book.state)
      if let hash = record.bundleHash, FilePath.exists(FilePath.join(stored, hash + ".zip")) {
        let bundle = try FilePath.read(FilePath.join(stored, hash + ".zip"))
        try publisher.output(bundlePath).write(bundle)
      } else {
        _ = try writeBundle(
          entries, book: book, date: record.generated, edition: record.map.edition,
          to: try publisher.output(bundlePath), keepIn: nil)
      }
    }
    try publisher.output(path).write(bytes)
    try publisher.publish()
    return Result(
      record: record, isRepeat: true, vouchers: run.vouchers, voucherCount: run.vouchers.count,
      numbers: run.vouchers.numberRanges, entries: entries, waiting: 0, fileSize: bytes.count)
  }

  /// Writes the bundle to `file` (published with the SIE file), and a copy into `keepIn`;
  /// returns its SHA-256.
  static func writeBundle(
    _ entries: [ExportBundle.Entry], book: Book, date: Day, edition: Int,
    to file: AtomicFileWriter, keepIn stored: String?
  ) throws -> String {
    let output = HashingFileOutput(file: file)
    let finished = try ExportBundle.write(
      entries, state: book.state, documents: FilePath.join(book.directory, Book.documentsDirectory),
      date: date, edition: edition, to: output)
    let hash = finished.hash()
    try file.finish()
    if let stored {
      let copy = FilePath.join(stored, hash + ".zip")
      if !FilePath.exists(copy) {
        try AtomicFile.write(try FilePath.read(file.temporary), to: copy)
      }
    }
    return hash
  }
}

/// A ZIP output to a file, hashing what it writes.
struct HashingFileOutput: ZipOutput {
  let file: AtomicFileWriter
  private var hasher = SHA256()

  init(file: AtomicFileWriter) { self.file = file }

  mutating func write(_ bytes: [UInt8]) throws {
    hasher.update(bytes)
    try file.write(bytes)
  }

  func hash() -> String {
    var copy = hasher
    return copy.finalizeHex()
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
