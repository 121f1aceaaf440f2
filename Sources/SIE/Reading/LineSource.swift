#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Delivers the lines of a file or a byte array, reading a file in chunks (the next one on
/// another thread, see ``ReadAhead``) so that memory stays constant whatever the file's size.
///
/// A line is delivered without its LF and without a CR right before it. The bytes a line points
/// to stay valid until the next call.
struct LineSource {
  /// Lines longer than this are reported and skipped rather than held in memory.
  static let maximumLineLength = 16 << 20

  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private var start = 0
  private var end = 0
  /// The file being read; `nil` for bytes in memory.
  private let reader: ReadAhead?
  /// The bytes in memory (owned).
  private let owned: UnsafeMutablePointer<UInt8>?
  private var atEndOfFile: Bool
  /// The LFs of the current chunk, found by the reader (none for bytes in memory).
  private var newlines = UnsafeBufferPointer<Int32>(start: nil, count: 0)
  private var nextNewline = 0
  private var newlineShift = 0
  /// The current chunk's lines parsed by the reader, and their objects.
  private var parsedLines: UnsafePointer<FastLine>?
  private var parsedObjects: UnsafePointer<FastObject>?
  /// The share ``parsedLines`` were parsed with.
  private var parsedShare = ReadAhead.firstShare
  /// The index among the chunk's LFs of the line last delivered, or −1.
  private var deliveredNewline = -1
  /// The 1-based number of the line last delivered.
  private(set) var lineNumber = 0
  /// Bytes consumed so far, including line ends.
  private(set) var bytesConsumed = 0
  /// Set when a read failed; the lines before it were delivered.
  var readError: Int32? { reader?.readError }
  /// Set when a line longer than ``maximumLineLength`` was skipped (its line number).
  var skippedLongLine: Int?
  private var skipping = false

  /// Reads from an open file descriptor (not closed here) in chunks of `chunkSize` bytes;
  /// with `parsing`, the reading thread also parses the lines for the fast path. Without
  /// `watching`, the two threads wait for each other asleep (see ``ReadAhead``).
  init(descriptor: Int32, chunkSize: Int, parsing: Bool = false, watching: Bool = true) {
    let reader = ReadAhead(
      descriptor: descriptor, chunkSize: max(chunkSize, 64),
      carryLimit: LineSource.maximumLineLength + 2, parsing: parsing, watching: watching)
    self.reader = reader
    owned = nil
    let first = reader.first
    buffer = first.bytes
    atEndOfFile = first.isLast
    take(first)
    skipByteOrderMark()
  }

  /// Reads lines from bytes in memory (copied once).
  init(bytes: UnsafeRawBufferPointer) {
    reader = nil
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    if let base = bytes.baseAddress {
      copy.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
    owned = copy
    buffer = copy
    end = bytes.count
    atEndOfFile = true
    skipByteOrderMark()
  }

  /// Reads lines from bytes in memory where they lie; they must outlive the source (which
  /// never writes to them).
  init(borrowing bytes: UnsafeRawBufferPointer) {
    reader = nil
    if let base = bytes.baseAddress {
      owned = nil
      buffer = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
    } else {
      owned = .allocate(capacity: 1)
      buffer = owned!
    }
    end = bytes.count
    atEndOfFile = true
    skipByteOrderMark()
  }

  /// Calls `body` with the bytes of `collection`, in place when they are contiguous.
  static func withContiguousBytes<Result>(
    of collection: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result
  ) -> Result {
    if let result = collection.withContiguousStorageIfAvailable({
      body(UnsafeRawBufferPointer($0))
    }) {
      return result
    }
    return Array(collection).withUnsafeBytes(body)
  }

  func deallocate() {
    reader?.close()
    owned?.deallocate()
  }

  /// The line last delivered as the reading thread parsed it, when it did (not for the first
  /// line of a chunk, nor for bytes in memory), with the objects its range refers to.
  var preparsedLine: (line: FastLine, objects: UnsafePointer<FastObject>)? {
    guard let parsedLines, let parsedObjects,
      ReadAhead.isParsedAhead(deliveredNewline, share: parsedShare)
    else {
      return nil
    }
    return (parsedLines[deliveredNewline], parsedObjects)
  }

  /// The bytes read ahead and not yet delivered (the start of the file before the first line).
  var lookahead: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: buffer + start, count: end - start)
  }

  /// Whether the whole input is in ``lookahead``.
  var lookaheadIsComplete: Bool { atEndOfFile }

  private mutating func skipByteOrderMark() {
    if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB,
      buffer[start + 2] == 0xBF
    {
      start += 3
      bytesConsumed += 3
    }
  }
  /// The next line, or `nil` at the end of the input.

  mutating func nextLine() -> UnsafeBufferPointer<UInt8>? {
    while true {
      if let newline = findNewline() {
        let lineStart = start
        start = newline + 1
        bytesConsumed += newline + 1 - lineStart
        if skipping {
          skipping = false
          continue
        }
        lineNumber += 1
        if newline - lineStart > LineSource.maximumLineLength {
          skippedLongLine = lineNumber
          continue
        }
        var lineEnd = newline
        if lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        deliveredNewline = reader != nil ? nextNewline - 1 : -1
        return UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
      }
      deliveredNewline = -1
      if atEndOfFile {
        guard start < end else { return nil }
        let lineStart = start
        bytesConsumed += end - start
        start = end
        if skipping {
          skipping = false
          return nil
        }
        lineNumber += 1
        if end - lineStart > LineSource.maximumLineLength {
          skippedLongLine = lineNumber
          return nil
        }
        var lineEnd = end
        if lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
      }
      refill()
    }
  }

  /// The next LF at or after `start`: the reader's next one, or one searched for.
  mutating func findNewline() -> Int? {
    if reader != nil {
      while nextNewline < newlines.count {
        let position = Int(newlines[nextNewline]) + newlineShift
        nextNewline += 1
        if position >= start { return position }
      }
      return nil
    }
    guard start < end else { return nil }
    guard let found = memchr(buffer + start, 0x0A, end - start) else { return nil }
    return buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// Reads the next chunk, carrying the unfinished line into it, or starts skipping that line
  /// when it is already too long to be kept.
  mutating func refill() {
    guard let reader else {
      atEndOfFile = true
      return
    }
    var carried = end - start
    if carried > LineSource.maximumLineLength + 1 {
      if !skipping {
        skipping = true
        lineNumber += 1
        skippedLongLine = lineNumber
      }
      bytesConsumed += carried
      carried = 0
    }
    take(
      reader.next(carrying: UnsafeBufferPointer(start: buffer + end - carried, count: carried)))
  }

  /// Reads on in `chunk`, from its start.
  private mutating func take(_ chunk: ReadAhead.Chunk) {
    buffer = chunk.bytes
    start = 0
    end = chunk.count
    atEndOfFile = chunk.isLast
    newlines = chunk.newlines
    nextNewline = 0
    newlineShift = chunk.carried
    parsedLines = chunk.lines
    parsedObjects = chunk.objects
    parsedShare = chunk.share
  }
}
