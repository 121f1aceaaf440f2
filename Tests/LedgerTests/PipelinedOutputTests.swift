import Basics
import SIE
import TestSupport
import Testing

@testable import Ledger

/// Pieces handed over arrive whole and in order in every output, hashed as one file; they are
/// in the temporary files once `finish()` returns, and on disk after `synced()`.
@Suite struct PipelinedOutputTests {
  @Test(arguments: [0, 1, 7, 40])
  func everyOutputHoldsThePiecesInOrder(pieces: Int) throws {
    let directory = TemporaryDirectory()
    let outputs = try ["a.bin", "b.bin"].map { try AtomicFileWriter(path: directory.file($0)) }
    let pipeline = PipelinedOutput(outputs, limit: 2)
    var expected = [UInt8]()
    var random = SplitMix64(seed: UInt64(pieces))
    for index in 0..<pieces {
      let size = Int(random.next() % 200_000)
      let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ index) }
      expected += piece
      pipeline.write(piece)
    }
    let hash = try pipeline.finish()
    #expect(hash == SHA256.hex(expected))
    #expect(pipeline.count == expected.count)
    // Readable as soon as `finish()` returns, while it goes to disk.
    for output in outputs { #expect(try FilePath.read(output.temporary) == expected) }
    try pipeline.synced()
    for output in outputs {
      try output.publish()
      #expect(try FilePath.read(output.path) == expected)
    }
  }
}

/// Bytes handed over from memory the caller uses again at once are copied: the outputs hold
/// what was handed over, though the pieces' own memory is used again and again.
@Suite struct PipelinedOutputCopyTests {
  @Test func theCallersMemoryIsFreeOnReturn() throws {
    let directory = TemporaryDirectory()
    let output = try AtomicFileWriter(path: directory.file("a.bin"))
    let pipeline = PipelinedOutput([output], limit: 2)
    var expected = [UInt8]()
    var scratch = [UInt8](repeating: 0, count: 300_000)
    for index in 0..<30 {
      let size = (index * 37_001) % scratch.count
      for place in 0..<size { scratch[place] = UInt8(truncatingIfNeeded: place &+ index) }
      expected += scratch[..<size]
      scratch.withUnsafeBytes { pipeline.write(UnsafeRawBufferPointer(rebasing: $0[..<size])) }
      scratch.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0xEE) }
    }
    #expect(try pipeline.finish() == SHA256.hex(expected))
    try pipeline.synced()
    #expect(try FilePath.read(output.temporary) == expected)
  }
}

/// A file validated through a pipe as it is written gets the report of its bytes; one
/// abandoned half written lets its validator go.
@Suite struct ValidatingPipeTests {
  static func file(vouchers: Int, unbalanced: Int?) -> [UInt8] {
    var text =
      "#FLAGGA 0\n#PROGRAM x 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n#FNAMN AB\n"
      + "#RAR 0 20250101 20251231\n#KONTO 1510 Kund\n#KONTO 3001 F\n"
    for number in 1...vouchers {
      text += "#VER A \(number) 20250301 \"Rad \(number)\"\n{\n#TRANS 1510 {} 100.00\n"
      text += "#TRANS 3001 {} \(number == unbalanced ? "-90.00" : "-100.00")\n}\n"
    }
    return Array(text.utf8)
  }

  @Test(arguments: [nil, 5, 9_999])
  func piecesWrittenAreValidatedAsTheFile(unbalanced: Int?) throws {
    let directory = TemporaryDirectory()
    let bytes = Self.file(vouchers: 10_000, unbalanced: unbalanced)
    let options = ValidationOptions(type: .type4I, strict: true)
    let validation = try ValidatingPipe(options: options)
    let output = try AtomicFileWriter(path: directory.file("a.se"))
    let pipeline = PipelinedOutput([output], validating: validation, limit: 2)
    for start in stride(from: 0, to: bytes.count, by: 70_001) {
      pipeline.write(Array(bytes[start..<min(bytes.count, start + 70_001)]))
    }
    _ = try pipeline.finish()
    let report = validation.finish()
    try pipeline.synced()
    let expected = SIEValidator.validate(bytes: bytes, options: options)
    #expect(report.diagnostics == expected.diagnostics)
    #expect(report.summary.bytes == bytes.count)
    #expect(report.summary.vouchers == 10_000)
    #expect(report.isValid == (unbalanced == nil))
    #expect(report.diagnostics.map(\.code) == (unbalanced == nil ? [] : [.unbalancedVoucher]))
  }

  @Test func aPipeAbandonedHalfWrittenLetsItsValidatorGo() throws {
    for written in [0, 1, 300_000] {
      let validation = try ValidatingPipe(options: ValidationOptions(strict: true))
      validation.write(Array(Self.file(vouchers: 10_000, unbalanced: nil).prefix(written)))
    }
  }

  /// Bytes that are not SIE stop the validator at once; the writer still writes them all.
  @Test func bytesThatAreNotSIEAreReadAway() throws {
    let validation = try ValidatingPipe(options: ValidationOptions())
    for _ in 0..<3 {
      #expect(validation.write(Array(repeating: UInt8(ascii: "x"), count: 3 << 20)))
    }
    #expect(validation.finish().diagnostics.map(\.code) == [.notSIEFile])
  }
}
