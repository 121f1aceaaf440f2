/// CRC-32 with the reflected polynomial 0xEDB88320, preset 0xFFFFFFFF and final inversion:
/// the checksum of ZIP, zlib, PNG and SIE's `#KSUMMA`.
///
/// ```swift
/// var crc = CRC32()
/// crc.update(Array("123456789".utf8))
/// crc.value   // 0xCBF43926
/// ```
public struct CRC32: Sendable {
  @usableFromInline var state: UInt32 = 0xFFFF_FFFF

  /// A checksum over no bytes yet.
  public init() {}

  /// The checksum of the bytes so far.
  public var value: UInt32 { state ^ 0xFFFF_FFFF }

  /// Adds one byte.
  @inlinable @inline(__always)
  public mutating func update(byte: UInt8) {
    withTables { tables in
      state = tables[Int(UInt8(truncatingIfNeeded: state) ^ byte)] ^ (state >> 8)
    }
  }

  /// Adds bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    withTables { t in
      var crc = state
      // Slicing-by-16: sixteen independent table lookups per sixteen bytes.
      while remaining >= 16 {
        let a = crc ^ pointer.loadUnaligned(as: UInt32.self).littleEndian
        let b = pointer.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        let c = pointer.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        let d = pointer.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian
        crc =
          t[15 * 256 + Int(a & 0xFF)] ^ t[14 * 256 + Int((a >> 8) & 0xFF)]
          ^ t[13 * 256 + Int((a >> 16) & 0xFF)] ^ t[12 * 256 + Int(a >> 24)]
          ^ t[11 * 256 + Int(b & 0xFF)] ^ t[10 * 256 + Int((b >> 8) & 0xFF)]
          ^ t[9 * 256 + Int((b >> 16) & 0xFF)] ^ t[8 * 256 + Int(b >> 24)]
          ^ t[7 * 256 + Int(c & 0xFF)] ^ t[6 * 256 + Int((c >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((c >> 16) & 0xFF)] ^ t[4 * 256 + Int(c >> 24)]
          ^ t[3 * 256 + Int(d & 0xFF)] ^ t[2 * 256 + Int((d >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((d >> 16) & 0xFF)] ^ t[Int(d >> 24)]
        pointer += 16
        remaining -= 16
      }
      // Then slicing-by-8 for a last eight.
      while remaining >= 8 {
        let low = crc ^ pointer.loadUnaligned(as: UInt32.self).littleEndian
        let high = pointer.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        crc =
          t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
          ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
        pointer += 8
        remaining -= 8
      }
      while remaining > 0 {
        crc = t[Int(UInt8(truncatingIfNeeded: crc) ^ pointer.load(as: UInt8.self))] ^ (crc >> 8)
        pointer += 1
        remaining -= 1
      }
      state = crc
    }
  }

  /// Adds bytes.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable {
      update(UnsafeRawBufferPointer($0))
    }
    if handled == nil { Array(bytes).withUnsafeBytes { update($0) } }
  }

  /// The checksum of `bytes`.
  public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  @usableFromInline
  func withTables<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
    CRC32.tables.withUnsafeBufferPointer(body)
  }

  /// Sixteen tables of 256 entries; table 0 is the classic byte-at-a-time table, table k
  /// gives a byte's effect k bytes further on.
  @usableFromInline static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 16 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      tables[byte] = crc
    }
    for byte in 0..<256 {
      var crc = tables[byte]
      for slice in 1..<16 {
        crc = tables[Int(crc & 0xFF)] ^ (crc >> 8)
        tables[slice * 256 + byte] = crc
      }
    }
    return tables
  }()
}
