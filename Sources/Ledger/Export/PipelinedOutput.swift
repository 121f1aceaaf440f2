import Basics
import Dispatch

/// A file handed over in pieces and written to its outputs on other threads, hashed on the
/// way (and validated, given a ``ValidatingPipe``), while the caller makes the next piece. At
/// most `limit` pieces wait, so memory stays bounded however fast they are made.
///
/// Each output is written on a queue of its own, and the hash and the validation on another:
/// copying a large file into two files and hashing it is more than one core's work.
///
/// ```swift
/// let pipeline = PipelinedOutput([file, copy])
/// for piece in pieces { pipeline.write(piece) }
/// let hash = try pipeline.finish()   // every piece is in the temporary files
/// try pipeline.synced()               // and on disk
/// ```
final class PipelinedOutput: @unchecked Sendable {
  /// An output and the queue it is written on. Its failure is touched on that queue only,
  /// until `finish()` or `synced()` has waited for it.
  private final class Lane: @unchecked Sendable {
    let output: AtomicFileWriter
    let queue: DispatchQueue
    var failure: FileError?

    init(_ output: AtomicFileWriter, number: Int) {
      self.output = output
      queue = DispatchQueue(label: "sietool.export.output.\(number)")
    }

    /// Runs `step` on the lane's queue unless an earlier one failed.
    func run(
      in group: DispatchGroup,
      _ step:
        @escaping @Sendable (AtomicFileWriter) throws(FileError) ->
        Void
    ) {
      group.enter()
      queue.async { [self] in
        defer { group.leave() }
        guard failure == nil else { return }
        do throws(FileError) { try step(output) } catch { failure = error }
      }
    }
  }

  private let lanes: [Lane]
  /// Where the pieces go too, to be validated as they are written.
  private let validation: ValidatingPipe?
  /// Touched on `hashing` only, until `finish()` has waited for it.
  private var hasher = SHA256()
  private let hashing = DispatchQueue(label: "sietool.export.hash")
  private let room: DispatchSemaphore
  /// Every step handed to a queue and not yet done.
  private let pending = DispatchGroup()
  /// Bytes handed over.
  private(set) var count = 0

  init(_ outputs: [AtomicFileWriter], validating validation: ValidatingPipe? = nil, limit: Int = 4)
  {
    lanes = outputs.enumerated().map { Lane($1, number: $0) }
    self.validation = validation
    room = DispatchSemaphore(value: 0)
    for _ in 0..<max(1, limit) { room.signal() }
  }

  deinit {
    // Never leave while a piece is being written.
    pending.wait()
  }

  /// The first failure of any output, once the queues are idle.
  private var failure: FileError? { lanes.lazy.compactMap(\.failure).first }

  /// Hands a piece over: it is hashed and written after those before it. Its room is given
  /// back when every output has it.
  func write(_ piece: [UInt8]) {
    guard !piece.isEmpty else { return }
    room.wait()
    count += piece.count
    let written = DispatchGroup()
    for lane in lanes {
      lane.run(in: written) { output throws(FileError) in try output.write(piece) }
    }
    written.enter()
    hashing.async { [self] in
      defer { written.leave() }
      hasher.update(piece)
      validation?.write(piece)
    }
    pending.enter()
    written.notify(queue: .global()) { [self] in
      room.signal()
      pending.leave()
    }
  }

  /// Waits until every piece is in the outputs' temporary files (flushed from their buffers,
  /// so that they can be read back), then gives the SHA-256 (hex) of all of them, or the first
  /// write error. The outputs are then flushed to disk on their queues: ``synced()`` waits
  /// for that.
  func finish() throws(FileError) -> String {
    for lane in lanes { lane.run(in: pending) { output throws(FileError) in try output.flush() } }
    pending.wait()
    if let failure { throw failure }
    for lane in lanes { lane.run(in: pending) { output throws(FileError) in try output.finish() } }
    return hasher.finalizeHex()
  }

  /// Waits until the outputs are on disk (``AtomicFileWriter/finish()``), or throws why not.
  func synced() throws(FileError) {
    pending.wait()
    if let failure { throw failure }
  }
}
