import Basics
import TestSupport
import Testing

@Suite struct BackgroundFileWriteTests {
  @Test(arguments: [0, 1, 1 << 20])
  func theFileIsInPlaceOnceFinished(size: Int) throws {
    let directory = TemporaryDirectory()
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = directory.file("copy.bin")
    let write = BackgroundFileWrite(bytes, to: path)
    try write.finish()
    #expect(try FilePath.read(path) == bytes)
    write.wait()  // waiting again returns at once
  }

  @Test func aFailedWriteThrowsItsErrorAndLeavesNothing() throws {
    let directory = TemporaryDirectory()
    let path = FilePath.join(directory.file("missing"), "copy.bin")
    let write = BackgroundFileWrite([1, 2, 3], to: path)
    #expect(throws: FileError.self) { try write.finish() }
    do {
      try write.finish()
      Issue.record("the second finish did not throw")
    } catch {
      #expect(error.path == path)
      #expect(error.codeName == "file-error")
    }
    #expect(!FilePath.exists(path))
  }
}
