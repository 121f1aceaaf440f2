import Basics
import Foundation
import TestSupport
import Testing

@testable import SIE

/// Lines read from a file in chunks (the next one read ahead on another thread) are the lines
/// read from the same bytes in memory, wherever the chunk borders fall.
@Suite struct LineSourceTests {
  /// Lines of 0 to 200 bytes, some ending in CR LF, the last one (not empty) without a line end.
  static func sample(seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    var bytes = [UInt8]()
    for index in 0..<2_000 {
      let length = Int(random.next() % 201) + (index == 1_999 ? 1 : 0)
      bytes += (0..<length).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      if index == 1_999 { break }
      if random.next() % 3 == 0 { bytes.append(0x0D) }
      bytes.append(0x0A)
    }
    return bytes
  }

  static func lines(_ source: inout LineSource) -> [[UInt8]] {
    var lines = [[UInt8]]()
    while let line = source.nextLine() { lines.append(Array(line)) }
    return lines
  }

  static func fileLines(_ bytes: [UInt8], chunkSize: Int) throws -> (
    lines: [[UInt8]], consumed: Int, skipped: Int?
  ) {
    let directory = TemporaryDirectory()
    let path = directory.file("lines.txt")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let file = try OpenFile(path: path)
    var source = LineSource(descriptor: file.descriptor, chunkSize: chunkSize)
    defer { source.deallocate() }
    let lines = withExtendedLifetime(file) { Self.lines(&source) }
    return (lines, source.bytesConsumed, source.skippedLongLine)
  }

  @Test(arguments: [64, 65, 100, 333, 4096, 1 << 20])
  func chunkBordersDoNotChangeTheLines(chunkSize: Int) throws {
    let bytes = Self.sample(seed: UInt64(chunkSize))
    var memory = bytes.withUnsafeBytes { LineSource(bytes: $0) }
    defer { memory.deallocate() }
    let expected = Self.lines(&memory)
    let read = try Self.fileLines(bytes, chunkSize: chunkSize)
    #expect(expected.count == 2_000)
    #expect(read.lines == expected)
    #expect(read.consumed == bytes.count)
  }

  @Test func anEmptyFileHasNoLines() throws {
    let read = try Self.fileLines([], chunkSize: 64)
    #expect(read.lines.isEmpty)
    #expect(read.consumed == 0)
  }

  @Test func aFileOfExactlyOneChunk() throws {
    let bytes = Array(repeating: Array("#KONTO 1510 Kundfordringar\n".utf8), count: 4).joined()
    let read = try Self.fileLines(Array(bytes), chunkSize: bytes.count)
    #expect(read.lines.count == 4)
    #expect(read.consumed == bytes.count)
  }

  @Test func aLineLongerThanTheLimitIsSkippedInAFileToo() throws {
    var bytes = Array("#FLAGGA 0\n#PROSA \"".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: LineSource.maximumLineLength + 10)
    bytes += Array("\"\n#KONTO 1510 a\n".utf8)
    let read = try Self.fileLines(bytes, chunkSize: 1 << 20)
    #expect(
      read.lines.map { String(decoding: $0, as: UTF8.self) } == ["#FLAGGA 0", "#KONTO 1510 a"])
    #expect(read.skipped == 2)
    #expect(read.consumed == bytes.count)
  }

  @Test func aValidatorStoppedEarlyLetsTheReaderGo() throws {
    // A file that is not SIE stops the engine at its first line (longer than a chunk, so the
    // reading thread has started), with chunks still to read.
    let bytes = Array(repeating: UInt8(ascii: "x"), count: 1 << 21) + [0x0A]
    let directory = TemporaryDirectory()
    let path = directory.file("not.se")
    try Data(Array(repeating: bytes, count: 3).joined()).write(to: URL(fileURLWithPath: path))
    let report = try SIEValidator.validate(path: path)
    #expect(report.diagnostics.map(\.code) == [.notSIEFile])
  }
}
