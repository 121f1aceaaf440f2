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
public enum Journal {
  public static let fileName = "journal.jsonl"
  public static let headFile = "journal.head"
  static let genesis = String(repeating: "0", count: 64)

  /// A journal that cannot be trusted as it is.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The last line is incomplete (a crash while writing); `sietool book repair` drops it,
    /// keeping a backup.
    case tornLastLine(line: Int)
    /// A line is not what was written: its content, order or chain is broken.
    case tampered(line: Int, reason: String)

    public var description: String {
      switch self {
      case .tornLastLine(let line):
        "the journal's last line (\(line)) is incomplete, most likely from a crash while writing; "
          + "run 'sietool book repair' to drop it (a backup is kept)"
      case .tampered(let line, let reason):
        "the journal is damaged at line \(line): \(reason); the book cannot be trusted and is not opened"
      }
    }
  }

  /// One line of the journal, as written.
  public struct Entry: Sendable {
    public var sequence: Int
    public var time: String
    public var event: Event
  }

  /// The line for an event.
  static func line(sequence: Int, time: String, event: Event, previous: String) -> [UInt8] {
    var bytes = [UInt8]()
    JSONValue.object([
      "seq": .integer(sequence), "time": .string(time), "type": .string(event.type),
      "payload": event.payload, "prev": .string(previous),
    ]).write(to: &bytes)
    return bytes
  }

  /// Reads and checks a journal, calling `body` with each event in order.
  ///
  /// - Returns: the number of lines and the hash of the last one.
  static func read(
    path: String, _ body: (Entry) throws(BookError) -> Void
  ) throws -> (count: Int, lastHash: String) {
    guard FilePath.exists(path) else { return (0, genesis) }
    let bytes = try FilePath.read(path)
    var previous = genesis
    var expected = 1
    var start = 0
    var lineNumber = 0
    while start < bytes.count {
      lineNumber += 1
      guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
        throw Problem.tornLastLine(line: lineNumber)
      }
      let line = bytes[start..<newline]
      let isLast = newline == bytes.count - 1
      let value: JSONValue
      do {
        value = try JSONValue(parsing: Array(line))
      } catch {
        if isLast { throw Problem.tornLastLine(line: lineNumber) }
        throw Problem.tampered(line: lineNumber, reason: "not JSON (\(error))")
      }
      let reader = JSONReader(value, path: "line \(lineNumber)")
      let entry: Entry
      do {
        guard try reader.int("seq") == expected else {
          throw JSONPathError(
            path: "seq", message: "sequence \(try reader.int("seq")), expected \(expected)")
        }
        guard try reader.string("prev") == previous else {
          throw JSONPathError(path: "prev", message: "the hash of the line before does not match")
        }
        let event = try Event(
          type: try reader.string("type"), payload: try reader.member("payload"))
        entry = Entry(sequence: expected, time: try reader.string("time"), event: event)
      } catch {
        throw Problem.tampered(line: lineNumber, reason: "\(error)")
      }
      do {
        try body(entry)
      } catch {
        throw Problem.tampered(
          line: lineNumber, reason: "the event does not fit the book: \(error.message)")
      }
      previous = SHA256.hex(line)
      expected += 1
      start = newline + 1
    }
    return (expected - 1, previous)
  }

  /// Checks the journal against `journal.head`: fewer lines than the head records means lines
  /// were lost from the end. (More lines is a crash between the append and the head's update.)
  static func checkHead(_ path: String, count: Int, lastHash: String) throws {
    guard FilePath.exists(path) else { return }
    let text = String(decoding: try FilePath.read(path), as: UTF8.self).trimmingBlanks
    let parts = text.split(separator: " ")
    guard parts.count == 2, let headCount = Int(parts[0]) else {
      throw Problem.tampered(line: count, reason: "journal.head is not \"<count> <hash>\"")
    }
    if headCount > count {
      throw Problem.tampered(
        line: count + 1,
        reason:
          "the journal ends after \(count) lines but held \(headCount); lines were lost from its end"
      )
    }
    if headCount == count && String(parts[1]) != lastHash {
      throw Problem.tampered(
        line: count, reason: "the last line is not the one journal.head records")
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
    try AtomicFile.writeAll(fd, bytes, path: path)
    guard fsync(fd) == 0 else { throw FileError.fromErrno(path, "cannot flush the journal") }
  }
}
