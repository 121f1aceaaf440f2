import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel to back large buffers with huge pages (2 MiB on x86-64) where it has them
/// to give: a buffer of hundreds of megabytes is then faulted in a few hundred times instead of
/// tens of thousands (each fault of a fresh page costs a kernel entry and, in a virtual
/// machine, often an exit to the host).
///
/// Only advice: on a system without transparent huge pages, or with them switched off, it
/// does nothing, and nothing depends on it. The contents of the buffer are not touched.
public enum HugePages {
  /// Buffers smaller than this are left alone (the advice covers whole huge pages inside the
  /// buffer only, and a small buffer has few or none).
  public static let threshold = 4 << 20

  /// Advises huge pages for the whole 2 MiB pages inside `count` bytes from `base`.
  public static func advise(_ base: UnsafeMutableRawPointer, count: Int) {
    #if os(Linux)
      guard count >= threshold else { return }
      let size = 2 << 20
      let start = (UInt(bitPattern: base) + UInt(size - 1)) & ~UInt(size - 1)
      let end = (UInt(bitPattern: base) + UInt(count)) & ~UInt(size - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
    #endif
  }

  /// Faults in the pages of `count` bytes from `base` on a thread of its own, as writing them
  /// would, without touching the bytes (`MADV_POPULATE_WRITE`): a thread that fills a large
  /// buffer then finds its pages there instead of waiting for the kernel to clear each. Only
  /// for memory that stays mapped until the work is done or whose faulting in does no harm
  /// (a range no longer mapped is refused by the kernel, not faulted); does nothing where the
  /// kernel does not have it.
  public static func populateInBackground(_ base: UnsafeRawPointer, count: Int) {
    #if os(Linux)
      let page = 4096
      let start = UInt(bitPattern: base) & ~UInt(page - 1)
      let end = UInt(bitPattern: base) + UInt(count)
      guard end > start else { return }
      populating.async {
        guard let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, Int(end - start), MADV_POPULATE_WRITE)
      }
    #endif
  }

  /// Faults in, as above, the room `array` has reserved for the elements at `places` (as far
  /// as its capacity goes), filled or not. Read-only access: an array shared with a copy is
  /// not copied for this.
  public static func populateInBackground<Element>(roomOf array: [Element], places: Range<Int>) {
    let end = Swift.min(array.capacity, places.upperBound)
    guard end > places.lowerBound else { return }
    let stride = MemoryLayout<Element>.stride
    array.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      populateInBackground(
        UnsafeRawPointer(base) + places.lowerBound * stride,
        count: (end - places.lowerBound) * stride)
    }
  }

  /// The power of two whose elements of `type` take more than half of 2^`bytesShift` bytes and
  /// at most all of them: how many of them fill a buffer of about that size.
  @inlinable static func elementShift<Element>(_ type: Element.Type, bytesShift: Int) -> Int {
    let stride = Swift.max(1, MemoryLayout<Element>.stride)
    // The stride rounded up to a power of two, taken off the bytes.
    return Swift.max(0, bytesShift - (Int.bitWidth - (stride - 1).leadingZeroBitCount))
  }

  private static let populating = DispatchQueue(label: "HugePages.populate", qos: .utility)

  /// Waits until the pages asked for so far are faulted in.
  static func waitForPopulating() { populating.sync {} }

  /// Advises huge pages for the room an array has reserved, filled or not.
  public static func advise<Element>(capacityOf array: inout [Element]) {
    let bytes = array.capacity * MemoryLayout<Element>.stride
    guard bytes >= threshold else { return }
    array.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { advise(UnsafeMutableRawPointer(base), count: bytes) }
    }
  }
}
