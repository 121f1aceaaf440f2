import Basics

extension SIEValidator {
  /// The type to check against: given, or `#SIETYP` (type 4 guessed as 4E or 4I).
  func resolvedType() -> (type: SIEFileType, guessed: Bool, reason: String) {
    if let type = options.type { return (type, false, "") }
    switch sieType {
    case 1?: return (.type1, false, "")
    case 2?: return (.type2, false, "")
    case 3?: return (.type3, false, "")
    case 4?:
      return sawBalances
        ? (.type4E, true, "it holds balances")
        : (.type4I, true, "it holds no balances")
    default:
      return (.type1, true, "it has no #SIETYP, which means type 1")
    }
  }

  /// Runs the checks that need the whole file and returns the verdict.
  public mutating func finish(
    encoding: TextEncoding, checksum: ChecksumStatus, diagnostics: inout DiagnosticCollector
  ) -> ValidationReport {
    let (type, guessed, reason) = resolvedType()
    if guessed && diagnostics.count(of: .notSIEFile) == 0 {
      diagnostics.report(
        .note, .typeGuessed,
        "checked as type \(type.rawValue) because \(reason); name the type to check another")
    }
    checkRecordKinds(type, diagnostics: &diagnostics)
    checkDates(type, diagnostics: &diagnostics)
    checkDeclarations(type, diagnostics: &diagnostics)
    checkBalances(diagnostics: &diagnostics)
    summary.fiscalYears = fiscalYears.values.sorted { $0.index > $1.index }
    return ValidationReport(
      type: type, typeWasGuessed: guessed, encoding: encoding, checksum: checksum,
      diagnostics: diagnostics.finished(), errorCount: diagnostics.errorCount,
      warningCount: diagnostics.warningCount, summary: summary)
  }

  /// Mandatory and forbidden records of the type.
  func checkRecordKinds(_ type: SIEFileType, diagnostics: inout DiagnosticCollector) {
    guard diagnostics.count(of: .notSIEFile) == 0 else { return }
    for label in SIELabel.allCases where label != .ksumma {
      let index = Int(label.rawValue)
      if labelCounts[index] == 0, let severity = type.missingSeverity(label) {
        diagnostics.report(
          severity, .missingRecord, "\(label.text) is missing; type \(type.rawValue) requires it")
      } else if labelCounts[index] > 0, let severity = type.forbiddenSeverity(label) {
        diagnostics.report(
          severity, .forbiddenRecord,
          "\(label.text) is not allowed in type \(type.rawValue) (\(labelCounts[index]) found)",
          at: labelFirstLocation[index])
      }
    }
  }

  /// Vouchers outside fiscal year 0, with the type's severity.
  func checkDates(_ type: SIEFileType, diagnostics: inout DiagnosticCollector) {
    let severity = type.dateOutsideYearSeverity
    for (message, location) in outsideYear {
      diagnostics.report(severity, .dateOutsideFiscalYear, message, at: location)
    }
    diagnostics.countUnlisted(
      severity, .dateOutsideFiscalYear, count: outsideYearCount - outsideYear.count)
    guard let year = fiscalYears[0] else { return }
    for (day, location) in [earliestUnchecked, latestUnchecked].compactMap({ $0 })
    where !year.contains(day) {
      diagnostics.report(
        severity, .dateOutsideFiscalYear,
        "a voucher is dated \(day), outside fiscal year 0 (\(year.start) – \(year.end))",
        at: location)
    }
  }

  /// Accounts, objects and dimensions used but not declared.
  func checkDeclarations(_ type: SIEFileType, diagnostics: inout DiagnosticCollector) {
    let severity = type.undeclaredSeverity
    for (index, location) in accountUses.entries.sorted(by: {
      accounts.number($0.index) < accounts.number($1.index)
    })
    where declaredAccounts[index] != true {
      let account = accounts.number(index)
      guard !account.text.isEmpty else { continue }
      diagnostics.report(
        severity, .undeclaredAccount, "account \(account) is used but not declared with #KONTO",
        at: location)
    }
    for (object, location) in objectUses.sorted(by: { $0.key < $1.key })
    where !declaredObjects.contains(object) {
      diagnostics.report(
        severity, .undeclaredObject,
        "object \"\(object.code)\" of dimension \(object.dimension) is used but not declared "
          + "with #OBJEKT", at: location)
    }
    for (dimension, location) in dimensionUses.sorted(by: { $0.key < $1.key })
    where !declaredDimensions.contains(dimension) && Dimension.reservedName(dimension) == nil {
      diagnostics.report(
        severity, .undeclaredDimension,
        "dimension \(dimension) is used but not declared with #DIM", at: location)
    }
  }

  /// `#UB 0` = `#IB 0` + movements on balance-sheet accounts and `#RES 0` = movements on result
  /// accounts, when the file has vouchers and those balances.
  func checkBalances(diagnostics: inout DiagnosticCollector) {
    guard movementsCounted > 0 else { return }
    let declared = declaredBalances.entries
    let hasClosing = declared.contains { $0.value.closing != nil }
    let hasResult = declared.contains { $0.value.result != nil }
    guard hasClosing || hasResult else { return }
    var indexes = Set(declared.map(\.index))
    for (index, _) in movements.entries { indexes.insert(index) }
    for index in indexes.sorted(by: { accounts.number($0) < accounts.number($1) }) {
      let account = accounts.number(index)
      let movement = movements[index] ?? 0
      let balances = declaredBalances[index] ?? DeclaredBalances()
      let isBalanceSheet: Bool
      if let type = accountTypes[index] {
        isBalanceSheet = type.isBalanceSheet
      } else if let accountClass = account.accountClass, (1...8).contains(accountClass) {
        isBalanceSheet = accountClass <= 2
      } else {
        continue
      }
      if isBalanceSheet && hasClosing {
        let expected = Int128((balances.opening ?? .zero).ore) + movement
        let stated = Int128((balances.closing ?? .zero).ore)
        if expected != stated {
          diagnostics.report(
            .warning, .closingBalanceMismatch,
            "account \(account): #UB 0 is \(formatOre(stated)) but #IB 0 plus the year's "
              + "movements is \(formatOre(expected)) (difference \(formatOre(stated - expected)))")
        }
      } else if !isBalanceSheet && hasResult {
        let stated = Int128((balances.result ?? .zero).ore)
        if movement != stated {
          diagnostics.report(
            .warning, .resultMismatch,
            "account \(account): #RES 0 is \(formatOre(stated)) but the year's movements are "
              + "\(formatOre(movement)) (difference \(formatOre(stated - movement)))")
        }
      }
    }
  }
}
