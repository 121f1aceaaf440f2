import Basics
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
