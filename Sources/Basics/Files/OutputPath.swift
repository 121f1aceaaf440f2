#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks a path a command is asked to write to, before anything is written: it must not be
/// inside a protected directory (a book's own files) and, when it exists, must be a regular
/// file — never a symbolic link, a directory, a device or a FIFO, which an atomic rename would
/// replace or a write would block on.
public enum OutputPath {
  /// Why a path cannot be written.
  public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path lies in a protected directory.
    case protected(path: String, directory: String)
    /// Something exists at the path that is not a regular file.
    case notRegularFile(path: String, kind: String)
    /// The directory the file would go in does not exist.
    case noDirectory(path: String)

    public var description: String {
      switch self {
      case .protected(let path, let directory):
        "\(path) is inside the book (\(directory)); write exports and PDFs elsewhere"
      case .notRegularFile(let path, let kind):
        "\(path) is \(kind), not a regular file; give a new file's path (or - for standard output)"
      case .noDirectory(let path):
        "the directory of \(path) does not exist"
      }
    }
  }

  /// Checks `path` against `protectedDirectories`.
  public static func check(_ path: String, protecting protectedDirectories: [String])
    throws(Refusal)
  {
    var info = stat()
    if lstat(path, &info) == 0 {
      let kind = info.st_mode & S_IFMT
      if kind != S_IFREG {
        let name =
          switch kind {
          case S_IFLNK: "a symbolic link"
          case S_IFDIR: "a directory"
          case S_IFIFO: "a FIFO"
          case S_IFCHR, S_IFBLK: "a device"
          case S_IFSOCK: "a socket"
          default: "not a file"
          }
        throw .notRegularFile(path: path, kind: name)
      }
    }
    guard let parent = realPath(FilePath.directory(of: path)) else {
      throw .noDirectory(path: path)
    }
    for directory in protectedDirectories {
      guard let protected = realPath(directory) else { continue }
      if parent == protected || parent.hasPrefix(protected + "/") {
        throw .protected(path: path, directory: directory)
      }
    }
  }

  /// The canonical absolute path, symbolic links resolved; `nil` when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
