import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a journal, read in steps as they are asked for into a window that slides
/// along the file: a replay holds the lines it has not decoded yet, never the whole file.
/// Bytes are named by their offset in the file; those before the window's start are gone.
///
/// Memory that is used again costs little, while every fresh page costs a fault and the
/// kernel zeroing it: reading a 323 MiB journal into a buffer of its size took a third of the
/// page faults of a replay.
///
/// Not thread-safe: the reader moves the window, and only lends pointers into it (to lines
/// decoded on other threads) while it does not read.
final class ArrivingBytes {
  /// The window: the bytes from ``start`` to ``end``.
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The offset in the file of the window's first byte.
  private(set) var start = 0
  /// The offset after the last byte read.
  private(set) var end = 0
  /// Bytes before this offset may be dropped when the window needs room.
  private var releasable = 0
  /// The file being read (`nil` for bytes given in memory), and its size when opened: what is
  /// read at most.
  private let file: OpenFile?
  private let path: String
  private let size: Int
  /// Whether every byte there will be has been read.
  private var ended: Bool

  /// How much is read at a time.
  static let step = 4 << 20

  /// Bytes already in memory (copied): all of them have arrived.
  init(_ bytes: [UInt8]) {
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
    bytes.withUnsafeBufferPointer { source in
      if let from = source.baseAddress { storage.initialize(from: from, count: source.count) }
    }
    self.storage = storage
    capacity = max(1, bytes.count)
    end = bytes.count
    size = bytes.count
    file = nil
    path = ""
    ended = true
  }

  /// The file at `path`, as it is when opened; nothing is read yet.
  init(path: String) throws(FileError) {
    let file = try OpenFile(path: path)
    self.file = file
    self.path = path
    size = file.size
    capacity = max(1, min(size, 4 * Self.step))
    storage = .allocate(capacity: capacity)
    ended = size == 0
  }

  deinit { storage.deallocate() }

  /// The byte at `offset`, which must lie in the window (or at its end).
  func pointer(at offset: Int) -> UnsafePointer<UInt8> {
    precondition(offset >= start && offset <= end, "offset \(offset) outside \(start)..<\(end)")
    return UnsafePointer(storage + (offset - start))
  }

  /// Lets the bytes before `offset` go: no pointer into them is in use, and none will be
  /// asked for. They are dropped when the window next needs room.
  func release(before offset: Int) {
    releasable = max(releasable, min(offset, end))
  }

  /// Reads until at least `count` bytes have arrived, or all there will be; returns how many
  /// have. Moves the window: pointers into it are spent.
  func fill(atLeast count: Int) throws(FileError) -> Int {
    while end < count && !ended { try readStep() }
    return end
  }

  /// Reads every byte there will be; returns how many there are.
  func fillAll() throws(FileError) -> Int { try fill(atLeast: Int.max) }

  /// Reads up to ``step`` bytes at the window's end, making room first.
  private func readStep() throws(FileError) {
    guard let file else { return }
    let wanted = min(Self.step, size - end)
    makeRoom(for: wanted)
    while true {
      let count = read(file.descriptor, storage + (end - start), wanted)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw FileError.fromErrno(path) }
      if count == 0 {
        ended = true  // the file became shorter: what arrived is all there is
      } else {
        end += count
        ended = end >= size
      }
      return
    }
  }

  /// Room for `count` more bytes: the released bytes dropped (the rest moved to the front),
  /// and the window grown when what is kept fills more than half of it (so that a move is
  /// followed by at least half a window of reading, however little is released).
  private func makeRoom(for count: Int) {
    guard end - start + count > capacity else { return }
    if releasable > start {
      let kept = end - releasable
      storage.update(from: storage + (releasable - start), count: kept)
      start = releasable
    }
    let needed = max(end - start + count, 2 * (end - start))
    guard needed > capacity else { return }
    var grown = capacity * 2
    while grown < needed { grown *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    bigger.initialize(from: storage, count: end - start)
    storage.deallocate()
    storage = bigger
    capacity = grown
  }

  /// The size of the window's memory (for tests: it stays bounded when bytes are released).
  var windowCapacity: Int { capacity }
}

extension Journal {
  /// Finds the complete lines of bytes as they arrive.
  struct LineFinder {
    let bytes: ArrivingBytes
    /// The byte ranges of the lines found so far (without their line ends).
    private(set) var ranges: [Range<Int>] = []
    /// Where the next line starts, and how far line ends have been looked for.
    private var lineStart = 0
    private var searched = 0

    init(_ bytes: ArrivingBytes) { self.bytes = bytes }

    /// Finds lines until there are `count`, or no more bytes will come.
    mutating func find(upTo count: Int) throws(FileError) {
      while ranges.count < count {
        let available = try bytes.fill(atLeast: searched + (1 << 20))
        guard available > searched else { return }  // no more bytes
        var from = bytes.pointer(at: searched)
        while searched < available, let found = memchr(from, 0x0A, available - searched) {
          let newline = searched + from.distance(to: found.assumingMemoryBound(to: UInt8.self))
          ranges.append(lineStart..<newline)
          lineStart = newline + 1
          from += lineStart - searched
          searched = lineStart
        }
        searched = available
      }
    }

    /// Lets go of the bytes before line `index` (0-based), or before the next line not found
    /// yet: they will not be read again.
    func release(beforeLine index: Int) {
      bytes.release(before: index < ranges.count ? ranges[index].lowerBound : lineStart)
    }

    /// Finds every line, letting go of the bytes of those found; returns how many bytes there
    /// are in all.
    mutating func findAll() throws(FileError) -> Int {
      while true {
        release(beforeLine: ranges.count)
        let before = ranges.count
        try find(upTo: ranges.count + 1)
        if ranges.count == before { break }
      }
      return try bytes.fillAll()
    }
  }
}
