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

  /// The findings of ``ReceiverProfile/check(_:)`` gathered voucher by voucher, for a file
  /// whose vouchers are never held together (see ``SIEVoucherStream``).
  public struct Check: Sendable {
    public let profile: ReceiverProfile
    private let yearZero: FiscalYear?
    /// Findings about vouchers that every receiver refuses, in voucher order.
    private var general = [Finding]()
    /// Findings about vouchers that only this receiver minds, in voucher order.
    private var specific = [Finding]()
    /// Findings about the header, and for Visma its class-9 accounts.
    private var headerFindings = [Finding]()
    private var headerSpecific = [Finding]()
    private var classNine = Set<AccountNumber>()

    /// Checks `header`'s records other than vouchers (its vouchers are left to ``add(_:)``).
    public init(_ profile: ReceiverProfile, header: SIEDocument) {
      self.profile = profile
      yearZero = header.fiscalYear(0)
      if let number = header.organizationNumber, !number.isCanonical {
        headerFindings.append(
          profile.finding(
            .warning, "#ORGNR \"\(number.number)\" is not written NNNNNN-NNNN",
            fixable: number.normalized != nil))
      }
      if header.flag == 1 {
        headerFindings.append(
          profile.finding(
            profile == .bokio ? .error : .warning,
            "#FLAGGA 1 marks the file as already imported", fixable: true))
      }
      switch profile {
      case .generic, .fortnox:
        break
      case .visma:
        for account in header.accounts where account.number.accountClass == 9 {
          classNine.insert(account.number)
        }
        if let chart = header.chartType, chart.uppercased() == "BAS96" {
          headerSpecific.append(profile.finding(.error, "#KPTYP BAS96 charts are not accepted"))
        }
      case .bokio:
        guard let yearZero else {
          headerSpecific.append(
            profile.finding(
              .warning, "no #RAR 0: the fiscal year must exist in Bokio before the import"))
          break
        }
        if yearZero.start.adding(months: 18) <= yearZero.end {
          headerSpecific.append(profile.finding(.error, "fiscal year 0 is longer than 18 months"))
        }
      }
    }

    /// Checks one voucher.
    public mutating func add(_ voucher: VoucherRecord) {
      addBalanceAndDate(name: voucher.displayName, date: voucher.date, imbalance: voucher.imbalance)
      switch profile {
      case .generic, .bokio:
        break  // nothing more (``looksInsideVouchers`` is false)
      case .fortnox:
        if voucher.text.count > 50 {
          specific.append(
            profile.finding(
              .error,
              "voucher \(voucher.displayName) text has \(voucher.text.count) characters; "
                + "Fortnox takes at most 50", fixable: true))
        }
        for (index, row) in voucher.rows.enumerated() where row.text.count > 50 {
          specific.append(
            profile.finding(
              .error,
              "row \(index + 1) of voucher \(voucher.displayName) has a text of "
                + "\(row.text.count) characters; Fortnox takes at most 50", fixable: true))
        }
        if voucher.series.isEmpty {
          specific.append(
            profile.finding(
              .note, "voucher \(voucher.displayName) has no series; Fortnox puts it in series A"))
        }
      case .visma:
        for row in voucher.rows where row.account.accountClass == 9 {
          classNine.insert(row.account)
        }
      }
    }

    /// Whether the receiver looks at more of a voucher than its balance and date (its texts
    /// and rows). When it does not, ``add(series:number:date:imbalance:)`` checks a voucher
    /// as ``add(_:)`` does, without the voucher; ``add(series:number:date:text:imbalance:rows:)``
    /// checks one for any receiver.
    public var looksInsideVouchers: Bool {
      // Every receiver named, so that one added must say; its rules go in `add(_:)`.
      switch profile {
      case .generic, .bokio: false
      case .fortnox, .visma: true
      }
    }

    /// Checks a voucher of a receiver that looks only at its balance and date
    /// (``looksInsideVouchers`` is false): `imbalance` is the sum of its rows in öre.
    public mutating func add(series: String, number: Int, date: Day?, imbalance: Int128) {
      precondition(!looksInsideVouchers, "\(profile.rawValue) looks inside vouchers")
      addBalanceAndDate(
        name: Self.name(series, number, date), date: date, imbalance: imbalance)
    }

    /// A voucher's name in findings, as ``VoucherRecord/displayName`` gives it.
    private static func name(_ series: String, _ number: Int, _ date: Day?) -> String {
      VoucherRecord(series: series, number: String(number), date: date).displayName
    }

    /// Checks a voucher given by its parts, for a caller that holds its vouchers in columns,
    /// as ``add(_:)`` checks the record they make: the same findings, in the same order.
    /// `text` is the voucher's text as UTF-8, `imbalance` the sum of its rows in öre, and
    /// `rows` each row's account and text, read only by a receiver that looks at them.
    ///
    /// ```swift
    /// check.add(
    ///   series: "F", number: 12, date: day, text: textBytes, imbalance: 0,
    ///   rows: [(account: "1510", text: ""), (account: "3001", text: "")])
    /// ```
    public mutating func add<Rows: Sequence<(account: AccountNumber, text: String)>>(
      series: String, number: Int, date: Day?, text: UnsafeBufferPointer<UInt8>,
      imbalance: Int128, rows: Rows
    ) {
      addBalanceAndDate(
        name: Self.name(series, number, date), date: date, imbalance: imbalance)
      switch profile {
      case .generic, .bokio:
        break
      case .fortnox:
        // No more characters than bytes: only a long text is counted.
        if text.count > 50, case let count = String(decoding: text, as: UTF8.self).count,
          count > 50
        {
          let name = Self.name(series, number, date)
          specific.append(
            profile.finding(
              .error, "voucher \(name) text has \(count) characters; Fortnox takes at most 50",
              fixable: true))
        }
        for (index, row) in rows.enumerated() where row.text.utf8.count > 50 {
          let (count, name) = (row.text.count, Self.name(series, number, date))
          guard count > 50 else { continue }
          specific.append(
            profile.finding(
              .error,
              "row \(index + 1) of voucher \(name) has a text of \(count) characters; "
                + "Fortnox takes at most 50", fixable: true))
        }
        if series.isEmpty {
          let name = Self.name(series, number, date)
          specific.append(
            profile.finding(.note, "voucher \(name) has no series; Fortnox puts it in series A"))
        }
      case .visma:
        for row in rows where row.account.accountClass == 9 { classNine.insert(row.account) }
      }
    }

    private mutating func addBalanceAndDate(
      name: @autoclosure () -> String, date: Day?, imbalance: Int128
    ) {
      if imbalance != 0 {
        general.append(profile.finding(.error, "voucher \(name()) does not balance"))
      }
      if let date {
        if let yearZero, !yearZero.contains(date) {
          general.append(
            profile.finding(.error, "voucher \(name()) is dated \(date), outside fiscal year 0"))
        }
      } else {
        general.append(profile.finding(.error, "voucher \(name()) has no valid date"))
      }
    }

    /// Every finding so far, in the order ``ReceiverProfile/check(_:)`` lists them.
    public var findings: [Finding] {
      var all = general + headerFindings + specific
      for account in classNine.sorted() {
        all.append(
          profile.finding(.error, "account \(account) is of class 9, which Visma cannot import"))
      }
      return all + headerSpecific
    }
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
