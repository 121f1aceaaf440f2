import Basics
import TestSupport
import Testing

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
