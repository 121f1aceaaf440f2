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
  /// Entered until the write is over; waited on any number of times.
  private let writing = DispatchGroup()
  private let failure = Mutex<FileError?>(nil)

  /// Starts writing `bytes` to `path`.
  public init(_ bytes: [UInt8], to path: String) {
    writing.enter()
    DispatchQueue.global().async { [self] in
      do throws(FileError) {
        try AtomicFile.write(bytes, to: path)
      } catch {
        failure.withLock { $0 = error }
      }
      writing.leave()
    }
  }

  /// Waits until the file is written or the write failed.
  public func wait() {
    writing.wait()
  }

  /// Waits for the write and throws its error, if it failed.
  public func finish() throws(FileError) {
    wait()
    if let failure = failure.withLock({ $0 }) { throw failure }
  }
}
