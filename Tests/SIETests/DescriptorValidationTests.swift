import Basics
import Dispatch
import Testing

@testable import SIE

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file validated from a pipe, written into it in pieces by another thread, gets the report
/// of the same file read from disk.
@Suite struct DescriptorValidationTests {
  /// Validates `bytes` written into a pipe in pieces of `pieceSize`; whatever the validator
  /// leaves unread is read away, so that the writer always ends.
  static func validatedThroughAPipe(
    _ bytes: [UInt8], pieceSize: Int, options: ValidationOptions = ValidationOptions(),
    othersBusy: Bool = false
  ) throws -> ValidationReport {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var offset = 0
      bytes.withUnsafeBytes { buffer in
        while offset < buffer.count {
          let count = min(pieceSize, buffer.count - offset)
          let wrote = write(writeEnd, buffer.baseAddress! + offset, count)
          guard wrote > 0 else { break }
          offset += wrote
        }
      }
      close(writeEnd)
      written.signal()
    }
    let report = SIEValidator.validate(
      descriptor: readEnd, options: options, othersBusy: othersBusy)
    var rest = [UInt8](repeating: 0, count: 1 << 16)
    while rest.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    written.wait()
    close(readEnd)
    return report
  }

  static func expectSame(_ a: ValidationReport, _ b: ValidationReport, _ label: String) {
    #expect(a.diagnostics == b.diagnostics, "\(label)")
    #expect(a.errorCount == b.errorCount && a.warningCount == b.warningCount, "\(label)")
    #expect(a.checksum == b.checksum && a.encoding == b.encoding && a.type == b.type, "\(label)")
    #expect(a.summary.vouchers == b.summary.vouchers, "\(label)")
    #expect(a.summary.transactions == b.summary.transactions, "\(label)")
    #expect(a.summary.lines == b.summary.lines && a.summary.bytes == b.summary.bytes, "\(label)")
  }

  @Test(arguments: Corpus.files)
  func everyCorpusFileGetsItsReport(_ file: String) throws {
    let expected = try SIEValidator.validate(path: Corpus.path(file))
    for pieceSize in [1 << 20, 4093] {
      let report = try Self.validatedThroughAPipe(Corpus.bytes(file), pieceSize: pieceSize)
      Self.expectSame(report, expected, "\(file) in pieces of \(pieceSize)")
    }
  }

  /// A strict check of a type, over more bytes than a pipe holds at once.
  @Test func aLargeFileStrictly() throws {
    var text =
      "#FLAGGA 0\n#PROGRAM x 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n#FNAMN AB\n"
      + "#RAR 0 20250101 20251231\n#KONTO 1510 Kund\n#KONTO 3001 F\n"
    for number in 1...20_000 {
      text += "#VER A \(number) 20250301 \"Rad \(number)\"\n{\n#TRANS 1510 {} 100.00\n"
      text += "#TRANS 3001 {} \(number == 777 ? "-90.00" : "-100.00")\n}\n"
    }
    let bytes = Array(text.utf8)
    let options = ValidationOptions(type: .type4I, strict: true)
    // The threads waiting for each other asleep or watching first: the same report.
    for othersBusy in [false, true] {
      let report = try Self.validatedThroughAPipe(
        bytes, pieceSize: 1 << 16, options: options, othersBusy: othersBusy)
      Self.expectSame(report, SIEValidator.validate(bytes: bytes, options: options), "large")
      #expect(report.summary.vouchers == 20_000)
      #expect(report.diagnostics.map(\.code) == [.unbalancedVoucher])
    }
  }

  /// A validator that stops at the first line (not an SIE file) leaves the rest unread.
  @Test func aFileThatIsNotSIEStopsEarly() throws {
    let line: [UInt8] = Array(repeating: UInt8(ascii: "x"), count: 1 << 21) + [0x0A]
    let bytes = line + line + line
    let report = try Self.validatedThroughAPipe(bytes, pieceSize: 1 << 20)
    #expect(report.diagnostics.map(\.code) == [.notSIEFile])
  }
}
