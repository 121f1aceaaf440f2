import Basics
import PDF
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A creditor's book on disk: a directory with `book.json` (the creditor's settings),
/// `journal.jsonl` (the events, append-only, hash-chained, each append flushed to disk) and
/// `documents/` (attached PDFs, named by their SHA-256).
///
/// ```swift
/// let book = try Book.create(at: "acme", settings: CreditorSettings(name: "Acme AB", organizationNumber: "556677-8899"))
/// try book.transact { tx in try tx.addCustomer(Customer(number: "K1", name: "Åkeri AB")) }
/// let reopened = try Book.open(at: "acme")
/// print(reopened.state.allCustomers.count)
/// ```
///
/// One process at a time may write (a lock on `book.lock`); readers see the state up to the
/// last complete line. Nothing is shared between books. Within a process a `Book` may be
/// shared between threads: its state and the journal's end change under one lock, so a commit
/// is all or nothing for every reader.
///
/// The journal is the only source of truth, settings included: `book.json` is a copy of the
/// settings for people to read, rewritten after every change. A `book.json` that disagrees
/// with the journal (a hand edit, or a crash between the two writes) is reported in
/// ``warnings`` and never used.
public final class Book: Sendable {
  public static let settingsFile = "book.json"
  public static let documentsDirectory = "documents"
  public static let lockFile = "book.lock"
  /// Attachments are PDFs of at most 10 MiB.
  public static let maximumAttachmentSize = 10 * 1024 * 1024

  public let directory: String
  /// What was found on opening that does not stop the book from being used.
  public let warnings: [BookWarning]
  private let lock: FileLock?
  private let clock: @Sendable () -> String

  /// What changes with every commit.
  private struct Current: Sendable {
    var state: BookState
    /// The journal's last line.
    var last: Checkpoint.Position
  }
  private let current: Mutex<Current>
  /// Held for the whole of a ``transact(_:)``.
  private let transactions = SerialLock()

  /// How opening used the checkpoint.
  public let checkpointUse: CheckpointUse

  private init(
    directory: String, state: BookState, last: Checkpoint.Position, lock: FileLock?,
    warnings: [BookWarning] = [], checkpointUse: CheckpointUse = .notRead,
    clock: @escaping @Sendable () -> String
  ) {
    self.directory = directory
    self.current = Mutex(Current(state: state, last: last))
    self.lock = lock
    self.warnings = warnings
    self.checkpointUse = checkpointUse
    self.clock = clock
  }

  /// The state after the last line written.
  public var state: BookState { current.withLock { $0.state } }
  /// The number of lines in the journal (a line holds one event, or a batch).
  public var lineCount: Int { current.withLock { $0.last.line } }
  /// Where the journal's last line is.
  var journalEnd: Checkpoint.Position { current.withLock { $0.last } }

  var journalPath: String { FilePath.join(directory, Journal.fileName) }
  var headPath: String { FilePath.join(directory, Journal.headFile) }
  var settingsPath: String { FilePath.join(directory, Book.settingsFile) }

  /// The current time in UTC, `2026-11-29T12:00:00Z`; `SIETOOL_TIME` overrides it (for
  /// reproducible journals in tests and the demo).
  public static let systemClock: @Sendable () -> String = {
    if let fixed = getenv("SIETOOL_TIME") { return String(cString: fixed) }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let seconds = Int(now.tv_sec)
    let day = Day(daysSinceEpoch: seconds / 86_400)
    let time = seconds % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(day.iso)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
  }

  /// Creates a new, empty book.
  public static func create(
    at directory: String, settings: CreditorSettings,
    clock: @escaping @Sendable () -> String = Book.systemClock
  ) throws -> Book {
    if let problem = settings.validationProblem() {
      throw BookError(
        .invalidSetting, .field(problem.field), "\(problem.field): \(problem.message)")
    }
    if FilePath.exists(FilePath.join(directory, Book.settingsFile))
      || FilePath.exists(FilePath.join(directory, Journal.fileName))
    {
      throw BookError(.bookExists, .file(directory), "\(directory) holds a book already")
    }
    try FilePath.makeDirectory(directory)
    try FilePath.makeDirectory(FilePath.join(directory, Book.documentsDirectory))
    let lock = try Book.lock(directory)
    let book = Book(
      directory: directory, state: BookState(settings: settings), last: .start, lock: lock,
      clock: clock)
    try book.append([.settingsChanged(settings)])
    try book.saveSettings()
    return book
  }

  /// Opens a book; `forWriting` takes the writer's lock (a second writer is refused).
  /// - Parameter lockWait: how long a writer waits for another writer to finish, in seconds.
  /// - Parameter checkpoint: whether to start from the book's checkpoint (see ``Checkpoint``)
  ///   or replay the journal from line 1.
  public static func open(
    at directory: String, forWriting: Bool = false, lockWait: Double = 0,
    checkpoint: CheckpointPolicy = .use,
    clock: @escaping @Sendable () -> String = Book.systemClock
  ) throws -> Book {
    let settingsPath = FilePath.join(directory, Book.settingsFile)
    guard
      FilePath.exists(settingsPath) || FilePath.exists(FilePath.join(directory, Journal.fileName))
    else {
      throw BookError(
        .noBook, .file(directory),
        "no book at \(directory) (no \(Journal.fileName)); create one with 'sietool init'")
    }
    let lock = forWriting ? try Book.lock(directory, waitingUpTo: lockWait) : nil
    if forWriting { Book.removeStaleTemporaries(directory) }
    // The head first: a reader reads the lines it acknowledges and none a writer is adding.
    let head = try Journal.readHead(FilePath.join(directory, Journal.headFile))
    let replay = try Book.replay(
      directory, limit: forWriting ? nil : head?.count, head: head, checkpoint: checkpoint)
    let reading = replay.reading
    let (count, lastHash) = (reading.count, reading.lastHash)
    try Journal.check(
      head: head, read: count, lastHash: lastHash, hashAtHead: reading.markedHash)
    var warnings = [BookWarning]()
    if forWriting, let tornLine = reading.tornLine {
      // Bytes after the last acknowledged line that never became a whole line: a write that
      // was killed before it was acknowledged. The writer drops them, keeping a backup.
      let backup = try Book.dropTornTail(directory, count: count, lastHash: lastHash)
      warnings.append(
        BookWarning(
          code: .unfinishedWriteDropped,
          message:
            "line \(tornLine) of the journal was never finished (a command was killed while writing); dropped it, keeping the journal as it was in \(backup)"
        ))
    }
    if forWriting, let head, count > head.count {
      // Whole lines written after the head: a crash before the head was updated.
      try Journal.writeHead(
        FilePath.join(directory, Journal.headFile), count: count, lastHash: lastHash)
    }
    let state = replay.state
    guard let state else {
      throw BookError(
        .journalWithoutSettings, .file(directory),
        "the book at \(directory) has an empty journal; it holds no settings")
    }
    var use = replay.use
    if replay.isSlow {
      // A cache: a checkpoint that cannot be written costs the next opening time, no more.
      if (try? Checkpoint.write(state, at: reading.last, in: directory)) != nil {
        use = .written(after: use)
      }
    }
    if let problem = Book.settingsCopyProblem(settingsPath, journal: state.settings) {
      warnings.append(problem)
    }
    return Book(
      directory: directory, state: state, last: reading.last, lock: lock, warnings: warnings,
      checkpointUse: use, clock: clock)
  }

  /// Why `book.json` is not a true copy of the journal's settings, if it is not.
  static func settingsCopyProblem(_ path: String, journal settings: CreditorSettings)
    -> BookWarning?
  {
    let copy: CreditorSettings
    do {
      copy = try CreditorSettings(json: JSONReader(try JSONValue(parsing: try FilePath.read(path))))
    } catch {
      return BookWarning(
        code: .settingsCopyUnreadable,
        message: "\(path) cannot be read (\(error)); the journal's settings are used")
    }
    guard copy != settings else { return nil }
    return BookWarning(
      code: .settingsCopyDiffers,
      message:
        "\(path) differs from the settings in the journal, which are used; change settings with 'sietool settings set' (the next change rewrites \(Book.settingsFile))"
    )
  }

  /// Today in the creditor's time zone (`Europe/Stockholm` unless the settings say otherwise),
  /// by the book's clock: the date commands use when none is given.
  public var today: Day {
    let zone = state.settings.timeZone
    return zone.day(atUTC: clock()) ?? Day.today()
  }

  /// A transaction over the current state.
  public func transaction() -> BookTransaction { BookTransaction(state: state) }

  /// Runs `body` on a transaction and commits what it recorded as one journal line; when
  /// `body` throws, nothing is written. Transactions on one `Book` run one at a time, so
  /// threads that share it never see each other's half-done work nor lose an update.
  @discardableResult
  public func transact<T>(_ body: (inout BookTransaction) throws -> T) throws -> T {
    try transactions.run {
      var transaction = transaction()
      let result = try body(&transaction)
      try commit(transaction)
      return result
    }
  }

  /// Writes a transaction's events as one line (a batch when several), flushed to disk.
  public func commit(_ transaction: BookTransaction) throws {
    guard !transaction.events.isEmpty else { return }
    let event = transaction.events.count == 1 ? transaction.events[0] : .batch(transaction.events)
    // The transaction's state is the book's state after its events, unless the book moved on
    // since it began; then the events are applied again.
    var resulting = transaction.state
    resulting.finishLine()
    try append([event], resulting: resulting, basedOn: transaction.baseEventCount)
  }

  /// Appends events, each as one line; the state follows only once they are on disk.
  public func append(_ events: [Event]) throws {
    try append(events, resulting: nil, basedOn: nil)
  }

  /// Appends under the lock. `resulting` is the state after the events when it was worked out
  /// from the state with `basedOn` events; if the book moved on since, the events are applied
  /// again.
  private func append(_ events: [Event], resulting: BookState?, basedOn: Int?) throws {
    guard lock != nil else {
      throw BookError(.bookReadOnly, .none, "the book was opened for reading only")
    }
    try current.withLock { current in
      var next: BookState
      if let resulting, basedOn == current.state.eventCount {
        next = resulting
      } else {
        next = current.state
        for event in events { try next.apply(event) }
      }
      var lines = [[UInt8]]()
      var last = current.last
      let time = clock()
      for event in events {
        let line = Journal.line(
          sequence: last.line + 1, time: time, event: event, previous: last.hash)
        last = Checkpoint.Position(
          line: last.line + 1, lineStart: last.end, end: last.end + line.count + 1,
          hash: SHA256.hex(line))
        lines.append(line)
      }
      try Journal.append(lines, to: journalPath)
      try Journal.writeHead(headPath, count: last.line, lastHash: last.hash)
      current = Current(state: next, last: last)
    }
  }

  /// Changes the creditor's settings: `book.json` is rewritten atomically and the change is
  /// journalled.
  public func updateSettings(_ settings: CreditorSettings) throws {
    if let problem = settings.validationProblem() {
      throw BookError(
        .invalidSetting, .field(problem.field), "\(problem.field): \(problem.message)")
    }
    try append([.settingsChanged(settings)])
    try saveSettings()
  }

  /// Rewrites `book.json` from the journal's settings (what `updateSettings` does after its
  /// change), e.g. after a crash between the two or a hand edit.
  public func restoreSettingsCopy() throws { try saveSettings() }

  private func saveSettings() throws {
    var bytes = [UInt8]()
    state.settings.jsonValue.write(to: &bytes, pretty: true)
    bytes.append(0x0A)
    try AtomicFile.write(bytes, to: settingsPath)
  }

  // MARK: Documents

  /// Stores a PDF attachment: checked by content (`%PDF-`) and size (at most 10 MiB), named
  /// by its SHA-256 in `documents/`.
  public func storeAttachment(_ bytes: [UInt8], fileName: String, placement: Attachment.Placement)
    throws -> Attachment
  {
    guard bytes.count <= Book.maximumAttachmentSize else {
      throw BookError(
        .attachmentTooLarge, .file(fileName),
        "\(fileName) is \(bytes.count) bytes; attachments are at most \(Book.maximumAttachmentSize) bytes (10 MiB)"
      )
    }
    guard bytes.starts(with: Array("%PDF-".utf8)) else {
      throw BookError(
        .attachmentNotPdf, .file(fileName),
        "\(fileName) is not a PDF (it does not start with %PDF-); attachments must be PDF")
    }
    guard Book.looksLikePDF(bytes) else {
      throw BookError(
        .attachmentNotPdf, .file(fileName),
        "\(fileName) starts like a PDF but has no objects or no %%EOF at its end; it is cut short or not a PDF"
      )
    }
    let hash = SHA256.hex(bytes)
    try storeDocument(bytes, named: hash + ".pdf")
    return Attachment(
      hash: hash, fileName: FilePath.name(of: fileName), placement: placement, size: bytes.count)
  }

  /// Stores a logo (JPEG or PNG, at most 1 MiB) in `documents/` by its SHA-256; returns the
  /// stored name for the `logo` setting.
  public func storeLogo(_ bytes: [UInt8], fileName: String) throws -> String {
    guard bytes.count <= Book.maximumLogoSize else {
      throw BookError(
        .invalidLogo, .file(fileName),
        "\(fileName) is \(bytes.count) bytes; a logo is at most 1 MiB")
    }
    do {
      _ = try PDFImage(bytes)
    } catch {
      throw BookError(.invalidLogo, .file(fileName), "\(fileName): \(error)")
    }
    let name = SHA256.hex(bytes) + (bytes.starts(with: [0xFF, 0xD8]) ? ".jpg" : ".png")
    try storeDocument(bytes, named: name)
    return name
  }

  /// The largest logo kept: 1 MiB.
  public static let maximumLogoSize = 1 << 20

  /// Writes `bytes` into `documents/` as `name` (content-addressed: once there, never again).
  private func storeDocument(_ bytes: [UInt8], named name: String) throws {
    let path = documentFile(name)
    guard !FilePath.exists(path) else { return }
    try FilePath.makeDirectory(FilePath.join(directory, Book.documentsDirectory))
    try AtomicFile.write(bytes, to: path)
  }

  /// The stored logo `name` (see ``storeLogo(_:fileName:)``), if it is there and readable.
  public func logo(named name: String) -> PDFImage? {
    let path = documentFile(name)
    return (try? FilePath.read(path)).flatMap { try? PDFImage($0) }
  }

  /// Whether the bytes have a PDF's frame: the header, an object, and `%%EOF` near the end.
  static func looksLikePDF(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 32, bytes.starts(with: Array("%PDF-".utf8)) else { return false }
    let tail = bytes.suffix(1024)
    let eof = Array("%%EOF".utf8)
    let obj = Array(" obj".utf8)
    return tail.firstRange(of: eof) != nil && bytes.prefix(1 << 20).firstRange(of: obj) != nil
  }

  /// Where a stored document is.
  public func documentPath(_ hash: String) -> String { documentFile(hash + ".pdf") }

  /// Where the stored document `name` is.
  func documentFile(_ name: String) -> String {
    FilePath.join(FilePath.join(directory, Book.documentsDirectory), name)
  }

  // MARK: Repair

  /// Drops a torn last line of the journal (from a crash while writing), after copying the
  /// journal to `journal.jsonl.torn-<time>`; returns the backup's path. Damage anywhere else is
  /// not repaired.
  public static func repair(at directory: String) throws -> String? {
    let lock = try Book.lock(directory)
    defer { withExtendedLifetime(lock) {} }
    let path = FilePath.join(directory, Journal.fileName)
    let headPath = FilePath.join(directory, Journal.headFile)
    let head = try Journal.readHead(headPath)
    let reading = try Journal.read(path: path, mark: head?.count) { _ throws(BookError) in }
    // Whatever was acknowledged must be whole; only a tail after it may be dropped.
    try Journal.check(
      head: head, read: reading.count, lastHash: reading.lastHash, hashAtHead: reading.markedHash)
    guard reading.tornLine != nil else { return nil }
    return try dropTornTail(directory, count: reading.count, lastHash: reading.lastHash)
  }

  /// Copies the journal to `journal.jsonl.torn-<time>`, cuts it back to its last whole line
  /// and writes the head for the `count` lines kept; returns the backup's path. The caller
  /// holds the lock and has checked that the whole lines are the acknowledged ones.
  static func dropTornTail(_ directory: String, count: Int, lastHash: String) throws -> String {
    let path = FilePath.join(directory, Journal.fileName)
    let bytes = try FilePath.read(path)
    let keep = bytes.lastIndex(of: 0x0A).map { bytes[...$0] } ?? []
    let backup = Book.uniquePath(path + ".torn-" + Book.systemClock().filter { $0.isNumber })
    try AtomicFile.write(bytes, to: backup)
    try AtomicFile.write(Array(keep), to: path)
    try Journal.writeHead(
      FilePath.join(directory, Journal.headFile), count: count, lastHash: lastHash)
    return backup
  }

  /// Removes what writes killed on the way left in the book: the temporaries of atomic
  /// writes (`.NAME.tmp-XXXXXX`) in the book's directory and its `documents/` and `exports/`.
  /// Called by a writer, under the lock: nobody else is writing.
  public static func removeStaleTemporaries(_ directory: String) {
    for folder in [
      directory, FilePath.join(directory, documentsDirectory), FilePath.join(directory, "exports"),
    ] {
      AtomicFile.removeTemporaries(in: folder)
    }
  }

  /// `path`, or `path-2`, `path-3` … whichever does not exist yet.
  static func uniquePath(_ path: String) -> String {
    var candidate = path
    var number = 1
    while FilePath.exists(candidate) {
      number += 1
      candidate = path + "-\(number)"
    }
    return candidate
  }

  /// Takes the writer's lock of the book in `directory`.
  static func lock(_ directory: String, waitingUpTo seconds: Double = 0) throws(BookError)
    -> FileLock
  {
    do {
      return try FileLock(path: FilePath.join(directory, Book.lockFile), waitingUpTo: seconds)
    } catch {
      switch error {
      case .cannotOpen(let error):
        throw BookError(.lockFailed, .file(directory), "cannot open the lock file \(error)")
      case .held(let holder):
        throw BookError(
          .bookLocked, .file(directory),
          "the book is being changed by another process (pid \(holder)); try again when it has finished"
        )
      }
    }
  }
}

/// A lock held around whole transactions (a C mutex: `Mutex` cannot hand back what a throwing
/// body returns).
final class SerialLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func run<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
