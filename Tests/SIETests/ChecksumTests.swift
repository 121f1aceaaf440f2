import Basics
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct ChecksumTests {
  @Test func crc32MatchesTheStandardCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
    // Byte at a time and slicing by eight agree on every length.
    var random = SplitMix64(seed: 1)
    let bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    for length in 0..<64 {
      var single = CRC32()
      for byte in bytes[..<length] { single.update(byte: byte) }
      #expect(single.value == CRC32.checksum(bytes[..<length]))
    }
  }

  /// The vector of SIE 4B §10.15: the bytes `#KONTO1915Kassa "special"`.
  @Test func specificationExample() {
    #expect(CRC32.checksum(Array("#KONTO1915Kassa \"special\"".utf8)) == 1_921_122_205)
  }

  /// The SIE notes' vectors: lines between an opening and a closing #KSUMMA.
  @Test(
    arguments: [
      (
        ["#PROGRAM \"Test\" 1.0", "#FORMAT PC8", "#KONTO 1915 \"Kassa \\\"special\\\"\""],
        776_940_788
      ),
      (
        [
          "#VER A 1 20250310 \"Faktura 1001\"", "{", "#TRANS 1510 {} 1250.00",
          "#TRANS 3001 {1 \"100\"} -1000.00", "#TRANS 2611 {} -250.00", "}",
        ], 2_437_170_673
      ),
    ] as [([String], UInt32)])
  func documentedVectors(lines: [String], expected: UInt32) {
    let text = (["#FLAGGA 0", "#KSUMMA"] + lines + ["#KSUMMA \(expected)"]).joined(
      separator: "\r\n")
    let report = SIEValidator.validate(bytes: Array(text.utf8))
    #expect(report.checksum == .valid(expected))
  }

  @Test func wrongVariantsFail() {
    // Including the braces, or the quotes, gives other values.
    #expect(CRC32.checksum(Array("#KONTO1915\"Kassa \"special\"\"".utf8)) != 1_921_122_205)
    #expect(CRC32.checksum(Array("#KONTO1915Kassa\"special\"".utf8)) != 1_921_122_205)
  }

  @Test func openingWithoutClosingMeansTruncated() {
    let report = SIEValidator.validate(bytes: Array("#FLAGGA 0\n#KSUMMA\n#PROGRAM x 1\n".utf8))
    #expect(report.checksum == .truncated)
    #expect(report.diagnostics.contains { $0.code == .checksumTruncated })
  }

  @Test func rewriteProducesAValidChecksumAndKeepsEveryOtherByte() throws {
    for file in [
      "idstam__FAKT.SI", "iCalcreator__Sie4I1ksumma.SI", "idstam__Sie1.se", "neam__Sie4.se",
    ] {
      let original = Corpus.bytes(file)
      let fixed = SIEChecksum.rewrite(original)
      let report = SIEValidator.validate(bytes: fixed)
      guard case .valid = report.checksum else {
        Issue.record("\(file): \(report.checksum)")
        continue
      }
      func withoutChecksumLines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false) {
          $0 == "\n" || $0 == "\r\n"
        }
        .map(String.init).filter { !$0.hasPrefix("#KSUMMA") && !$0.isEmpty }
      }
      #expect(withoutChecksumLines(fixed) == withoutChecksumLines(original))
      #expect(SIEChecksum.rewrite(fixed) == fixed)
    }
  }
}
