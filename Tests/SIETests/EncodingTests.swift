import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct EncodingTests {
  /// Every byte decodes as iconv decodes it, and encodes back to itself.
  @Test func codePage437TableMatchesIconvForEveryByte() throws {
    let bytes = (0...255).map { UInt8($0) }.filter { $0 != 0x0A && $0 != 0x0D }
    let iconv = try run(
      "iconv", ["-f", "CP437", "-t", "UTF-8"], input: bytes, mergingErrors: false)
    let (status, output) = (iconv.status, iconv.bytes)
    #expect(status == 0)
    let expected = Array(String(decoding: output, as: UTF8.self).unicodeScalars)
    let ours = bytes.map { CP437.scalar(for: $0) }
    #expect(ours == expected)
    for byte in 0...255 {
      #expect(CP437.byte(for: CP437.scalar(for: UInt8(byte))) == UInt8(byte))
    }
  }

  @Test func swedishLettersSitWhereTheNotesSay() {
    let letters: [(Character, UInt8)] = [
      ("å", 0x86), ("ä", 0x84), ("ö", 0x94), ("Å", 0x8F), ("Ä", 0x8E), ("Ö", 0x99), ("é", 0x82),
      ("É", 0x90), ("ü", 0x81), ("Ü", 0x9A),
    ]
    for (letter, byte) in letters {
      #expect(CP437.byte(for: letter.unicodeScalars.first!) == byte)
    }
    for missing in ["€", "§", "’", "“", "–", "…"] {
      #expect(CP437.byte(for: missing.unicodeScalars.first!) == nil)
    }
  }

  @Test(
    arguments: [
      ([0x23, 0x41], TextEncoding.ascii), ([0xEF, 0xBB, 0xBF, 0x23], .utf8),
      ([0xC3, 0xA5, 0x23], .utf8),
      ([0x86, 0x84, 0x94], .cp437), ([0xE5, 0xE4, 0xF6], .latin1), ([0x94, 0xF6], .cp437),
      ([0xC3], .cp437),
    ] as [([UInt8], TextEncoding)])
  func detection(bytes: [UInt8], expected: TextEncoding) {
    #expect(bytes.withUnsafeBufferPointer { TextEncoding.detect($0) } == expected)
  }

  /// Detection looks for bytes ≥ 0x80 eight at a time: it finds the first one where a byte at
  /// a time finds it, whatever the offset and the start, and counts the letters alike.
  @Test func nonASCIIBytesAreFoundAsOneByOneFindsThem() {
    var random = SplitMix64(seed: 37)
    for round in 0..<400 {
      let count = Int(random.next() % 70)
      var bytes = (0..<count).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      for _ in 0..<Int(random.next() % 4) where count > 0 {
        bytes[Int(random.next() % UInt64(count))] = UInt8(0x80 + random.next() % 0x80)
      }
      let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
      let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? count
      bytes.withUnsafeBufferPointer { buffer in
        #expect(UTF8Validation.firstNonASCII(in: buffer, from: start) == expected, "round \(round)")
      }
    }
  }

  /// Letters far apart, across eight-byte words: counted all the same (a tie goes to CP437).
  @Test(arguments: [(3, TextEncoding.cp437), (2, .cp437), (1, .latin1)])
  func lettersFarApartAreAllCounted(cp437: Int, expected: TextEncoding) {
    var bytes = [UInt8](repeating: 0x41, count: 100)
    let cp437Letters: [UInt8] = [0x86, 0x84, 0x94]
    let latin1Letters: [UInt8] = [0xE5, 0xE4, 0xF6]
    for index in 0..<3 {
      bytes[7 + 29 * index] = index < cp437 ? cp437Letters[index] : latin1Letters[index]
    }
    bytes[99] = 0xF6
    #expect(bytes.withUnsafeBufferPointer { TextEncoding.detect($0) } == expected)
  }

  /// A file that is ASCII in its first chunk and CP437 later is still read as CP437.
  @Test func encodingIsSettledWhenTheFirstHighByteAppears() {
    var text = Array("#FLAGGA 0\n#PROGRAM p 1\n#SIETYP 4\n".utf8)
    text += Array(repeating: UInt8(ascii: "\n"), count: 300)
    text += Array("#FNAMN \"".utf8) + [0x8F, 0x6B, 0x65, 0x72, 0x69] + Array("\"\n".utf8)
    let reader = SIEReader(bytes: text, options: .init(chunkSize: 64))
    let records = Array(reader)
    #expect(records.contains(.companyName("Åkeri")))
    #expect(reader.encoding == .cp437)
  }

  @Test func utf8DeclaredPC8IsReported() {
    let (document, report) = read("#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Åkeri\"\n")
    #expect(document.companyName == "Åkeri")
    #expect(report.encoding == .utf8)
    #expect(report.diagnostics.contains { $0.code == .encodingMismatch && $0.location?.line == 2 })
  }
}
