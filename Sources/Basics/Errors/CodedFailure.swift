/// The codes of one module's errors: stable strings (`attachment-not-pdf`) with a sentence
/// each for `docs/errors.md`.
public protocol FailureCode: RawRepresentable<String>, Hashable, Sendable, CaseIterable {
  /// One sentence on what the code means.
  var summary: String { get }
}

/// An error as data: a stable code, the subject it is about and a message made for people from
/// them. Each module names its own (`BookError`, `LedgerError`, `ReconcileError`) by its codes.
public struct CodedFailure<C: FailureCode>: CodedError, Hashable, Sendable {
  public typealias Code = C

  public var code: C
  public var subject: ErrorSubject
  public var message: String

  public init(_ code: C, _ subject: ErrorSubject = .none, _ message: String) {
    self.code = code
    self.subject = subject
    self.message = message
  }

  public var codeName: String { code.rawValue }

  /// The same error about a subject within `path` (an import document's row).
  public func within(path: String) -> CodedFailure {
    CodedFailure(code, subject.within(path: path), message)
  }
}
