import Basics
import TestSupport
import Testing

@Suite struct ChunkedLogTests {
  /// A chunk of `Int`s (1 Mi of them, 8 MiB).
  static let size = ChunkedLog<Int>.chunkSize

  /// Chunks take 4–8 MiB, and hold no fewer than 4 096 elements.
  @Test func chunkSizes() {
    #expect(ChunkedLog<UInt8>.chunkSize == 1 << 23)
    #expect(ChunkedLog<Int>.chunkSize == 1 << 20)
    #expect(ChunkedLog<(Int, Int, Int)>.chunkSize == 1 << 18)
    #expect(ChunkedLog<(Int, Int, Int, Int, Int)>.chunkSize == 1 << 17)
    #expect(ChunkedLog<[Int: Int]>.chunkSize == 1 << 20)
    typealias Big = (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)
    typealias Kilobyte = (Big, Big, Big, Big, Big, Big, Big, Big)
    #expect(ChunkedLog<Kilobyte>.chunkSize == 8192)
    #expect(ChunkedLog<(Kilobyte, Kilobyte, Kilobyte)>.chunkSize == 4096)
  }

  /// Across chunk boundaries, a log reads back what was appended, like an array.
  @Test(arguments: [0, 1, 4095, 4096, 4097, size - 1, size, size + 1, 2 * size + 3])
  func readsBackWhatWasAppended(count: Int) {
    var log = ChunkedLog<Int>()
    for value in 0..<count { log.append(value * 3) }
    #expect(log.count == count)
    #expect(Array(log) == (0..<count).map { $0 * 3 })
    #expect(log == ChunkedLog((0..<count).map { $0 * 3 }))
    if count > 0 { #expect(log[count - 1] == (count - 1) * 3) }
  }

  /// A log that has its memory faulted in ahead holds what a plain one holds, appended to one
  /// element or a buffer at a time, across quarter chunks and chunks, and copied midway.
  @Test(arguments: [0, 1, size / 4 - 1, size / 4, size / 4 + 1, size + size / 4 + 3])
  func populatingAheadKeepsWhatWasAppended(count: Int) {
    var log = ChunkedLog<Int>()
    log.populatesAhead = true
    var copy = ChunkedLog<Int>()
    for value in 0..<count {
      log.append(value &* 7)
      if value == count / 2 { copy = log }
    }
    copy.append(-1)
    #expect(log.count == count)
    #expect(log.elementsEqual((0..<count).lazy.map { $0 &* 7 }))
    // Bytes a buffer at a time, past a chunk (8 MiB) in pieces of every length up to 2 000.
    var bytes = ChunkedLog<UInt8>()
    bytes.populatesAhead = true
    var expectedBytes = [UInt8]()
    var random = SplitMix64(seed: UInt64(count))
    while expectedBytes.count < count * 8 {
      let piece = [UInt8](
        repeating: UInt8(truncatingIfNeeded: random.next()), count: Int(random.next() % 2_000))
      piece.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
      expectedBytes += piece
    }
    #expect(bytes.elementsEqual(expectedBytes))
    if count > 0 {
      #expect(copy.count == count / 2 + 2 && copy.last == -1)
      #expect(copy.dropLast().elementsEqual((0...(count / 2)).lazy.map { $0 &* 7 }))
    }
  }

  /// The next chunk, made ahead in a chunk's last quarter, is the copy's and the original's
  /// alike until either starts it: each then fills its own.
  @Test func aCopyMadeWithTheNextChunkReadyGoesItsOwnWay() {
    let size = Self.size
    var log = ChunkedLog<Int>()
    log.populatesAhead = true
    for value in 0..<size - size / 8 { log.append(value) }
    var copy = log
    for value in log.count..<size + 10 {
      log.append(value)
      copy.append(-value)
    }
    #expect(log.elementsEqual(0..<size + 10))
    #expect(copy.prefix(size - size / 8).elementsEqual(0..<size - size / 8))
    #expect(
      copy.dropFirst(size - size / 8).elementsEqual((size - size / 8..<size + 10).lazy.map { -$0 }))
  }

  /// A copy and its original go their own ways once either is appended to.
  @Test(arguments: [5000, size - 1, size + 5000])
  func copiesAreIndependent(count: Int) {
    var original = ChunkedLog(0..<count)
    var copy = original
    copy.append(-1)
    original.append(-2)
    original.append(-3)
    copy[0] = -4
    #expect(copy.count == count + 1 && copy.last == -1 && copy[0] == -4)
    #expect(original.count == count + 2 && original[count] == -2 && original.last == -3)
    #expect(original[0] == 0)
    #expect(
      Array(copy.dropFirst().prefix(count - 1)) == Array(original.dropFirst().prefix(count - 1)))
  }

  /// Appending a buffer fills chunks as appending one by one does, and the pieces of a range
  /// are its elements in order, one piece per chunk it touches.
  @Test(arguments: [(0, 0), (1, size - 1), (size - 1, 2), (100, size + 9000), (size, size)])
  func buffersAppendAndRangesComeInPieces(before: Int, added: Int) {
    var log = ChunkedLog(0..<before)
    let more = Array(before..<before + added)
    more.withUnsafeBufferPointer { log.append(contentsOf: $0) }
    #expect(Array(log) == Array(0..<before + added))
    log.append(-1)
    #expect(log.count == before + added + 1 && log.last == -1)
    for range in [0..<0, 0..<log.count, before..<before + added, log.count / 3..<log.count / 2] {
      var seen = [Int]()
      var pieces = 0
      log.forEachPiece(of: range) { piece in
        seen += piece
        pieces += 1
      }
      #expect(seen == Array(log[range]))
      let touched =
        range.isEmpty ? 0 : (range.upperBound - 1) / Self.size - range.lowerBound / Self.size + 1
      #expect(pieces == touched, "\(range)")
    }
  }

  /// A log joined onto another at a chunk's end takes its chunks as they are; anywhere else
  /// its elements one by one. Either way the elements follow in order, and the two logs
  /// still go their own ways.
  @Test(arguments: [0, 5, size - 1, size])
  func logsJoin(first: Int) {
    var log = ChunkedLog(0..<first)
    let other = ChunkedLog(first..<first + 1000)
    log.append(contentsOf: other)
    #expect(log.count == first + 1000 && Array(log) == Array(0..<first + 1000))
    log.append(-1)
    log[first] = -2
    #expect(Array(other) == Array(first..<first + 1000))
    #expect(log.last == -1 && log[first] == -2)
  }
}
