import Basics

/// Where a ZIP archive's bytes go.
public protocol ZipOutput {
  mutating func write(_ bytes: [UInt8]) throws
}

/// Bytes collected in memory.
public struct ZipMemoryOutput: ZipOutput {
  public private(set) var bytes: [UInt8] = []
  public init() {}
  public mutating func write(_ bytes: [UInt8]) { self.bytes += bytes }
}

/// Bytes written to a file that appears only when the archive is complete.
public struct ZipFileOutput: ZipOutput {
  let file: AtomicFileWriter
  public init(path: String) throws { file = try AtomicFileWriter(path: path) }
  public func write(_ bytes: [UInt8]) throws { try file.write(bytes) }
  /// Makes the file appear.
  public func commit() throws { try file.commit() }
}

/// Writes ZIP archives of stored (uncompressed) entries, as `zip -0` does, with the same bytes
/// for the same input: every entry carries the same fixed time, names are UTF-8, and ZIP64
/// records are used only when sizes, offsets or the number of entries need them.
///
/// ```swift
/// var zip = ZipWriter(output: ZipMemoryOutput(), date: day)
/// try zip.add("faktura-1001.pdf", pdf)
/// let bytes = try zip.finish().bytes
/// ```
public struct ZipWriter<Output: ZipOutput> {
  struct Entry {
    var name: [UInt8]
    var crc: UInt32
    var size: UInt64
    var offset: UInt64
  }

  private var output: Output
  private var entries: [Entry] = []
  private var names = Set<String>()
  private var offset: UInt64 = 0
  private let time: UInt16
  private let date: UInt16

  /// An archive whose entries are all dated `day` at midnight.
  public init(output: Output, date day: Day) {
    self.output = output
    time = 0
    let year = max(day.year, 1980)
    date = UInt16((year - 1980) << 9 | day.month << 5 | day.day)
  }

  /// Adds a file; its name must be safe (see ``ZipEntryName``) and new.
  public mutating func add(_ name: String, _ contents: [UInt8]) throws {
    try add(name, size: UInt64(contents.count), crc: CRC32.checksum(contents)) { try $0(contents) }
  }

  /// Adds a file whose size and CRC-32 are known, its contents written in pieces by `body`
  /// through the function it is given (for contents too large to hold in memory).
  public mutating func add(
    _ name: String, size: UInt64, crc: UInt32,
    _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void
  ) throws {
    guard ZipEntryName.isSafe(name) else {
      throw ZipError.unsafeName(name)
    }
    guard names.insert(name).inserted else {
      throw ZipError.duplicateName(name)
    }
    let encoded = Array(name.utf8)
    let large = size >= 0xFFFF_FFFF
    var header = ZipBytes()
    header.u32(0x0403_4B50)
    header.u16(large ? 45 : 20)
    header.u16(0x0800)  // UTF-8 names
    header.u16(0)  // stored
    header.u16(time)
    header.u16(date)
    header.u32(crc)
    header.u32(large ? 0xFFFF_FFFF : UInt32(size))
    header.u32(large ? 0xFFFF_FFFF : UInt32(size))
    header.u16(UInt16(encoded.count))
    header.u16(large ? 20 : 0)
    header.bytes += encoded
    if large {
      header.u16(0x0001)
      header.u16(16)
      header.u64(size)
      header.u64(size)
    }
    try output.write(header.bytes)
    var written: UInt64 = 0
    try body { piece in
      try output.write(piece)
      written += UInt64(piece.count)
    }
    guard written == size else {
      throw ZipError.sizeMismatch(name: name, declared: size, written: written)
    }
    entries.append(Entry(name: encoded, crc: crc, size: size, offset: offset))
    offset += UInt64(header.bytes.count) + size
  }

  /// Writes the central directory and returns the output.
  public mutating func finish() throws -> Output {
    let directoryStart = offset
    var directory = ZipBytes()
    for entry in entries {
      let largeSize = entry.size >= 0xFFFF_FFFF
      let largeOffset = entry.offset >= 0xFFFF_FFFF
      var extra = ZipBytes()
      if largeSize || largeOffset {
        extra.u16(0x0001)
        extra.u16(UInt16((largeSize ? 16 : 0) + (largeOffset ? 8 : 0)))
        if largeSize {
          extra.u64(entry.size)
          extra.u64(entry.size)
        }
        if largeOffset { extra.u64(entry.offset) }
      }
      let zip64 = largeSize || largeOffset
      directory.u32(0x0201_4B50)
      directory.u16(3 << 8 | (zip64 ? 45 : 20))  // made by Unix
      directory.u16(zip64 ? 45 : 20)
      directory.u16(0x0800)
      directory.u16(0)
      directory.u16(time)
      directory.u16(date)
      directory.u32(entry.crc)
      directory.u32(largeSize ? 0xFFFF_FFFF : UInt32(entry.size))
      directory.u32(largeSize ? 0xFFFF_FFFF : UInt32(entry.size))
      directory.u16(UInt16(entry.name.count))
      directory.u16(UInt16(extra.bytes.count))
      directory.u16(0)  // comment
      directory.u16(0)  // disk
      directory.u16(0)  // internal attributes
      directory.u32(0o100644 << 16)  // -rw-r--r--
      directory.u32(largeOffset ? 0xFFFF_FFFF : UInt32(entry.offset))
      directory.bytes += entry.name
      directory.bytes += extra.bytes
    }
    let directorySize = UInt64(directory.bytes.count)
    let count = UInt64(entries.count)
    var end = ZipBytes()
    let zip64 = count >= 0xFFFF || directorySize >= 0xFFFF_FFFF || directoryStart >= 0xFFFF_FFFF
    if zip64 {
      let recordOffset = directoryStart + directorySize
      end.u32(0x0606_4B50)
      end.u64(44)
      end.u16(3 << 8 | 45)
      end.u16(45)
      end.u32(0)
      end.u32(0)
      end.u64(count)
      end.u64(count)
      end.u64(directorySize)
      end.u64(directoryStart)
      end.u32(0x0706_4B50)
      end.u32(0)
      end.u64(recordOffset)
      end.u32(1)
    }
    end.u32(0x0605_4B50)
    end.u16(0)
    end.u16(0)
    end.u16(zip64 ? 0xFFFF : UInt16(count))
    end.u16(zip64 ? 0xFFFF : UInt16(count))
    end.u32(zip64 ? 0xFFFF_FFFF : UInt32(directorySize))
    end.u32(zip64 ? 0xFFFF_FFFF : UInt32(directoryStart))
    end.u16(0)
    try output.write(directory.bytes)
    try output.write(end.bytes)
    offset += directorySize + UInt64(end.bytes.count)
    return output
  }
}

/// Little-endian fields.
struct ZipBytes {
  var bytes: [UInt8] = []
  mutating func u16(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
  mutating func u32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
  mutating func u64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}
