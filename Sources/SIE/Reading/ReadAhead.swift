import Basics
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in chunks, the next one on another thread while the caller works through the
/// current one.
///
/// Two buffers take turns. Each has room before its chunk for the unfinished end of the chunk
/// before it, so that a line across the border lies in one piece without copying the chunk.
/// The reading thread also finds where the chunk's lines end, so that the caller does not
/// search for them, and when asked parses them for the fast path (``FastLine``). The first
/// chunk is read on the caller's thread; a file that fits in it starts no thread.
final class ReadAhead: @unchecked Sendable {
  /// What a call to ``next(carrying:)`` delivers.
  struct Chunk {
    /// The carried bytes followed by the new ones, contiguous.
    var bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    /// Whether the file ends with this chunk (also after a read error).
    var isLast: Bool
    /// The positions of the LFs in ``bytes``, ascending, less the carried bytes' count (which
    /// hold none: they are an unfinished line). Valid as long as the bytes.
    var newlines: UnsafeBufferPointer<Int32>
    /// The number of carried bytes, to add to each of ``newlines``.
    var carried: Int
    /// For each LF, the line it ends parsed for the fast path (the first line, which starts in
    /// the chunk before, is not); `nil` when not asked for.
    var lines: UnsafePointer<FastLine>?
    /// The objects of the parsed rows.
    var objects: UnsafePointer<FastObject>
    /// Of every `share` lines, all but one were parsed ahead (see ``isParsedAhead(_:share:)``).
    var share: Int
  }

  /// Whether the line ending at LF `index` of a chunk is parsed ahead: all but one of every
  /// `share` lines (the caller parses that one besides applying every line), and never the
  /// first, which starts in the chunk before. The others are left uninitialized.
  @inline(__always)
  static func isParsedAhead(_ index: Int, share: Int) -> Bool { index > 0 && index % share != 0 }

  /// The bounds of the share, and where it starts. How the work divides evenly depends on the
  /// machine (five lines of six on one, two of three on another), so the threads move it
  /// chunk by chunk: toward the reading thread when the caller had to wait for a chunk,
  /// toward the caller when the reading thread had to wait for a buffer.
  static let shares = 2...12
  static let firstShare = 4

  /// One of the two buffers. Whichever thread holds it (handed over by the semaphores) is the
  /// only one to touch it.
  private final class Buffer: @unchecked Sendable {
    let storage: UnsafeMutablePointer<UInt8>
    /// Where the chunk starts, after the room for carried bytes.
    let data: UnsafeMutablePointer<UInt8>
    let newlines: UnsafeMutablePointer<Int32>
    var count = 0
    var newlineCount = 0
    var isLast = false
    var error: Int32?
    /// The parsed lines (when parsing), and room for them.
    var lines: UnsafeMutablePointer<FastLine>?
    var lineCapacity = 0
    var objects = FastObjectTable()
    var parser = FastLineParser()
    /// The share the chunk was parsed with.
    var share = ReadAhead.firstShare
    /// Signalled when the reading thread has filled it.
    let filled: WatchedSemaphore
    /// Signalled when the caller is done with it.
    let free: WatchedSemaphore

    init(chunkSize: Int, carryLimit: Int, free: Int, watch: Duration?) {
      storage = .allocate(capacity: carryLimit + chunkSize)
      data = storage + carryLimit
      newlines = .allocate(capacity: chunkSize)
      filled = WatchedSemaphore(watch: watch)
      self.free = WatchedSemaphore(value: free, watch: watch)
    }

    deinit {
      storage.deallocate()
      newlines.deallocate()
      lines?.deallocate()
      objects.deallocate()
    }

    /// Reads until the chunk is full or the file ends, finds the LFs, and parses the lines when
    /// `parsing`.
    func fill(from descriptor: Int32, chunkSize: Int, parsing: Bool, share: Int) {
      self.share = share
      count = 0
      isLast = false
      while count < chunkSize {
        let got = read(descriptor, data + count, chunkSize - count)
        if got > 0 {
          count += got
        } else if got == 0 {
          isLast = true
          break
        } else if errno != EINTR {
          error = errno
          isLast = true
          break
        }
      }
      newlineCount = ReadAhead.findNewlines(
        in: UnsafeBufferPointer(start: data, count: count), into: newlines)
      if parsing { parseLines() }
    }

    /// Parses each line that lies wholly in the chunk, without its CR.
    private func parseLines() {
      if lineCapacity < newlineCount {
        lines?.deallocate()
        lineCapacity = max(newlineCount, 2 * lineCapacity)
        lines = .allocate(capacity: lineCapacity)
      }
      guard let lines, newlineCount > 0 else { return }
      // In locals: a class's stored properties passed inout are checked for exclusive access
      // at run time, on every call.
      var parser = self.parser
      var objects = self.objects
      defer {
        self.parser = parser
        self.objects = objects
      }
      objects.count = 0
      let share = self.share
      for index in 1..<newlineCount where ReadAhead.isParsedAhead(index, share: share) {
        let start = Int(newlines[index - 1]) + 1
        var end = Int(newlines[index])
        if end > start && data[end - 1] == 0x0D { end -= 1 }
        (lines + index).initialize(to: FastLine())
        parser.parse(
          UnsafeBufferPointer(start: data + start, count: end - start), into: &lines[index],
          objects: &objects)
      }
    }

    func chunk(carried: Int, parsing: Bool) -> Chunk {
      Chunk(
        bytes: data - carried, count: carried + count, isLast: isLast,
        newlines: UnsafeBufferPointer(start: newlines, count: newlineCount), carried: carried,
        lines: parsing ? UnsafePointer(lines) : nil, objects: UnsafePointer(objects.base),
        share: share)
    }
  }

  /// Writes the offsets of `bytes`' LFs to `newlines` (room for one per byte), ascending, and
  /// returns their number. Eight bytes at a time: SIE lines are short, so a search per line
  /// (`memchr`) spends more on its calls than on the bytes.
  static func findNewlines(
    in bytes: UnsafeBufferPointer<UInt8>, into newlines: UnsafeMutablePointer<Int32>
  ) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var found = 0
    var index = 0
    while index + 8 <= count {
      var marks = ByteWord.bytes(ByteWord.load(base + index), equalTo: 0x0A)
      // Without a branch for the usual word, with no LF or one (a line is longer than eight
      // bytes): the slot is written either way and kept only when there is one.
      newlines[found] = Int32(truncatingIfNeeded: index &+ ByteWord.firstMarked(marks))
      found &+= marks != 0 ? 1 : 0
      marks &= marks &- 1
      while marks != 0 {
        newlines[found] = Int32(truncatingIfNeeded: index &+ ByteWord.firstMarked(marks))
        found &+= 1
        marks &= marks &- 1
      }
      index += 8
    }
    while index < count {
      if base[index] == 0x0A {
        newlines[found] = Int32(truncatingIfNeeded: index)
        found &+= 1
      }
      index += 1
    }
    return found
  }

  /// The longest unfinished line that can be carried into the next chunk.
  let carryLimit: Int
  private let chunkSize: Int
  private let descriptor: Int32
  /// Whether the lines are parsed for the fast path as they are read.
  private let parsing: Bool
  private let buffers: [Buffer]
  /// The `errno` of a failed read; the bytes before it were delivered.
  private(set) var readError: Int32?
  private let finished = DispatchSemaphore(value: 0)
  /// Set by the caller before it frees both buffers a last time; the reading thread stops
  /// when it finds it set.
  private let stopped = Atomic(false)
  private var started = false
  /// The buffer the caller holds.
  private var current = 0
  /// The share the reading thread parses the next chunk with; both threads move it.
  private let share = Atomic(ReadAhead.firstShare)

  /// Starts reading `descriptor` (not closed here); returns with the first chunk read (and
  /// parsed, when `parsing`). With `watching`, a thread that waits for the other watches for
  /// its signal a while before it sleeps (chunks of ``watchedChunkSize`` or more): the
  /// fastest way while each has a core, a core taken from other work when they have not.
  init(descriptor: Int32, chunkSize: Int, carryLimit: Int, parsing: Bool, watching: Bool = true) {
    self.descriptor = descriptor
    self.parsing = parsing
    self.chunkSize = chunkSize
    self.carryLimit = carryLimit
    let watch = watching && chunkSize >= ReadAhead.watchedChunkSize ? ReadAhead.watch : nil
    // The caller holds the first buffer; the reading thread starts with the second.
    buffers = [
      Buffer(chunkSize: chunkSize, carryLimit: carryLimit, free: 0, watch: watch),
      Buffer(chunkSize: chunkSize, carryLimit: carryLimit, free: 1, watch: watch),
    ]
    buffers[0].fill(
      from: descriptor, chunkSize: chunkSize, parsing: parsing, share: ReadAhead.firstShare)
    readError = buffers[0].error
  }

  /// The first chunk, read by the initializer.
  var first: Chunk { buffers[0].chunk(carried: 0, parsing: parsing) }

  /// The next chunk, with `carry` (at most ``carryLimit`` bytes of the current one) copied in
  /// front of it. The current chunk's bytes are invalid afterwards. Only after a chunk that
  /// is not the last.
  func next(carrying carry: UnsafeBufferPointer<UInt8>) -> Chunk {
    precondition(carry.count <= carryLimit)
    if !started {
      started = true
      let buffers = buffers
      let descriptor = descriptor
      let chunkSize = chunkSize
      let parsing = parsing
      DispatchQueue.global().async {
        self.work(buffers, descriptor: descriptor, chunkSize: chunkSize, parsing: parsing)
      }
    }
    let held = buffers[current]
    current ^= 1
    let next = buffers[current]
    if next.filled.wait() && parsing { moveShare(by: -1) }
    if let base = carry.baseAddress, carry.count > 0 {
      (next.data - carry.count).update(from: base, count: carry.count)
    }
    held.free.signal()
    if let error = next.error { readError = error }
    return next.chunk(carried: carry.count, parsing: parsing)
  }

  /// Stops the reading thread; the buffers are freed with the last reference.
  func close() {
    guard started else { return }
    stopped.store(true, ordering: .releasing)
    buffers[0].free.signal()
    buffers[1].free.signal()
    finished.wait()
  }

  /// How long a thread waiting for the other watches for its signal before it sleeps: in the
  /// order of the time a chunk takes. Only for chunks of at least ``watchedChunkSize``: with
  /// small ones the threads trade signals so often that watching mostly keeps the other thread
  /// from a core.
  static let watch = Duration.milliseconds(3)
  static let watchedChunkSize = 1 << 18

  /// Moves the share one step within ``shares``: up gives the reading thread more lines. (The
  /// two threads may step at once and one step be lost: the next chunk corrects it.)
  private func moveShare(by step: Int) {
    let now = share.load(ordering: .relaxed)
    let moved = min(max(now + step, ReadAhead.shares.lowerBound), ReadAhead.shares.upperBound)
    if moved != now { share.store(moved, ordering: .relaxed) }
  }

  /// The reading thread: fills the buffers in turn until the file ends or the reader closes.
  private func work(_ buffers: [Buffer], descriptor: Int32, chunkSize: Int, parsing: Bool) {
    var slot = 1
    while true {
      let buffer = buffers[slot]
      if buffer.free.wait() && parsing { moveShare(by: 1) }
      if stopped.load(ordering: .acquiring) { break }
      buffer.fill(
        from: descriptor, chunkSize: chunkSize, parsing: parsing,
        share: share.load(ordering: .relaxed))
      buffer.filled.signal()
      if buffer.isLast { break }
      slot ^= 1
    }
    finished.signal()
  }
}
