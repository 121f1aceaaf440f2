import TestSupport
import Testing

@testable import Basics

#if canImport(Glibc)
  import Glibc
#endif

/// A large file is read in two halves side by side: the bytes are the file's, whole or from an
/// offset, up to a limit, and a file that is shorter than its descriptor said is read as far as
/// it goes.
@Suite struct FileReadingTests {
  static let size = FilePath.halvedReadSize + (3 << 20) + 12_345

  static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    var bytes = [UInt8]()
    bytes.reserveCapacity(count + 8)
    while bytes.count < count {
      withUnsafeBytes(of: random.next()) { bytes += $0 }
    }
    return Array(bytes.prefix(count))
  }

  @Test(arguments: [0, 1, 4096, 3 << 20])
  func aLargeFileReadsBackFromAnyOffset(offset: Int) throws {
    let directory = TemporaryDirectory()
    let bytes = Self.randomBytes(Self.size, seed: UInt64(offset))
    let path = directory.write("large.bin", bytes)
    #expect(try FilePath.read(path, from: offset) == Array(bytes[offset...]))
    let limit = FilePath.halvedReadSize + 5
    #expect(
      try FilePath.read(path, from: offset, limit: limit) == Array(bytes[offset...].prefix(limit)))
  }

  @Test func theHalvesOfADescriptor() throws {
    let directory = TemporaryDirectory()
    let bytes = Self.randomBytes(Self.size, seed: 9)
    let path = directory.write("large.bin", bytes)
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.size + 100)
    defer { buffer.deallocate() }
    // Asked for more than there is: the halves stop at the end, the count is what was read.
    let read = FilePath.readInHalves(fd, into: buffer, count: Self.size + 100, at: 0)
    #expect(read == Self.size)
    #expect(Array(UnsafeBufferPointer(start: buffer, count: Self.size)) == bytes)
    // A second half beyond the end: only the first counts.
    let tail = FilePath.readInHalves(fd, into: buffer, count: 8 << 20, at: Self.size - 100)
    #expect(tail == 100)
    #expect(Array(UnsafeBufferPointer(start: buffer, count: 100)) == Array(bytes.suffix(100)))
    // A small count, whose halves may leave the first empty.
    for count in [0, 1, 5_000, 1 << 20] {
      let read = FilePath.readInHalves(fd, into: buffer + 1, count: count, at: 7)
      #expect(read == count)
      #expect(
        Array(UnsafeBufferPointer(start: buffer + 1, count: count)) == Array(bytes[7..<(7 + count)])
      )
    }
  }
}
