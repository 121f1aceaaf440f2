/// Gathers diagnostics with bounded memory: after ``limitPerCode`` findings of one code, further
/// ones are only counted, and a note at the end says how many were not listed. The counts of
/// errors and warnings always cover every finding.
public struct DiagnosticCollector: Sendable {
  /// The diagnostics kept, in the order they were reported.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Every error reported, listed or not.
  public private(set) var errorCount = 0
  /// Every warning reported, listed or not.
  public private(set) var warningCount = 0
  /// Turns warnings into errors.
  public var strict: Bool
  /// How many diagnostics of one code are listed.
  public var limitPerCode: Int
  private var perCode: [DiagnosticCode: Int] = [:]

  public init(strict: Bool = false, limitPerCode: Int = 25) {
    self.strict = strict
    self.limitPerCode = limitPerCode
  }

  /// Records a finding.
  public mutating func report(_ diagnostic: Diagnostic) {
    var diagnostic = diagnostic
    if strict && diagnostic.severity == .warning { diagnostic.severity = .error }
    switch diagnostic.severity {
    case .error: errorCount += 1
    case .warning: warningCount += 1
    case .note: break
    }
    let seen = perCode[diagnostic.code, default: 0]
    perCode[diagnostic.code] = seen + 1
    if seen < limitPerCode { diagnostics.append(diagnostic) }
  }

  /// Records a finding.
  public mutating func report(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String,
    at location: SourceLocation? = nil
  ) {
    report(Diagnostic(severity, code, message, at: location))
  }

  /// Counts findings that are not listed one by one (they appear in the closing note).
  public mutating func countUnlisted(_ severity: Severity, _ code: DiagnosticCode, count: Int) {
    guard count > 0 else { return }
    let severity = strict && severity == .warning ? .error : severity
    switch severity {
    case .error: errorCount += count
    case .warning: warningCount += count
    case .note: break
    }
    perCode[code, default: 0] += count
  }

  /// How many findings of `code` were reported.
  public func count(of code: DiagnosticCode) -> Int { perCode[code, default: 0] }

  /// The diagnostics, sorted by place (findings without a place last), with a note per code
  /// whose findings were not all listed.
  public func finished() -> [Diagnostic] {
    var result = diagnostics.enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let x?, let y?): x != y ? x < y : a.offset < b.offset
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): a.offset < b.offset
      }
    }.map(\.element)
    for (code, count) in perCode.sorted(by: { $0.key.rawValue < $1.key.rawValue })
    where count > limitPerCode {
      result.append(
        Diagnostic(
          .note, code, "\(count - limitPerCode) more [\(code.rawValue)] findings not listed"))
    }
    return result
  }
}
