import Basics
import Dispatch
import Synchronization

/// A file handed over in pieces and written to its outputs on other threads, hashed on the
/// way (and validated, given a ``ValidatingPipe``), while the caller makes the next piece. At
/// most `limit` pieces wait, so memory stays bounded however fast they are made.
///
/// Each output is written on a queue of its own, and the hash and the validation on another:
/// copying a large file into two files and hashing it is more than one core's work. A piece
/// is copied into one of a few buffers that are used again once every output has it: the
/// pieces of a large file take the same memory, not fresh memory each, which the system must
/// clear before it is used.
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

  /// A piece's bytes, in memory of its own that the next piece can use once this one is
  /// written everywhere.
  private final class Piece: @unchecked Sendable {
    private var storage: UnsafeMutableRawBufferPointer
    private(set) var count = 0

    init(capacity: Int) {
      storage = .allocate(byteCount: Swift.max(capacity, 1), alignment: 16)
    }

    deinit { storage.deallocate() }

    /// The bytes of the piece.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[..<count]) }

    /// Makes the piece a copy of `source`, growing its memory if it must.
    func fill(with source: UnsafeRawBufferPointer) {
      if source.count > storage.count {
        storage.deallocate()
        storage = .allocate(byteCount: source.count, alignment: 16)
      }
      if let base = source.baseAddress {
        storage.baseAddress!.copyMemory(from: base, byteCount: source.count)
      }
      count = source.count
    }
  }

  private let lanes: [Lane]
  /// Pieces written everywhere, ready for the next bytes; never more than `limit`.
  private let spare = Mutex<[Piece]>([])
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
    piece.withUnsafeBytes { write($0) }
  }

  /// Hands over a copy of `bytes` (the caller may use their memory again on return): they
  /// are hashed and written after those before them.
  func write(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    room.wait()
    count += bytes.count
    let piece = spare.withLock { $0.popLast() } ?? Piece(capacity: bytes.count)
    piece.fill(with: bytes)
    let written = DispatchGroup()
    for lane in lanes {
      lane.run(in: written) { output throws(FileError) in try output.write(piece.bytes) }
    }
    written.enter()
    hashing.async { [self] in
      defer { written.leave() }
      hasher.update(piece.bytes)
      validation?.write(piece.bytes)
    }
    pending.enter()
    written.notify(queue: .global()) { [self] in
      spare.withLock { $0.append(piece) }
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
