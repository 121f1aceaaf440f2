import Basics
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a journal as they arrive: a file read on another thread into one buffer, or
/// bytes already in memory. A replay decodes and applies the lines that have arrived while the
/// rest is still being read.
final class ArrivingBytes: @unchecked Sendable {
  /// Where the bytes go; the first ``wait(for:)`` returns are there to be read.
  let base: UnsafeMutablePointer<UInt8>
  /// The size of the file when it was opened (what is read at most).
  private let capacity: Int
  /// How many bytes have arrived.
  private let arrived = Atomic(0)
  /// Whether reading has stopped: all arrived, the file ended early, or it failed.
  private let ended = Atomic(false)
  private let failure = Mutex<FileError?>(nil)
  /// Signalled each time bytes arrive and when reading stops.
  private let signal = DispatchSemaphore(value: 0)

  /// Bytes already in memory (copied): all of them have arrived.
  init(_ bytes: [UInt8]) {
    capacity = bytes.count
    base = .allocate(capacity: max(1, bytes.count))
    bytes.withUnsafeBufferPointer { source in
      if let from = source.baseAddress { base.initialize(from: from, count: source.count) }
    }
    arrived.store(bytes.count, ordering: .releasing)
    ended.store(true, ordering: .releasing)
  }

  /// Starts reading the file at `path` on another thread, as it is when opened.
  init(path: String) throws(FileError) {
    let file = try OpenFile(path: path)
    capacity = file.size
    base = .allocate(capacity: max(1, capacity))
    DispatchQueue.global().async { [self] in
      var done = 0
      while done < capacity {
        let count = read(file.descriptor, base + done, min(4 << 20, capacity - done))
        if count < 0 && errno == EINTR { continue }
        if count < 0 { failure.withLock { $0 = FileError.fromErrno(path) } }
        if count <= 0 { break }  // the file became shorter: what arrived is all there is
        done += count
        arrived.store(done, ordering: .releasing)
        signal.signal()
      }
      ended.store(true, ordering: .releasing)
      signal.signal()
    }
  }

  deinit { base.deallocate() }

  /// Waits until at least `count` bytes have arrived, or all there will be; returns how many
  /// have. Throws what stopped the reading, if it failed.
  func wait(for count: Int) throws(FileError) -> Int {
    while true {
      let stopped = ended.load(ordering: .acquiring)
      let available = arrived.load(ordering: .acquiring)
      if available >= count || stopped {
        if stopped, let error = failure.withLock({ $0 }) { throw error }
        return available
      }
      signal.wait()
    }
  }

  /// Waits for every byte there will be; returns how many there are.
  func waitForAll() throws(FileError) -> Int { try wait(for: Int.max) }
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
        let available = try bytes.wait(for: searched + (1 << 20))
        guard available > searched else { return }  // no more bytes
        let base = bytes.base
        while searched < available,
          let found = memchr(base + searched, 0x0A, available - searched)
        {
          let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          ranges.append(lineStart..<newline)
          lineStart = newline + 1
          searched = lineStart
        }
        searched = available
      }
    }

    /// Finds every line; returns how many bytes there are in all.
    mutating func findAll() throws(FileError) -> Int {
      try find(upTo: Int.max)
      return try bytes.waitForAll()
    }
  }
}
