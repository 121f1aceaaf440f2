import Basics
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The book's `journal.jsonl`: one JSON object per line, `{"seq", "time", "type", "payload",
/// "prev"}`, where `prev` is the SHA-256 of the previous line (64 zeros for the first). Any
/// edit, reordering or truncation breaks the chain and is found on reading.
///
/// `journal.head` holds the number of lines and the last line's hash, rewritten after every
/// append, so that losing whole lines from the end is found too.
///
/// Every line names the format it was written in (`"v"`; a line without it is format 1). A
/// reader reads every format up to its own and refuses a line of a newer one, so a book is
/// never misread by an older release. The formats:
/// - 1: the first; export records name the activities they booked by index.
/// - 2: export records name activities by journal line and place (``ActivityID``).
/// - 3: reminder plans and reminder dates, self-invoice corrections, account names; export
///   records carry their export edition (``ExportEdition`` in the Ledger module).
/// - 4 (release 0.5.0): export records name what they booked as spans of activities (first
///   and last identity), not one by one.
public enum Journal {
  /// The format this release writes, and the newest it reads.
  public static let formatVersion = 4
  public static let fileName = "journal.jsonl"
  public static let headFile = "journal.head"
  static let genesis = String(repeating: "0", count: 64)

  /// A journal that cannot be trusted as it is.
  public enum Problem: CodedError, Hashable, Sendable {
    /// The last line is incomplete (a crash while writing); `sietool book repair` drops it,
    /// keeping a backup.
    case tornLastLine(line: Int)
    /// A line is not what was written: its content, order or chain is broken.
    case tampered(line: Int, reason: String)
    /// A line was written in a newer format than this release reads.
    case newerFormat(line: Int, version: Int)

    public var codeName: String {
      switch self {
      case .tornLastLine: "journal-torn-line"
      case .tampered: "journal-damaged"
      case .newerFormat: "journal-newer-format"
      }
    }

    public var subject: ErrorSubject {
      switch self {
      case .tornLastLine(let line), .tampered(let line, _), .newerFormat(let line, _):
        ErrorSubject.file(Journal.fileName).with(line: line)
      }
    }

    public var message: String { description }

    public var description: String {
      switch self {
      case .tornLastLine(let line):
        "the journal's last line (\(line)) is incomplete, most likely from a crash while writing; "
          + "run 'sietool book repair' to drop it (a backup is kept)"
      case .tampered(let line, let reason):
        "the journal is damaged at line \(line): \(reason); the book cannot be trusted and is not opened"
      case .newerFormat(let line, let version):
        "line \(line) of the journal is in format \(version), newer than the \(Journal.formatVersion) this sietool reads; open the book with a newer release"
      }
    }
  }

  /// One line of the journal, as written.
  public struct Entry: Sendable {
    /// The format the line was written in.
    public var version: Int
    public var sequence: Int
    /// When the line was written (UTC, `2026-01-15T10:00:00Z`), as written.
    public var time: String {
      get { stamp.text }
      set { stamp = LineTime(newValue) }
    }
    public var event: Event
    /// ``time`` as it is held.
    var stamp: LineTime
    /// The SHA-256 of the line (set once the line's place in the chain is checked).
    var digest = SHA256.Digest.zero
    /// The SHA-256 of the line as hex.
    public var hash: String { digest.hex }

    init(version: Int, sequence: Int, time: String, event: Event) {
      self.init(version: version, sequence: sequence, stamp: LineTime(time), event: event)
    }

    init(version: Int, sequence: Int, stamp: LineTime, event: Event) {
      self.version = version
      self.sequence = sequence
      self.stamp = stamp
      self.event = event
    }
  }

  /// The line for an event.
  static func line(sequence: Int, time: String, event: Event, previous: String) -> [UInt8] {
    var bytes = [UInt8]()
    JSONValue.object([
      "v": .integer(formatVersion), "seq": .integer(sequence), "time": .string(time),
      "type": .string(event.type),
      "payload": event.payload, "prev": .string(previous),
    ]).write(to: &bytes)
    return bytes
  }

  /// What `journal.head` records: the lines acknowledged and the last one's hash; `nil` when
  /// there is no head file.
  static func readHead(_ path: String) throws -> (count: Int, hash: String)? {
    guard FilePath.exists(path) else { return nil }
    let text = String(decoding: try FilePath.read(path), as: UTF8.self).trimmingBlanks
    let parts = text.split(separator: " ")
    guard parts.count == 2, let count = Int(parts[0]), count >= 0 else {
      throw Problem.tampered(line: 0, reason: "journal.head is not \"<count> <hash>\"")
    }
    return (count, String(parts[1]))
  }

  /// Checks what was read against the head: no fewer lines than it acknowledges, and the last
  /// acknowledged line the one it names.
  static func check(
    head: (count: Int, hash: String)?, read count: Int, lastHash: String, hashAtHead: String?
  ) throws {
    guard let head else {
      if count > 0 {
        throw Problem.tampered(
          line: count, reason: "journal.head is missing: the end of the journal cannot be checked")
      }
      return
    }
    if head.count > count {
      throw Problem.tampered(
        line: count + 1,
        reason:
          "the journal ends after \(count) lines but held \(head.count); lines were lost from its end"
      )
    }
    if head.count > 0, (hashAtHead ?? lastHash) != head.hash {
      throw Problem.tampered(
        line: head.count, reason: "line \(head.count) is not the one journal.head records")
    }
  }

  static func writeHead(_ path: String, count: Int, lastHash: String) throws {
    try AtomicFile.write(Array("\(count) \(lastHash)\n".utf8), to: path)
  }

  /// Appends lines and flushes them to disk.
  static func append(_ lines: [[UInt8]], to path: String) throws(FileError) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileError.fromErrno(path, "cannot open the journal") }
    defer { close(fd) }
    var bytes = [UInt8]()
    for line in lines {
      bytes += line
      bytes.append(0x0A)
    }
    // A write that fails (a full disk) leaves nothing behind: the journal is cut back.
    let before = lseek(fd, 0, SEEK_END)
    do throws(FileError) {
      try AtomicFile.writeAll(fd, bytes, path: path)
      guard fsync(fd) == 0 else { throw FileError.fromErrno(path, "cannot flush the journal") }
    } catch {
      if before >= 0 {
        _ = ftruncate(fd, before)
        _ = fsync(fd)
      }
      throw error
    }
  }
}
