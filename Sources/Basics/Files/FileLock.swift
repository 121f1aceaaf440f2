#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock for one writer (`flock` on a lock file that holds the writer's process
/// id); released when the value goes away or the process ends. The descriptor is never
/// changed after creation, so the value is safe to share.
public final class FileLock: @unchecked Sendable {
  private let descriptor: Int32

  /// Why a lock could not be taken.
  public enum Failure: Error, Sendable {
    /// The lock file could not be opened.
    case cannotOpen(FileError)
    /// Another process holds the lock; its process id as it wrote it.
    case held(by: String)
  }

  /// Takes the lock at `path`, waiting up to `seconds` for another holder to let go (0: at
  /// once or not at all).
  public init(path: String, waitingUpTo seconds: Double = 0) throws(Failure) {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .cannotOpen(FileError.fromErrno(path))
    }
    var waited = 0.0
    var pause = 0.005
    while flock(fd, LOCK_EX | LOCK_NB) != 0 && waited < seconds {
      usleep(useconds_t(pause * 1_000_000))
      waited += pause
      pause = min(pause * 2, 0.1)
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      var buffer = [UInt8](repeating: 0, count: 32)
      let count = pread(fd, &buffer, 31, 0)
      let holder =
        count > 0
        ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingBlanks : "another process"
      close(fd)
      throw .held(by: holder)
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
