import Basics

/// What the ZIP writer refuses.
public enum ZipError: CodedError, Hashable, Sendable {
  /// A name that could escape the directory it is extracted into (see ``ZipEntryName``).
  case unsafeName(String)
  /// A name already in the archive.
  case duplicateName(String)
  /// An entry whose contents were not as long as declared.
  case sizeMismatch(name: String, declared: UInt64, written: UInt64)

  /// A stable code naming the failure, e.g. `zip-duplicate-name`.
  public var codeName: String { code }
  public var message: String { description }
  public var subject: ErrorSubject {
    switch self {
    case .unsafeName(let name), .duplicateName(let name), .sizeMismatch(let name, _, _): .file(name)
    }
  }

  public var code: String {
    switch self {
    case .unsafeName: "zip-unsafe-name"
    case .duplicateName: "zip-duplicate-name"
    case .sizeMismatch: "zip-size-mismatch"
    }
  }

  public var description: String {
    switch self {
    case .unsafeName(let name): "unsafe name in a ZIP archive: \"\(name)\""
    case .duplicateName(let name): "\"\(name)\" is in the archive twice"
    case .sizeMismatch(let name, let declared, let written):
      "\"\(name)\" was declared as \(declared) bytes but \(written) were written"
    }
  }
}
