/// The objects (dimension and short ASCII code) already seen on the fast path, keyed by raw
/// bytes so that a repeated object costs a hash of two words and no `String`.
struct RawObjectSet {
  private struct Entry {
    var dimension: Int32 = -1
    var length: UInt8 = 0
    var first: UInt64 = 0
    var second: UInt64 = 0
  }

  private var entries = [Entry](repeating: Entry(), count: 256)
  private var count = 0

  /// The longest code the set can hold.
  static let maximumLength = 16

  /// Inserts the object; returns `true` when it was not there yet. Codes longer than
  /// ``maximumLength`` are never held: they always count as new.
  mutating func insert(dimension: Int, code: UnsafeBufferPointer<UInt8>) -> Bool {
    guard code.count <= RawObjectSet.maximumLength, let dimension = Int32(exactly: dimension),
      dimension >= 0
    else { return true }
    var first: UInt64 = 0
    var second: UInt64 = 0
    if let base = code.baseAddress {
      for index in 0..<min(code.count, 8) { first |= UInt64(base[index]) << (8 * index) }
      for index in min(code.count, 8)..<code.count {
        second |= UInt64(base[index]) << (8 * (index - 8))
      }
    }
    var hash =
      (first ^ (second &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(dimension) &* 0xC2B2_AE3D_27D4_EB4F)
    hash ^= hash >> 29
    hash &*= 0xBF58_476D_1CE4_E5B9
    hash ^= hash >> 32
    let mask = entries.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = entries[slot]
      if entry.dimension < 0 { break }
      if entry.dimension == dimension && entry.length == UInt8(code.count) && entry.first == first
        && entry.second == second
      {
        return false
      }
      slot = (slot + 1) & mask
    }
    entries[slot] = Entry(
      dimension: dimension, length: UInt8(code.count), first: first, second: second)
    count += 1
    if count * 2 > entries.count { grow() }
    return true
  }

  private mutating func grow() {
    let old = entries
    entries = [Entry](repeating: Entry(), count: old.count * 2)
    count = 0
    for entry in old where entry.dimension >= 0 {
      var bytes = [UInt8]()
      for index in 0..<Int(entry.length) {
        let word = index < 8 ? entry.first : entry.second
        bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8))))
      }
      _ = bytes.withUnsafeBufferPointer { insert(dimension: Int(entry.dimension), code: $0) }
    }
  }
}
