/// The five kinds of SIE file (§4): what they must and must not contain.
public enum SIEFileType: String, Sendable, CaseIterable, Codable {
  /// Year balances.
  case type1 = "1"
  /// Type 1 plus period balances and budgets.
  case type2 = "2"
  /// Type 2 plus object balances.
  case type3 = "3"
  /// Transactions exported from a bookkeeping program, with balances.
  case type4E = "4E"
  /// Transactions to be imported into a bookkeeping program (from invoicing, payroll, …).
  case type4I = "4I"

  /// Reads `1`, `2`, `3`, `4E` or `4I` (any case).
  public init?(argument: String) {
    self.init(rawValue: argument.uppercased())
  }

  /// The `#SIETYP` value: 1–4.
  public var number: Int {
    switch self {
    case .type1: 1
    case .type2: 2
    case .type3: 3
    case .type4E, .type4I: 4
    }
  }

  /// How a missing record of this label is reported, or `nil` when it may be missing.
  func missingSeverity(_ label: SIELabel) -> Severity? {
    switch label {
    case .flagga, .program, .gen, .fnamn: .error
    case .format: .warning
    case .sietyp: self == .type1 ? nil : .error
    case .konto, .rar: self == .type4I ? nil : .error
    case .sru: self == .type1 || self == .type2 ? .warning : nil
    case .omfattn: self == .type2 || self == .type3 ? .warning : nil
    default: nil
    }
  }

  /// How a present record of this label is reported when the type forbids it, or `nil`.
  func forbiddenSeverity(_ label: SIELabel) -> Severity? {
    switch self {
    case .type1:
      switch label {
      case .omfattn: .warning
      case .dim, .underdim, .objekt, .oib, .oub, .psaldo, .pbudget, .ver: .error
      default: nil
      }
    case .type2:
      switch label {
      case .dim, .underdim, .objekt, .oib, .oub, .ver: .error
      default: nil
      }
    case .type3:
      label == .ver ? .error : nil
    case .type4I:
      switch label {
      case .bkod, .omfattn: .warning
      case .ib, .ub, .res, .oib, .oub, .psaldo, .pbudget: .error
      default: nil
      }
    case .type4E:
      nil
    }
  }

  /// How an account or object used but not declared is reported.
  var undeclaredSeverity: Severity { self == .type4I ? .warning : .error }

  /// How a voucher dated outside fiscal year 0 is reported.
  var dateOutsideYearSeverity: Severity { self == .type4I ? .warning : .error }
}

/// How to validate.
public struct ValidationOptions: Sendable {
  /// The file type to check against; `nil` to take it from `#SIETYP` (and, for type 4, guess
  /// 4E or 4I: balances present → 4E, a `.SI` name → 4I, else 4E).
  public var type: SIEFileType?
  /// Report warnings as errors.
  public var strict: Bool
  /// The file's name, for guessing 4E or 4I.
  public var fileName: String

  public init(type: SIEFileType? = nil, strict: Bool = false, fileName: String = "") {
    self.type = type
    self.strict = strict
    self.fileName = fileName
  }
}
