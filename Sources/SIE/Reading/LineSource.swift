#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Delivers the lines of a file or a byte array, reading a file in chunks so that memory stays
/// constant whatever the file's size.
///
/// A line is delivered without its LF and without a CR right before it. The bytes a line points
/// to stay valid until the next call.
struct LineSource {
  /// Lines longer than this are reported and skipped rather than held in memory.
  static let maximumLineLength = 16 << 20

  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var descriptor: Int32
  private var atEndOfFile: Bool
  /// The 1-based number of the line last delivered.
  private(set) var lineNumber = 0
  /// Bytes consumed so far, including line ends.
  private(set) var bytesConsumed = 0
  /// Set when a read failed; the lines before it were delivered.
  private(set) var readError: Int32?
  /// Set when a line longer than ``maximumLineLength`` was skipped (its line number).
  var skippedLongLine: Int?
  private var skipping = false

  /// Reads from an open file descriptor (not closed here) in chunks of `chunkSize` bytes.
  init(descriptor: Int32, chunkSize: Int) {
    self.descriptor = descriptor
    capacity = max(chunkSize, 64)
    buffer = .allocate(capacity: capacity)
    atEndOfFile = false
    fill()
    skipByteOrderMark()
  }

  /// Reads lines from bytes in memory (copied once).
  init(bytes: UnsafeRawBufferPointer) {
    descriptor = -1
    capacity = max(bytes.count, 1)
    buffer = .allocate(capacity: capacity)
    if let base = bytes.baseAddress {
      buffer.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
    end = bytes.count
    atEndOfFile = true
    skipByteOrderMark()
  }

  func deallocate() { buffer.deallocate() }

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

  /// Reads until the buffer is full or the file ends.
  private mutating func fill() {
    while end < capacity && !atEndOfFile {
      let count = read(descriptor, buffer + end, capacity - end)
      if count > 0 {
        end += count
      } else if count == 0 {
        atEndOfFile = true
      } else if errno != EINTR {
        readError = errno
        atEndOfFile = true
      }
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
        return UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
      }
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

  func findNewline() -> Int? {
    guard start < end else { return nil }
    guard let found = memchr(buffer + start, 0x0A, end - start) else { return nil }
    return buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// Makes room and reads more: moves the unfinished line to the front, or grows the buffer
  /// for a long line, or starts skipping a line that is too long.
  mutating func refill() {
    if start > 0 {
      let remaining = end - start
      if remaining > 0 { buffer.update(from: buffer + start, count: remaining) }
      start = 0
      end = remaining
    } else if end == capacity {
      if capacity >= LineSource.maximumLineLength {
        if !skipping {
          skipping = true
          lineNumber += 1
          skippedLongLine = lineNumber
        }
        bytesConsumed += end
        end = 0
      } else {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: buffer, count: end)
        buffer.deallocate()
        buffer = bigger
        capacity *= 2
      }
    }
    fill()
  }
}
