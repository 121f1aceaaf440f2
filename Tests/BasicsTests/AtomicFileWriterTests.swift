import Basics
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct AtomicFileWriterTests {
  /// Pieces of every size, in turns: small ones buffered, large contiguous ones written
  /// directly (after what is buffered), a large one that is not contiguous buffered.
  @Test(arguments: [
    [3, 1 << 17, 5],
    [1 << 16, 1 << 16],
    [(1 << 16) - 1, 2, 1 << 20, 0, 7],
    [0],
  ])
  func theFileHoldsThePiecesInOrder(sizes: [Int]) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("out.bin")
    let writer = try AtomicFileWriter(path: path)
    var expected = [UInt8]()
    for (index, size) in sizes.enumerated() {
      let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) }
      expected += piece
      if index % 3 == 2 {
        try writer.write(piece.lazy.map { $0 })  // not contiguous
      } else {
        try writer.write(piece)
      }
    }
    #expect(writer.count == expected.count)
    #expect(!FilePath.exists(path))
    try writer.commit()
    #expect(try FilePath.read(path) == expected)
  }

  /// 45 MiB that repeat nowhere on a page (a piece out of place would show).
  static let source: [UInt8] = {
    var pattern = [UInt8](repeating: 0, count: (1 << 20) + 4099)
    for place in pattern.indices { pattern[place] = UInt8(truncatingIfNeeded: place &* 131 >> 3) }
    var bytes = [UInt8]()
    bytes.reserveCapacity(45 << 20)
    var offset = 0
    while bytes.count < 45 << 20 {
      bytes += pattern[offset...]
      offset = (offset + 4093) % 4099
    }
    return bytes
  }()

  /// Whether `file` holds the first `count` bytes of ``source``.
  static func holdsSource(_ file: [UInt8], count: Int) -> Bool {
    guard file.count == count else { return false }
    return file.withUnsafeBytes { a in
      source.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, count) == 0 }
    }
  }

  /// Pages let go of behind the end as the file is written: the same bytes, read back in the
  /// middle of the writing and at the end, whatever the pieces (small ones buffered, large
  /// ones written directly, steps crossed inside a piece and at its edge).
  @Test(arguments: [1 << 20, 3 << 20, (8 << 20) + 1, 20 << 20])
  func pagesLetGoOfKeepTheBytes(largest: Int) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("out.bin")
    let writer = try AtomicFileWriter(path: path)
    writer.dropsWrittenPages = true
    var random = SplitMix64(seed: UInt64(largest))
    var count = 0
    var checkedInTheMiddle = false
    while count < Self.source.count {
      let wanted = random.next() % 4 == 0 ? Int(random.next() % 5000) : largest
      let size = min(wanted, Self.source.count - count)
      try writer.write(Self.source[count..<count + size])
      count += size
      if !checkedInTheMiddle && count > 17 << 20 {
        checkedInTheMiddle = true
        try writer.flush()
        #expect(Self.holdsSource(try FilePath.read(writer.temporary), count: count))
      }
    }
    #expect(checkedInTheMiddle)
    try writer.commit()
    #expect(Self.holdsSource(try FilePath.read(path), count: count))
  }

  @Test func withoutACommitTheTargetIsUntouched() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("out.bin")
    try AtomicFile.write([9], to: path)
    do {
      let writer = try AtomicFileWriter(path: path)
      try writer.write([UInt8](repeating: 1, count: 1 << 18))
    }
    #expect(try FilePath.read(path) == [9])
    #expect(FilePath.names(in: directory.path) == ["out.bin"])
  }
}

@Suite struct AtomicFileWriterNamingTests {
  /// A file named by its hash is written under a name of its own and renamed once known.
  @Test func publishedUnderANameKnownOnlyAtTheEnd() throws {
    let directory = TemporaryDirectory()
    let writer = try AtomicFileWriter(path: directory.file("export.se"))
    try writer.write(Array("content".utf8))
    let hash = SHA256.hex(Array("content".utf8))
    try writer.publish(as: directory.file(hash + ".se"))
    #expect(FilePath.names(in: directory.path) == [hash + ".se"])
    #expect(try FilePath.read(directory.file(hash + ".se")) == Array("content".utf8))
  }
}
