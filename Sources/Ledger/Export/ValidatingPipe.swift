import Basics
import Dispatch
import SIE

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Validates a file while it is written: the bytes written to it go through a pipe to a
/// validator on a thread of its own, so that the check takes no pass of its own after the
/// file is written.
///
/// ```swift
/// let pipe = try ValidatingPipe(options: ValidationOptions(type: .type4I, strict: true))
/// for piece in pieces { pipe.write(piece) }
/// let report = pipe.finish()
/// ```
final class ValidatingPipe: @unchecked Sendable {
  private let writeEnd: Int32
  private var isClosed = false
  /// Set by the validating thread before it signals `done`.
  private var report: ValidationReport?
  private let done = DispatchSemaphore(value: 0)

  /// Starts the validator, reading the pipe until it is closed.
  ///
  /// - Throws: ``FileError`` when no pipe can be made.
  init(options: ValidationOptions) throws(FileError) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      throw FileError(
        path: "(a pipe to the validator)", reason: String(cString: strerror(errno)))
    }
    let readEnd = ends[0]
    writeEnd = ends[1]
    #if os(Linux)
      // Room for a whole piece, so that the writer seldom waits for the validator.
      // F_SETPIPE_SZ, which Glibc's module leaves out (it is a GNU extension).
      _ = fcntl(writeEnd, 1031, 1 << 20)
    #endif
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      // The export writes, hashes and validates at once: more threads than cores.
      let report = SIEValidator.validate(descriptor: readEnd, options: options, othersBusy: true)
      // The writer must never find the pipe closed (that would end the process with
      // SIGPIPE): whatever the validator left unread is read to the end.
      var rest = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let got = rest.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
        if got > 0 || (got < 0 && errno == EINTR) { continue }
        break
      }
      close(readEnd)
      self.report = report
      done.signal()
    }
  }

  deinit {
    // A file abandoned half written: the validator reads to the end and stops.
    if !isClosed {
      close(writeEnd)
      done.wait()
    }
  }

  /// Hands `bytes` to the validator, waiting while the pipe is full. Returns false when the
  /// pipe cannot be written (the report then says the file is cut short).
  @discardableResult
  func write(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Hands `buffer` to the validator, as ``write(_:)-([UInt8])`` does.
  @discardableResult
  func write(_ buffer: UnsafeRawBufferPointer) -> Bool {
    precondition(!isClosed, "the pipe is closed")
    var offset = 0
    while offset < buffer.count {
      let wrote = writeToPipe(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
      if wrote > 0 {
        offset += wrote
      } else if wrote < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// Closes the pipe and waits for the validator's report on everything written.
  func finish() -> ValidationReport {
    precondition(!isClosed, "the pipe is closed")
    isClosed = true
    close(writeEnd)
    done.wait()
    return report!
  }
}

/// `write(2)`, out of reach of the method of that name.
private func writeToPipe(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
