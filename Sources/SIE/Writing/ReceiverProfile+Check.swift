import Basics

extension ReceiverProfile {
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
}
