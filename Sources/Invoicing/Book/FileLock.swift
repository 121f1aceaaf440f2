#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a book for one writer (`flock` on `book.lock`); released when the
/// lock is released or the process ends.
final class FileLock: @unchecked Sendable {
  private let descriptor: Int32

  init(path: String) throws(BookError) {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw BookError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      var buffer = [UInt8](repeating: 0, count: 32)
      let count = pread(fd, &buffer, 31, 0)
      let holder =
        count > 0
        ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingBlanks : "another process"
      close(fd)
      throw BookError(
        "the book is being changed by another process (pid \(holder)); try again when it has finished"
      )
    }
    ftruncate(fd, 0)
    let pid = Array(String(getpid()).utf8)
    _ = pwrite(fd, pid, pid.count, 0)
    descriptor = fd
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
