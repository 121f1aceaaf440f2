/// SHA-256 (FIPS 180-4): the hash that chains the journal's lines and names stored documents.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19
  )
  private var pending = [UInt8]()
  private var length: UInt64 = 0

  public init() { pending.reserveCapacity(64) }

  private init(reserving: Bool) {}

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// Adds bytes.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    length &+= UInt64(bytes.count)
    var bytes = bytes[...]
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes.prefix(take))
      bytes = bytes.dropFirst(take)
      if pending.count == 64 {
        pending.withUnsafeBytes { compress(blocks: $0) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let whole = bytes.count / 64 * 64
    if whole > 0 {
      let handled: Void? = bytes.prefix(whole).withContiguousStorageIfAvailable { buffer in
        compress(blocks: UnsafeRawBufferPointer(buffer))
      }
      if handled == nil {
        Array(bytes.prefix(whole)).withUnsafeBytes { compress(blocks: $0) }
      }
      bytes = bytes.dropFirst(whole)
    }
    pending.append(contentsOf: bytes)
  }

  /// The 32-byte digest; the hasher is spent afterwards.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBytes { compress(blocks: $0) }
    pending.removeAll()
    var digest = [UInt8]()
    digest.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      digest += [
        UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16),
        UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
      ]
    }
    return digest
  }

  /// Compresses every whole 64-byte block of `blocks`, the state kept in locals throughout
  /// and the message schedule in a 64-word buffer on the stack.
  private mutating func compress(blocks: UnsafeRawBufferPointer) {
    SHA256.k.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        var offset = 0
        while offset + 64 <= blocks.count {
          var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
          // Eight rounds at a time, the working variables passed round in rotated order
          // instead of moved; `ab` carries a round's `a ^ b`, the next round's `b ^ c`. Past
          // the sixteenth, a round makes its word of the schedule itself, so that the
          // processor works it out while earlier rounds wait on each other.
          var ab = b ^ c
          var i = 0
          repeat {
            SHA256.eightRounds(&a, &b, &c, &d, &e, &f, &g, &h, &ab) {
              let j = i &+ $0
              let word =
                blocks.loadUnaligned(fromByteOffset: offset &+ j &* 4, as: UInt32.self).bigEndian
              w[j] = word
              return word &+ k[j]
            }
            i &+= 8
          } while i < 16
          repeat {
            SHA256.eightRounds(&a, &b, &c, &d, &e, &f, &g, &h, &ab) {
              let j = i &+ $0
              let w15 = w[j &- 15]
              let w2 = w[j &- 2]
              let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
              let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
              let word = w[j &- 16] &+ s0 &+ w[j &- 7] &+ s1
              w[j] = word
              return word &+ k[j]
            }
            i &+= 8
          } while i < 64
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
          offset += 64
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
      }
    }
  }

  /// Eight rounds, the round constant plus the schedule's word of round `n` of them given
  /// by `word(n)`; the variables end where they started (each round's are the last one's
  /// rotated by one place).
  @inline(__always)
  private static func eightRounds(
    _ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32,
    _ e: inout UInt32, _ f: inout UInt32, _ g: inout UInt32, _ h: inout UInt32,
    _ ab: inout UInt32, _ word: (Int) -> UInt32
  ) {
    round(a, b, &ab, &d, e, f, g, &h, word(0))
    round(h, a, &ab, &c, d, e, f, &g, word(1))
    round(g, h, &ab, &b, c, d, e, &f, word(2))
    round(f, g, &ab, &a, b, c, d, &e, word(3))
    round(e, f, &ab, &h, a, b, c, &d, word(4))
    round(d, e, &ab, &g, h, a, b, &c, word(5))
    round(c, d, &ab, &f, g, h, a, &b, word(6))
    round(b, c, &ab, &e, f, g, h, &a, word(7))
  }

  /// One round: `d` takes the new `e`, `h` the new `a`. `bc` comes in as `b ^ c` and goes
  /// out as `a ^ b`: the majority of `a`, `b`, `c` is `b ^ ((a ^ b) & (b ^ c))`, and this
  /// round's `a ^ b` is the next one's `b ^ c`.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ bc: inout UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
    _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    let t1 = h &+ s1 &+ (g ^ (e & (f ^ g))) &+ kw
    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let ab = a ^ b
    d = d &+ t1
    h = t1 &+ s0 &+ (b ^ (ab & bc))
    bc = ab
  }

  /// The digest of `bytes`.
  public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of `bytes` as 64 lower-case hex digits.
  public static func hex(_ bytes: some Collection<UInt8>) -> String {
    if let text = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) {
      return text
    }
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalizeHex()
  }

  /// The digest of bytes in memory as 64 lower-case hex digits.
  public static func hex(_ bytes: UnsafeRawBufferPointer) -> String { digest(bytes).hex }

  /// The digest of bytes in memory, with no allocation: the whole blocks are compressed where
  /// they are, the padded tail on the stack.
  public static func digest(_ bytes: UnsafeRawBufferPointer) -> Digest {
    var hasher = SHA256(reserving: false)
    let whole = bytes.count / 64 * 64
    if whole > 0 { hasher.compress(blocks: UnsafeRawBufferPointer(rebasing: bytes[..<whole])) }
    let rest = bytes.count - whole
    let bitLength = UInt64(bytes.count) &* 8
    withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
      tail.initializeMemory(as: UInt8.self, repeating: 0)
      if rest > 0 {
        tail.baseAddress!.copyMemory(from: bytes.baseAddress! + whole, byteCount: rest)
      }
      tail[rest] = 0x80
      let length = rest < 56 ? 64 : 128
      tail.storeBytes(of: bitLength.bigEndian, toByteOffset: length - 8, as: UInt64.self)
      hasher.compress(blocks: UnsafeRawBufferPointer(rebasing: tail[..<length]))
    }
    return Digest(hasher.state)
  }

  /// The digest as 64 lower-case hex digits; the hasher is spent afterwards.
  public mutating func finalizeHex() -> String {
    _ = finalize()
    return Digest(state).hex
  }
}

extension UInt32 {
  @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self >> count) | (self << (32 - count))
  }
}
