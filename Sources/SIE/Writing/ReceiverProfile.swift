import Basics

/// A bookkeeping program that will import the file, and what it refuses (SIE notes §14).
///
/// ```swift
/// let findings = ReceiverProfile.fortnox.check(document)       // a dry run
/// let (fixed, changes) = ReceiverProfile.fortnox.fix(document)  // shorten texts, …
/// ```
public enum ReceiverProfile: String, Sendable, CaseIterable {
  /// Any receiver that follows the specification.
  case generic
  /// Fortnox: voucher and row texts of at most 50 characters.
  case fortnox
  /// Visma eEkonomi / Spiris: no account class 9, no BAS96 chart.
  case visma
  /// Bokio: one fiscal year of at most 18 months, never the same file twice.
  case bokio

  /// Something the receiver would refuse or mind.
  public struct Finding: Hashable, Sendable {
    public var diagnostic: Diagnostic
    /// Whether ``ReceiverProfile/fix(_:)`` repairs it.
    public var isFixable: Bool
  }

  /// Every finding, without changing anything.
  public func check(_ document: SIEDocument) -> [Finding] {
    var check = Check(self, header: document)
    for voucher in document.vouchers { check.add(voucher) }
    return check.findings
  }

  func finding(_ severity: Severity, _ message: String, fixable: Bool = false) -> Finding {
    Finding(
      diagnostic: Diagnostic(severity, .receiverRejects, "\(rawValue): \(message)"),
      isFixable: fixable)
  }

  /// The document with every fixable finding repaired, and what was changed.
  public func fix(_ document: SIEDocument) -> (document: SIEDocument, changes: [Diagnostic]) {
    var changes = [Diagnostic]()
    func changed(_ message: String) {
      changes.append(Diagnostic(.warning, .textChanged, "\(rawValue): \(message)"))
    }
    var records = document.records
    for index in records.indices {
      switch records[index] {
      case .organizationNumber(var number):
        if !number.isCanonical, let normalized = number.normalized {
          changed("#ORGNR \"\(number.number)\" written as \(normalized)")
          number.number = normalized
          records[index] = .organizationNumber(number)
        }
      case .flag(let value, let extra) where value == 1:
        changed("#FLAGGA 1 written as #FLAGGA 0")
        records[index] = .flag(0, extra: extra)
      case .voucher(var voucher) where self == .fortnox:
        if voucher.text.count > 50 {
          changed("voucher \(voucher.displayName) text shortened to 50 characters")
          voucher.text = String(voucher.text.prefix(50))
        }
        for rowIndex in voucher.rows.indices where voucher.rows[rowIndex].text.count > 50 {
          changed("row \(rowIndex + 1) of voucher \(voucher.displayName) text shortened to 50")
          voucher.rows[rowIndex].text = String(voucher.rows[rowIndex].text.prefix(50))
        }
        records[index] = .voucher(voucher)
      default:
        break
      }
    }
    return (SIEDocument(records: records), changes)
  }
}
