#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file could not be opened, read, written or renamed.
public struct FileError: CodedError, Hashable, Sendable {
  /// The file concerned.
  public var path: String
  /// What went wrong, e.g. `"No such file or directory"`.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// An error for `path` from the current `errno`.
  public static func fromErrno(_ path: String, _ doing: String? = nil) -> FileError {
    let reason = String(cString: strerror(errno))
    return FileError(path: path, reason: doing.map { "\($0): \(reason)" } ?? reason)
  }

  public var description: String { "\(path): \(reason)" }
  public var message: String { description }
  public var codeName: String { "file-error" }
  public var subject: ErrorSubject { .file(path) }
}
