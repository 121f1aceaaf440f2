/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, Codable, CaseIterable {
  /// Worth knowing; never a reason to refuse a file.
  case note
  /// Something a receiver may mind or that was repaired on reading; `--strict` makes it an error.
  case warning
  /// The file breaks the format or its own arithmetic.
  case error

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }
}

/// A place in a file: 1-based line and column (the column counts bytes).
public struct SourceLocation: Hashable, Sendable, Comparable {
  /// The line, from 1.
  public var line: Int
  /// The byte column within the line, from 1.
  public var column: Int

  public init(line: Int, column: Int = 1) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// One finding about a file: what, how serious, and where.
///
/// Diagnostics are data: tools print them (``formatted(file:)``), tests compare their
/// ``code``s, and JSON output lists their fields.
public struct Diagnostic: Hashable, Sendable {
  public var severity: Severity
  public var code: DiagnosticCode
  public var message: String
  /// Where in the file, when the finding is tied to a place.
  public var location: SourceLocation?

  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String,
    at location: SourceLocation? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
  }

  /// `file:line:column: severity: [code] message`, the form compilers and editors understand.
  public func formatted(file: String) -> String {
    let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
    return "\(place): \(severity.rawValue): [\(code.rawValue)] \(message)"
  }
}
