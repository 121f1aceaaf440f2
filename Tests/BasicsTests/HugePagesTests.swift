import TestSupport
import Testing

@testable import Basics

/// Huge pages are advice: the bytes of a buffer, filled before or after it, are what was put
/// there, at any alignment and size, whether the system gives huge pages or not.
@Suite struct HugePagesTests {
  @Test(arguments: [0, 1, 4095, 4 << 20, (4 << 20) + 12_345, 9 << 20])
  func adviceKeepsTheBytes(count: Int) {
    var random = SplitMix64(seed: UInt64(count))
    let values = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    // One byte in, so that the buffer does not start on a page.
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count + 1, alignment: 16)
    defer { buffer.deallocate() }
    let bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[1...])
    values.withUnsafeBytes { bytes.copyMemory(from: $0) }
    if let base = bytes.baseAddress { HugePages.advise(base, count: count) }
    #expect(Array(bytes) == values)
    // Written after the advice too.
    for index in stride(from: 0, to: count, by: 4096) { bytes[index] = 0x5A }
    #expect(bytes.indices.allSatisfy { bytes[$0] == ($0 % 4096 == 0 ? 0x5A : values[$0]) })
  }

  /// Faulting pages in on another thread, while this one writes the same buffer, changes no
  /// byte: neither those written before nor those written meanwhile.
  @Test(arguments: [0, 1, 4095, 3 << 20, (6 << 20) + 777])
  func populatingKeepsTheBytes(count: Int) {
    var random = SplitMix64(seed: UInt64(count) &+ 7)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count + 1, alignment: 16)
    defer { buffer.deallocate() }
    let bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[1...])
    let half = count / 2
    for index in 0..<half { bytes[index] = UInt8(truncatingIfNeeded: random.next()) }
    let before = Array(bytes[..<half])
    if let base = bytes.baseAddress {
      HugePages.populateInBackground(base, count: count)
    }
    var written = [UInt8]()
    for index in half..<count {
      let byte = UInt8(truncatingIfNeeded: random.next())
      bytes[index] = byte
      written.append(byte)
    }
    HugePages.waitForPopulating()
    #expect(Array(bytes[..<half]) == before)
    #expect(Array(bytes[half...]) == written)
  }

  @Test func reservedRoomOfAnArray() {
    var array = [Int]()
    array.reserveCapacity(1 << 20)
    HugePages.advise(capacityOf: &array)
    #expect(array.isEmpty && array.capacity >= 1 << 20)
    array.append(contentsOf: 0..<(1 << 20))
    #expect(array.last == (1 << 20) - 1 && array.count == 1 << 20)
    var small = [1, 2, 3]
    HugePages.advise(capacityOf: &small)
    #expect(small == [1, 2, 3])
  }
}
