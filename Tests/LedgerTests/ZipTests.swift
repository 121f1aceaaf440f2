import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing
import Zip

@testable import Ledger

/// Keeps the first and last bytes written and counts the rest (for archives too large to hold).
struct EndsOutput: ZipOutput {
  var head: [UInt8] = []
  var tail: [UInt8] = []
  var count: UInt64 = 0

  mutating func write(_ bytes: [UInt8]) {
    count += UInt64(bytes.count)
    // Index ranges, not prefix/suffix: those walk the whole array in debug builds.
    if head.count < 4096 { head += bytes[0..<min(bytes.count, 4096 - head.count)] }
    tail += bytes[max(0, bytes.count - 4096)...]
    if tail.count > 4096 { tail.removeFirst(tail.count - 4096) }
  }
}

func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
  (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
}
func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
  (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) }
}

@Suite struct ZipTests {
  func archive(_ files: [(String, [UInt8])], date: String = "2025-04-02") throws -> [UInt8] {
    var zip = ZipWriter(output: ZipMemoryOutput(), date: d(date))
    for (name, contents) in files { try zip.add(name, contents) }
    return try zip.finish().bytes
  }

  func write(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zip-\(UUID().uuidString).zip"
    ).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func unzipAndPythonReadWhatIsWritten() throws {
    let files: [(String, [UInt8])] = [
      ("faktura-1001.pdf", Array("%PDF-1.4 fake".utf8)),
      ("bilagor/1001/Följesedel.pdf", Array(repeating: 0xAB, count: 70_000)),
      ("empty.txt", []), ("manifest.csv", Array("number\r\n1001\r\n".utf8)),
    ]
    let path = try write(try archive(files))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let unzip = try run("unzip", ["-t", path])
    #expect(unzip.status == 0, "\(unzip.output)")
    #expect(unzip.output.contains("No errors detected"))
    let python = try run(
      "python3",
      [
        "-c",
        """
        import zipfile, sys, hashlib
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for i in z.infolist():
            print(i.filename, i.file_size, i.compress_type, i.date_time, hashlib.sha256(z.read(i)).hexdigest()[:8])
        """,
        path,
      ])
    #expect(python.status == 0, "\(python.output)")
    #expect(python.output.contains("bilagor/1001/Följesedel.pdf 70000 0 (2025, 4, 2, 0, 0, 0)"))
    #expect(python.output.contains("empty.txt 0 0"))
  }

  @Test func theSameFilesGiveTheSameBytes() throws {
    let files: [(String, [UInt8])] = [("a.pdf", [1, 2, 3]), ("b/c.pdf", [4, 5])]
    #expect(try archive(files) == archive(files))
    #expect(try archive(files) != archive(files, date: "2025-04-03"))
  }

  @Test func crcIsTheStandardOne() throws {
    // "123456789" has the CRC-32 0xCBF43926.
    let bytes = try archive([("check.txt", Array("123456789".utf8))])
    #expect(u32(bytes, 14) == 0xCBF4_3926)
  }

  @Test func manyEntriesUseZip64() throws {
    var zip = ZipWriter(output: ZipMemoryOutput(), date: d("2025-01-01"))
    for index in 0..<70_000 { try zip.add("f/\(index).txt", [UInt8(index & 0x7F)]) }
    let bytes = try zip.finish().bytes
    // The end record says "see ZIP64" and the ZIP64 record has the count.
    #expect(u16(bytes, bytes.count - 22 + 10) == 0xFFFF)
    let locator = bytes.count - 22 - 20
    #expect(u32(bytes, locator) == 0x0706_4B50)
    let record = Int(u64(bytes, locator + 8))
    #expect(u32(bytes, record) == 0x0606_4B50)
    #expect(u64(bytes, record + 32) == 70_000)
    let path = try write(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let python = try run(
      "python3",
      [
        "-c",
        "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(len(z.namelist()), z.read('f/69999.txt'))",
        path,
      ])
    #expect(python.output.trimmingCharacters(in: .whitespacesAndNewlines) == "70000 b'o'")
    #expect(try run("unzip", ["-tq", path]).status == 0)
  }

  @Test func anEntryOver4GiBIsWrittenWithZip64Sizes() throws {
    let chunk = [UInt8](repeating: 0, count: 1 << 24)
    let size: UInt64 = 5 << 30
    var zip = ZipWriter(output: EndsOutput(), date: d("2025-01-01"))
    try zip.add("big.bin", size: size, crc: 0x1234_5678) { write in
      for _ in 0..<(size / UInt64(chunk.count)) { try write(chunk) }
    }
    try zip.add("after.txt", [1])
    let output = try zip.finish()
    // Local header: sizes are 0xFFFFFFFF, the ZIP64 extra field holds them.
    #expect(u32(output.head, 18) == 0xFFFF_FFFF)
    #expect(u16(output.head, 28) == 20)
    #expect(u64(output.head, 30 + 7 + 4) == size)
    // The second entry's offset is past 4 GiB, so its central record carries it in ZIP64.
    let tail = output.tail
    let second = tail.indices.reversed().first {
      tail.count - $0 >= 4 && u32(tail, $0) == 0x0201_4B50
    }!
    #expect(u32(tail, second + 42) == 0xFFFF_FFFF)
    let extra = second + 46 + u16(tail, second + 28)
    #expect(u16(tail, extra) == 0x0001)
    #expect(u64(tail, extra + 4) == size + 30 + 7 + 20)
    #expect(output.count > size)
  }

  @Test(arguments: [
    ("../../etc/passwd", "etc/passwd"), ("/abs/olut.pdf", "abs/olut.pdf"),
    ("C:\\Bilaga 1.pdf", "C_/Bilaga 1.pdf"),
    ("a/./b/../c", "a/b/c"), ("ok/Följesedel.pdf", "ok/Följesedel.pdf"), ("..", "_"),
    ("tab\there", "tab_here"),
  ])
  func namesAreMadeSafe(_ name: String, _ safe: String) throws {
    #expect(ZipEntryName.sanitized(name) == safe)
    #expect(ZipEntryName.isSafe(safe))
    #expect(ZipEntryName.isSafe(name) == (name == safe))
  }

  @Test func unsafeOrDuplicateNamesAndWrongSizesAreRefused() throws {
    var zip = ZipWriter(output: ZipMemoryOutput(), date: d("2025-01-01"))
    #expect(throws: ZipError.unsafeName("../x")) { try zip.add("../x", [1]) }
    try zip.add("x", [1])
    #expect(throws: ZipError.duplicateName("x")) { try zip.add("x", [2]) }
    #expect(throws: ZipError.sizeMismatch(name: "y", declared: 3, written: 1)) {
      try zip.add("y", size: 3, crc: 0) { try $0([1]) }
    }
  }
}
