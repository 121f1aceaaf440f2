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
    var findings = [Finding]()
    func report(_ severity: Severity, _ message: String, fixable: Bool = false) {
      findings.append(
        Finding(
          diagnostic: Diagnostic(severity, .receiverRejects, "\(rawValue): \(message)"),
          isFixable: fixable))
    }
    let yearZero = document.fiscalYear(0)
    for voucher in document.vouchers {
      if voucher.imbalance != 0 {
        report(.error, "voucher \(voucher.displayName) does not balance")
      }
      if let date = voucher.date {
        if let yearZero, !yearZero.contains(date) {
          report(.error, "voucher \(voucher.displayName) is dated \(date), outside fiscal year 0")
        }
      } else {
        report(.error, "voucher \(voucher.displayName) has no valid date")
      }
    }
    if let number = document.organizationNumber, !number.isCanonical {
      report(
        .warning, "#ORGNR \"\(number.number)\" is not written NNNNNN-NNNN",
        fixable: number.normalized != nil)
    }
    if document.flag == 1 {
      report(
        self == .bokio ? .error : .warning,
        "#FLAGGA 1 marks the file as already imported", fixable: true)
    }
    switch self {
    case .generic:
      break
    case .fortnox:
      for voucher in document.vouchers {
        if voucher.text.count > 50 {
          report(
            .error,
            "voucher \(voucher.displayName) text has \(voucher.text.count) characters; "
              + "Fortnox takes at most 50", fixable: true)
        }
        for (index, row) in voucher.rows.enumerated() where row.text.count > 50 {
          report(
            .error,
            "row \(index + 1) of voucher \(voucher.displayName) has a text of "
              + "\(row.text.count) characters; Fortnox takes at most 50", fixable: true)
        }
        if voucher.series.isEmpty {
          report(.note, "voucher \(voucher.displayName) has no series; Fortnox puts it in series A")
        }
      }
    case .visma:
      var classNine = Set<AccountNumber>()
      for account in document.accounts where account.number.accountClass == 9 {
        classNine.insert(account.number)
      }
      for voucher in document.vouchers {
        for row in voucher.rows where row.account.accountClass == 9 {
          classNine.insert(row.account)
        }
      }
      for account in classNine.sorted() {
        report(.error, "account \(account) is of class 9, which Visma cannot import")
      }
      if let chart = document.chartType, chart.uppercased() == "BAS96" {
        report(.error, "#KPTYP BAS96 charts are not accepted")
      }
    case .bokio:
      guard let yearZero else {
        report(.warning, "no #RAR 0: the fiscal year must exist in Bokio before the import")
        break
      }
      if yearZero.start.adding(months: 18) <= yearZero.end {
        report(.error, "fiscal year 0 is longer than 18 months")
      }
    }
    return findings
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
