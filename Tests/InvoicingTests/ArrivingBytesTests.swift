import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing

/// A journal read in steps while its lines are found: the lines found as the bytes arrive are
/// the lines of the whole file, in any steps, and what the file ends with is kept; the bytes
/// let go of are dropped, so the window stays small however long the file.
@Suite struct ArrivingBytesTests {
  /// Lines of varying length, some over the 4 MiB reads and the finder's 1 MiB steps, the last
  /// one without a line end when `torn`.
  static func text(lines count: Int, torn: Bool, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    var bytes = [UInt8]()
    for index in 0..<count {
      let length = index % 97 == 0 ? 1_500_000 : Int(random.next() % 300)
      bytes += [UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: length)
      bytes.append(0x0A)
    }
    if torn { bytes += Array("{\"v\":3,\"seq\":".utf8) }
    return bytes
  }

  @Test(arguments: [(0, false), (1, false), (1, true), (500, false), (500, true)])
  func linesFoundAsTheFileArrivesAreTheFilesLines(count: Int, torn: Bool) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("journal.jsonl")
    let bytes = Self.text(lines: count, torn: torn, seed: UInt64(count))
    try AtomicFile.write(bytes, to: path)
    let expected = Journal.lineRanges(bytes)
    #expect(expected.count == count)
    // In steps of one line, of a few, and all at once.
    for step in [1, 7, Int.max] {
      var finder = Journal.LineFinder(try ArrivingBytes(path: path))
      var wanted = 0
      while wanted < count {
        wanted = wanted > Int.max - step ? Int.max : wanted + step
        try finder.find(upTo: wanted)
        #expect(finder.ranges.count >= min(wanted, count), "step \(step)")
        #expect(Array(finder.ranges.prefix(wanted)) == Array(expected.prefix(wanted)))
      }
      #expect(try finder.findAll() == bytes.count, "step \(step): every byte arrives")
      #expect(finder.ranges == expected, "step \(step)")
      let arrived = finder.bytes
      #expect(
        Array(UnsafeBufferPointer(start: arrived.pointer(at: 0), count: bytes.count)) == bytes,
        "step \(step): the bytes as in the file")
    }
  }

  @Test(arguments: [(3_000, false), (3_000, true)])
  func linesLetGoOfAreDroppedAndTheRestKept(count: Int, torn: Bool) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("journal.jsonl")
    let bytes = Self.text(lines: count, torn: torn, seed: 3)
    try AtomicFile.write(bytes, to: path)
    let expected = Journal.lineRanges(bytes)
    var finder = Journal.LineFinder(try ArrivingBytes(path: path))
    // As a replay reads: a block of lines found, its bytes read, the lines before it let go.
    var blockStart = 0
    while blockStart < count {
      finder.release(beforeLine: blockStart)
      try finder.find(upTo: blockStart + 50)
      let block = blockStart..<min(count, blockStart + 50)
      #expect(Array(finder.ranges[block]) == Array(expected[block]))
      for line in block {
        let range = expected[line]
        let read = UnsafeBufferPointer(
          start: finder.bytes.pointer(at: range.lowerBound), count: range.count)
        #expect(Array(read) == Array(bytes[range]), "line \(line)")
      }
      blockStart += 50
    }
    #expect(try finder.findAll() == bytes.count)
    #expect(finder.ranges == expected)
    // The file is 44 MiB; the window holds a block's lines and the next steps' bytes.
    #expect(bytes.count > 44 << 20)
    #expect(finder.bytes.windowCapacity <= 16 << 20)
    #expect(finder.bytes.start > 0)
  }

  @Test func aLineLongerThanTheWindowIsReadWhole() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("journal.jsonl")
    var bytes = Self.text(lines: 20, torn: false, seed: 5)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 40 << 20) + [0x0A]
    bytes += Self.text(lines: 20, torn: true, seed: 6)
    try AtomicFile.write(bytes, to: path)
    let expected = Journal.lineRanges(bytes)
    var finder = Journal.LineFinder(try ArrivingBytes(path: path))
    for line in 0..<41 {
      finder.release(beforeLine: line)
      try finder.find(upTo: line + 1)
      let range = expected[line]
      let read = UnsafeBufferPointer(
        start: finder.bytes.pointer(at: range.lowerBound), count: range.count)
      #expect(read.elementsEqual(bytes[range]), "line \(line)")
    }
    #expect(try finder.findAll() == bytes.count)
    #expect(finder.ranges == expected)
    #expect(finder.bytes.windowCapacity >= 40 << 20)
  }

  @Test func bytesInMemoryHaveAllArrived() throws {
    let bytes = Self.text(lines: 40, torn: true, seed: 9)
    let arriving = ArrivingBytes(bytes)
    #expect(try arriving.fill(atLeast: 1) == bytes.count)
    #expect(try arriving.fillAll() == bytes.count)
    #expect(Journal.lineRanges(bytes).count == 40)
  }

  @Test func aDirectoryIsRefused() throws {
    let directory = TemporaryDirectory()
    #expect(throws: FileError.self) { _ = try ArrivingBytes(path: directory.path) }
    #expect(throws: FileError.self) { _ = try ArrivingBytes(path: directory.file("none")) }
  }
}
