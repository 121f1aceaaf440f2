#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numbers texts in the order they are first seen, by their UTF-8 bytes, as
/// `FirstSeen<String>` does, and keeps the checkpoint's table of them: a checkpoint of a large
/// book looks up millions of short texts (customer numbers, currencies, descriptions), and a
/// dictionary of `String`s hashes each with SipHash. Here a text is hashed eight bytes at a
/// time, its bytes are kept once, in the table, and the slots of the open-addressed table are
/// small integers.
struct TextNumbering {
  /// Each slot holds a number + 1, or 0 when empty; a power of two of them, never more than
  /// half full.
  private var slots = [Int32](repeating: 0, count: 1024)
  /// Per number: the hash, and where its bytes lie in `table`.
  private var hashes: [UInt64] = []
  private var places: [Range<Int>] = []
  /// The texts as a checkpoint's table holds them: each its length (a varint), then its bytes.
  private(set) var table: [UInt8] = []

  /// Where each text's hash starts: chosen at random for each process, so that texts chosen to
  /// fall on the same slots (a book's texts come from its users) cannot be worked out ahead.
  /// The numbers and the table do not depend on it.
  private let seed: UInt64

  /// How many texts were numbered.
  var count: Int { places.count }

  /// The seed drawn once for the process.
  static let processSeed = UInt64.random(in: .min ... .max)

  init(seed: UInt64 = TextNumbering.processSeed) { self.seed = seed }

  /// The number of the text whose UTF-8 is `utf8`, and whether it is new (then it was added to
  /// ``table``).
  mutating func number(_ utf8: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
    let hash = Self.hash(utf8, seed: seed)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let number = Int(slots[slot]) - 1
      if hashes[number] == hash && equals(number, utf8) { return (number, false) }
      slot = (slot + 1) & mask
    }
    let number = places.count
    hashes.append(hash)
    CheckpointWriter.appendVarint(UInt64(utf8.count), to: &table)
    places.append(table.count..<(table.count + utf8.count))
    table.append(contentsOf: utf8)
    slots[slot] = Int32(number + 1)
    if places.count * 2 > slots.count { grow() }
    return (number, true)
  }

  /// Whether the text numbered `number` has the bytes `utf8`.
  private func equals(_ number: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let place = places[number]
    guard place.count == utf8.count else { return false }
    return table.withUnsafeBufferPointer { stored in
      utf8.isEmpty
        || memcmp(stored.baseAddress! + place.lowerBound, utf8.baseAddress!, utf8.count) == 0
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (number, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
  }

  /// A 64-bit hash of `bytes` from `seed`, eight at a time: each word multiplied in and its
  /// high bits folded down, the length mixed in last. Quick rather than proof against an
  /// attacker who can see its results (as SipHash is); the seed keeps it from being worked
  /// out ahead.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash = seed
    var offset = 0
    let raw = UnsafeRawBufferPointer(bytes)
    while offset + 8 <= raw.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
      offset += 8
    }
    if offset < raw.count {
      var word: UInt64 = 0
      for index in offset..<raw.count { word = word << 8 | UInt64(raw[index]) }
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
    }
    hash = (hash ^ UInt64(raw.count)) &* multiplier
    return hash ^ (hash >> 32)
  }
}
