#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for reading, closed when released. A directory is refused.
public final class OpenFile: Sendable {
  public let descriptor: Int32
  /// The file's size when it was opened.
  public let size: Int

  public init(path: String) throws(FileError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError.fromErrno(path) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let error = FileError.fromErrno(path)
      close(fd)
      throw error
    }
    guard (info.st_mode & S_IFMT) != S_IFDIR else {
      close(fd)
      throw FileError(path: path, reason: "is a directory")
    }
    descriptor = fd
    size = Int(info.st_size)
  }

  deinit { close(descriptor) }
}
