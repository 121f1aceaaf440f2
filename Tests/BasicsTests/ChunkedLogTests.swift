import Basics
import Testing

@Suite struct ChunkedLogTests {
  /// Across chunk boundaries, a log reads back what was appended, like an array.
  @Test(arguments: [0, 1, 4095, 4096, 4097, 8192, 10_000])
  func readsBackWhatWasAppended(count: Int) {
    var log = ChunkedLog<Int>()
    for value in 0..<count { log.append(value * 3) }
    #expect(log.count == count)
    #expect(Array(log) == (0..<count).map { $0 * 3 })
    #expect(log == ChunkedLog((0..<count).map { $0 * 3 }))
    if count > 0 { #expect(log[count - 1] == (count - 1) * 3) }
  }

  /// A copy and its original go their own ways once either is appended to.
  @Test func copiesAreIndependent() {
    var original = ChunkedLog(0..<5000)
    var copy = original
    copy.append(-1)
    original.append(-2)
    original.append(-3)
    #expect(copy.count == 5001 && copy.last == -1)
    #expect(original.count == 5002 && original[5000] == -2 && original.last == -3)
    #expect(Array(copy.prefix(5000)) == Array(original.prefix(5000)))
  }

  /// Appending a buffer fills chunks as appending one by one does, and the pieces of a range
  /// are its elements in order, one piece per chunk it touches.
  @Test(arguments: [(0, 0), (1, 4095), (4095, 2), (100, 9000), (4096, 4096)])
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
      let touched = range.isEmpty ? 0 : (range.upperBound - 1) / 4096 - range.lowerBound / 4096 + 1
      #expect(pieces == touched, "\(range)")
    }
  }
}
