import Basics
import Dispatch

/// A file handed over in pieces and written to its outputs on another thread, hashed on the
/// way (and validated, given a ``ValidatingPipe``), while the caller makes the next piece. At
/// most `limit` pieces wait, so memory stays bounded however fast they are made.
///
/// ```swift
/// let pipeline = PipelinedOutput([file, copy])
/// for piece in pieces { pipeline.write(piece) }
/// let hash = try pipeline.finish()   // every piece is in the temporary files
/// try pipeline.synced()               // and on disk
/// ```
final class PipelinedOutput: @unchecked Sendable {
  // The outputs, the hasher and the failure are touched on `queue` only, until `finish()`
  // has waited for it.
  private let outputs: [AtomicFileWriter]
  /// Where the pieces go too, to be validated as they are written.
  private let validation: ValidatingPipe?
  private var hasher = SHA256()
  private var failure: FileError?
  private let queue = DispatchQueue(label: "sietool.export.pieces")
  private let room: DispatchSemaphore
  private let pending = DispatchGroup()
  /// Bytes handed over.
  private(set) var count = 0

  init(_ outputs: [AtomicFileWriter], validating validation: ValidatingPipe? = nil, limit: Int = 4)
  {
    self.outputs = outputs
    self.validation = validation
    room = DispatchSemaphore(value: 0)
    for _ in 0..<max(1, limit) { room.signal() }
  }

  deinit {
    // Never leave while a piece is being written.
    pending.wait()
  }

  /// Hands a piece over: it is hashed and written after those before it.
  func write(_ piece: [UInt8]) {
    guard !piece.isEmpty else { return }
    room.wait()
    count += piece.count
    pending.enter()
    queue.async { [self] in
      defer {
        room.signal()
        pending.leave()
      }
      guard failure == nil else { return }
      hasher.update(piece)
      do throws(FileError) {
        for output in outputs { try output.write(piece) }
      } catch {
        failure = error
      }
      validation?.write(piece)
    }
  }

  /// Waits until every piece is in the outputs' temporary files (flushed from their buffers,
  /// so that they can be read back), then gives the SHA-256 (hex) of all of them, or the first
  /// write error. The outputs are then flushed to disk on the other thread: ``synced()`` waits
  /// for that.
  func finish() throws(FileError) -> String {
    pending.enter()
    queue.async { [self] in
      defer { pending.leave() }
      guard failure == nil else { return }
      do throws(FileError) {
        for output in outputs { try output.flush() }
      } catch {
        failure = error
      }
    }
    pending.wait()
    if let failure { throw failure }
    pending.enter()
    queue.async { [self] in
      defer { pending.leave() }
      do throws(FileError) {
        for output in outputs { try output.finish() }
      } catch {
        failure = error
      }
    }
    return hasher.finalizeHex()
  }

  /// Waits until the outputs are on disk (``AtomicFileWriter/finish()``), or throws why not.
  func synced() throws(FileError) {
    pending.wait()
    if let failure { throw failure }
  }
}
