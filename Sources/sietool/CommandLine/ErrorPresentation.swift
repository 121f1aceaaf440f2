import Basics

/// Every error the command line prints has a stable code: the libraries' errors carry theirs;
/// anything else (which would be a defect) is `internal`.
enum ErrorPresentation {
  struct Unexpected: CodedError {
    var message: String
    var codeName: String { "internal" }
    var subject: ErrorSubject { .none }
  }

  static func coded(_ error: any Error) -> any CodedError {
    if let error = error as? any CodedError { return error }
    return Unexpected(message: "\(error)")
  }
}
