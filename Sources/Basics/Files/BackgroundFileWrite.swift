import Dispatch
import Synchronization

/// A file written atomically (``AtomicFile/write(_:to:)``) on another thread while the caller
/// goes on: two large files are written at the same time instead of one after the other.
///
/// ```swift
/// let copy = BackgroundFileWrite(bytes, to: "exports/copy.se")
/// defer { copy.wait() }           // never leave while it writes
/// try AtomicFile.write(bytes, to: "out.se")
/// try copy.finish()               // the copy is in place, or its error is thrown
/// ```
public final class BackgroundFileWrite: Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let outcome = Mutex<(finished: Bool, failure: FileError?)>((false, nil))

  /// Starts writing `bytes` to `path`.
  public init(_ bytes: [UInt8], to path: String) {
    DispatchQueue.global().async { [self] in
      var failure: FileError?
      do throws(FileError) {
        try AtomicFile.write(bytes, to: path)
      } catch {
        failure = error
      }
      outcome.withLock { $0.failure = failure }
      done.signal()
    }
  }

  /// Waits until the file is written or the write failed.
  public func wait() {
    let waited = outcome.withLock { $0.finished }
    guard !waited else { return }
    done.wait()
    outcome.withLock { $0.finished = true }
  }

  /// Waits for the write and throws its error, if it failed.
  public func finish() throws(FileError) {
    wait()
    if let failure = outcome.withLock({ $0.failure }) { throw failure }
  }
}
