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
}
