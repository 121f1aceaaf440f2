import Basics
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Reading a journal: the file read in steps through a window, its lines found, hashed and
// decoded in blocks on every core, the chain checked and the events applied in order.

extension Journal {
  /// What reading a journal found.
  struct Reading {
    /// The number of whole lines.
    var count: Int
    /// The last whole line read: where it is and its hash.
    var last: Checkpoint.Position
    /// The line number of an incomplete last line (bytes after the last line end), if any.
    var tornLine: Int?
    /// The hash of the line `mark` asked for, when it was read.
    var markedHash: String?
    var lastHash: String { last.hash }
  }

  /// Reads and checks a journal, calling `body` with each event in order.
  ///
  /// Lines are hashed and decoded in blocks, on every core; the chain is checked and the
  /// events are applied in order, so the first problem found is the first in the file.
  ///
  /// - Parameter limit: read at most this many lines (a reader reads the lines `journal.head`
  ///   acknowledges, never a write in progress after them).
  /// - Parameter mark: the line whose hash to report (the one the head names).
  static func read(
    path: String, limit: Int? = nil, mark: Int? = nil, _ body: (Entry) throws(BookError) -> Void
  ) throws -> Reading {
    guard FilePath.exists(path) else {
      return Reading(count: 0, last: .start, tornLine: nil, markedHash: nil)
    }
    return try read(
      ArrivingBytes(path: path), fileOffset: 0, after: .start, limit: limit, mark: mark, body)
  }

  /// Reads the lines after `start` from `bytes`, the journal from byte `fileOffset` on (where
  /// the line after `start` begins).
  static func read(
    _ bytes: [UInt8], fileOffset: Int, after start: Checkpoint.Position, limit: Int?,
    mark: Int?, _ body: (Entry) throws(BookError) -> Void
  ) throws -> Reading {
    try read(
      ArrivingBytes(bytes), fileOffset: fileOffset, after: start, limit: limit, mark: mark, body)
  }

  /// Reads the lines after `start` from `bytes` as they are read.
  private static func read(
    _ bytes: ArrivingBytes, fileOffset: Int, after start: Checkpoint.Position, limit: Int?,
    mark: Int?, _ body: (Entry) throws(BookError) -> Void
  ) throws -> Reading {
    var markedHash: String? = mark == start.line ? start.hash : nil
    // A start hash that is not a digest (only a damaged checkpoint could name one) matches no
    // line's previous.
    let startDigest = SHA256.Digest(hex: start.hash)
    var lines = LineFinder(bytes)
    // The lines `limit` lets be read; those after it are still found, for `tornLine`.
    let allowed = limit.map { max(0, $0 - start.line) } ?? Int.max
    var previous = startDigest
    var lineNumber = start.line
    let blockSize = 8192
    // The next block is hashed and decoded while this one is applied.
    // No block is being decoded when the next is started: the bytes of the lines before it
    // are let go, and the window may move while its lines are found.
    func decoding(_ blockStart: Int) throws -> DecodingBlock? {
      lines.release(beforeLine: blockStart)
      try lines.find(upTo: min(allowed, blockStart + blockSize))
      let usable = min(allowed, lines.ranges.count)
      guard blockStart < usable else { return nil }
      let block = Array(lines.ranges[blockStart..<min(usable, blockStart + blockSize)])
      let origin = block[0].lowerBound
      nonisolated(unsafe) let first = bytes.pointer(at: origin)
      return DecodingBlock(start: blockStart) {
        decode(block, at: first, origin: origin, firstLine: start.line + blockStart + 1)
      }
    }
    var next = try decoding(0)
    while let current = next {
      let blockStart = current.start
      var decoded = current.take()
      next = try decoding(blockStart + blockSize)
      for offset in decoded.indices {
        lineNumber = start.line + blockStart + offset + 1
        // Taken out of the block, not copied: a copy would retain every string and list of
        // the event only to release them again.
        var line = DecodedLine.taken
        swap(&line, &decoded[offset])
        let hash = line.hash
        var entry: Entry
        // Consumed: the entry is moved out of the line, not copied and released.
        switch (consume line).content {
        case .newerFormat(let version):
          throw Problem.newerFormat(line: lineNumber, version: version)
        case .notJSON(let message):
          // A line that ends in a line end was written whole: garbage there is damage.
          throw Problem.tampered(line: lineNumber, reason: "not JSON (\(message))")
        case .unreadable(let sequence, let prev, let problem):
          // The same order of checks as a line that reads: sequence, chain, then the rest.
          if let sequence, sequence != lineNumber {
            throw Problem.tampered(
              line: lineNumber, reason: "seq: sequence \(sequence), expected \(lineNumber)")
          }
          if sequence != nil, let prev, SHA256.Digest(hex: prev).map({ $0 != previous }) ?? true {
            throw Problem.tampered(
              line: lineNumber, reason: "prev: the hash of the line before does not match")
          }
          throw Problem.tampered(line: lineNumber, reason: problem)
        case .entry(let read, let prev):
          guard read.sequence == lineNumber else {
            throw Problem.tampered(
              line: lineNumber, reason: "seq: sequence \(read.sequence), expected \(lineNumber)")
          }
          guard let prev, prev == previous else {
            throw Problem.tampered(
              line: lineNumber, reason: "prev: the hash of the line before does not match")
          }
          entry = read
          entry.digest = hash
        }
        do {
          try body(entry)
        } catch {
          throw Problem.tampered(
            line: lineNumber, reason: "the event does not fit the book: \(error.message)")
        }
        previous = hash
        if lineNumber == mark { markedHash = hash.hex }
      }
      // What is left of the block is freed on another thread, while this one goes on.
      let spent = SpentLines(decoded)
      decoded = []
      DispatchQueue.global().async { spent.free() }
    }
    let total = try lines.findAll()
    let end = lines.ranges.last.map { $0.upperBound + 1 } ?? 0
    let tornLine = end < total ? start.line + lines.ranges.count + 1 : nil
    let read = min(allowed, lines.ranges.count)
    var last = start
    if read > 0 {
      let range = lines.ranges[read - 1]
      last = Checkpoint.Position(
        line: start.line + read, lineStart: fileOffset + range.lowerBound,
        end: fileOffset + range.upperBound + 1, hash: previous?.hex ?? start.hash)
    }
    return Reading(count: last.line, last: last, tornLine: tornLine, markedHash: markedHash)
  }

  /// The byte ranges of the complete lines (without their line ends).
  static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var finder = LineFinder(ArrivingBytes(bytes))
    _ = try? finder.findAll()  // bytes in memory: nothing to fail
    return finder.ranges
  }

  /// A block of lines being hashed and decoded in the background.
  final class DecodingBlock: @unchecked Sendable {
    let start: Int
    private var lines: [DecodedLine] = []
    private let done = DispatchSemaphore(value: 0)

    init(start: Int, _ work: @escaping @Sendable () -> [DecodedLine]) {
      self.start = start
      DispatchQueue.global().async {
        self.lines = work()
        self.done.signal()
      }
    }

    /// The decoded lines, once they are, moved out of the block.
    func take() -> [DecodedLine] {
      done.wait()
      defer { lines = [] }
      return lines
    }
  }

  /// Lines applied, held until another thread frees them.
  final class SpentLines: @unchecked Sendable {
    private var lines: [DecodedLine]
    init(_ lines: [DecodedLine]) { self.lines = lines }
    func free() { lines = [] }
  }

  /// A line as read, before the chain is checked.
  struct DecodedLine: Sendable {
    enum Content: Sendable {
      /// An entry and the digest its `prev` names (`nil` when it names none).
      case entry(Entry, previous: SHA256.Digest?)
      case notJSON(String)
      case newerFormat(Int)
      /// JSON, but not a journal entry: what could be read of its sequence and chain, and why.
      case unreadable(sequence: Int?, previous: String?, problem: String)
    }
    var hash: SHA256.Digest
    var content: Content

    /// What a line taken out of a block leaves behind: nothing to free.
    static var taken: DecodedLine {
      DecodedLine(hash: .zero, content: .newerFormat(0))
    }
  }

  /// Hashes and decodes lines, spread over the cores; `first` is where the bytes at offset
  /// `origin` lie (the first line's start).
  static func decode(
    _ lines: [Range<Int>], at first: UnsafePointer<UInt8>, origin: Int, firstLine: Int
  ) -> [DecodedLine] {
    let workers = min(max(1, systemCores()), max(1, lines.count / 256))
    return [DecodedLine](unsafeUninitializedCapacity: lines.count) { output, initialized in
      nonisolated(unsafe) let output = output
      nonisolated(unsafe) let first = first
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < lines.count {
          let range = lines[index]
          (output.baseAddress! + index).initialize(
            to: decodeLine(
              UnsafeBufferPointer(start: first + (range.lowerBound - origin), count: range.count),
              number: firstLine + index))
          index += workers
        }
      }
      initialized = lines.count
    }
  }

  static func decodeLine(_ line: ArraySlice<UInt8>, number: Int) -> DecodedLine {
    line.withUnsafeBufferPointer { decodeLine($0, number: number) }
  }

  static func decodeLine(_ buffer: UnsafeBufferPointer<UInt8>, number: Int) -> DecodedLine {
    let hash = SHA256.digest(UnsafeRawBufferPointer(buffer))
    if let (entry, previous) = scanLine(buffer, number: number) {
      return DecodedLine(hash: hash, content: .entry(entry, previous: previous))
    }
    return DecodedLine(hash: hash, content: parseLine(ArraySlice(buffer), number: number))
  }

  /// Reads a line through the JSON tree: every line JSON allows, and a worded reason for any
  /// that is not an entry.
  static func parseLine(_ line: ArraySlice<UInt8>, number: Int) -> DecodedLine.Content {
    let value: JSONValue
    do {
      value = try JSONValue(parsing: Array(line))
    } catch {
      return .notJSON("\(error)")
    }
    let reader = JSONReader(value, path: "line \(number)")
    let version = (try? reader.optionalInt("v")) ?? nil
    if let version, version > formatVersion {
      return .newerFormat(version)
    }
    do {
      let sequence = try reader.int("seq")
      let previous = try reader.string("prev")
      let event = try Event(type: try reader.string("type"), payload: try reader.member("payload"))
      guard (version ?? 1) >= 1 else {
        throw reader.error("format \(version ?? 1) does not exist", at: "v")
      }
      let entry = Entry(
        version: version ?? 1, sequence: sequence, time: try reader.string("time"), event: event)
      return .entry(entry, previous: SHA256.Digest(hex: previous))
    } catch {
      return .unreadable(
        sequence: try? reader.int("seq"), previous: try? reader.string("prev"),
        problem: "\(error)")
    }
  }

  static func systemCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
