import Basics

extension SIEValidator {
  /// Checks a whole voucher: the typed counterpart of the engine's voucher events.
  mutating func checkVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, rowLocations: [SourceLocation],
    diagnostics: inout DiagnosticCollector
  ) {
    beginVoucher(voucher, at: location, diagnostics: &diagnostics)
    for (index, row) in voucher.rows.enumerated() {
      let rowLocation = index < rowLocations.count ? rowLocations[index] : location
      self.row(RowView(row), at: rowLocation, diagnostics: &diagnostics)
    }
    endVoucher(diagnostics: &diagnostics)
  }

  mutating func beginVoucher(
    _ voucher: VoucherRecord, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    beginVoucher(
      series: voucher.series, number: voucher.number, numericNumber: voucher.numericNumber,
      date: voucher.date, at: location, diagnostics: &diagnostics)
  }

  mutating func beginVoucher(
    series: String, number: String?, numericNumber: Int?, date: Day?, at location: SourceLocation,
    diagnostics: inout DiagnosticCollector
  ) {
    noteLabel(.ver, at: location, diagnostics: &diagnostics)
    summary.vouchers += 1
    current = OpenVoucher(
      series: series, numberText: number, numericNumber: numericNumber, location: location)
    current.inYearZero = voucherCountsInYearZero(date, at: location)
    if current.inYearZero { movementsCounted += 1 } else { uncountedVouchers += 1 }
    checkNumber(numericNumber, at: location, diagnostics: &diagnostics)
  }

  /// One row of the open voucher.
  mutating func row(
    _ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    for object in row.objects { useObject(object, at: location) }
    countRow(
      row.kind, account: accounts.index(row.account), amount: row.amount, at: location,
      diagnostics: &diagnostics)
  }

  /// The fast path's row: the objects given are those not seen before.
  mutating func fastRow(
    _ kind: TransactionRow.Kind, slot: Int, newObjects: [ObjectReference], amount: Amount,
    at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    for object in newObjects { useObject(object, at: location) }
    countRow(kind, account: slot, amount: amount, at: location, diagnostics: &diagnostics)
  }

  /// Effective rows are summed; an `#RTRANS` must be followed by a `#TRANS` twin with the same
  /// account and amount, which is then not counted.
  mutating func countRow(
    _ kind: TransactionRow.Kind, account: Int, amount: Amount, at location: SourceLocation,
    diagnostics: inout DiagnosticCollector
  ) {
    current.rows += 1
    useAccount(account, at: location)
    if let added = current.awaitingTwin {
      current.awaitingTwin = nil
      if kind == .normal {
        if account != added.account || amount != added.amount {
          diagnostics.report(
            .warning, .rtransTwin,
            "the #TRANS after this #RTRANS differs from it (\(accounts.number(account)) \(amount) "
              + "against \(accounts.number(added.account)) \(added.amount)); it was still taken "
              + "as its twin", at: added.location)
        }
        return
      }
      reportMissingTwin(at: added.location, diagnostics: &diagnostics)
    }
    switch kind {
    case .removed:
      return
    case .added:
      current.awaitingTwin = (account, amount, location)
    case .normal:
      break
    }
    current.effective += 1
    current.sum += Int128(amount.ore)
    if current.inYearZero {
      movements.update(account, initial: 0) { $0 += Int128(amount.ore) }
    }
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    if let added = current.awaitingTwin {
      reportMissingTwin(at: added.location, diagnostics: &diagnostics)
    }
    summary.transactions += current.effective
    if current.rows == 0 {
      diagnostics.report(
        .warning, .emptyVoucher, "voucher \(current.displayName) has no rows", at: current.location)
    } else if current.effective == 0 {
      diagnostics.report(
        .warning, .removedRowsOnly,
        "voucher \(current.displayName) has only removed (#BTRANS) rows; it books nothing",
        at: current.location)
    }
    if current.sum != 0 {
      diagnostics.report(
        .error, .unbalancedVoucher,
        "voucher \(current.displayName) does not balance: sum is \(formatOre(current.sum))",
        at: current.location)
    }
  }

  func reportMissingTwin(at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    diagnostics.report(
      .warning, .rtransTwin, "#RTRANS is not followed by its #TRANS twin", at: location)
  }

  /// Whether a voucher's rows count as movements of fiscal year 0; checks its date on the way.
  mutating func voucherCountsInYearZero(_ date: Day?, at location: SourceLocation) -> Bool {
    guard let date else { return false }
    guard let year = yearZero else {
      if earliestUnchecked.map({ date < $0.day }) ?? true { earliestUnchecked = (date, location) }
      if latestUnchecked.map({ date > $0.day }) ?? true { latestUnchecked = (date, location) }
      return true
    }
    guard year.contains(date) else {
      outsideYearCount += 1
      if outsideYear.count < 100 {
        outsideYear.append(
          (
            "voucher \(current.displayName) is dated \(date), outside fiscal year 0 "
              + "(\(year.start) – \(year.end))", location
          ))
      }
      return false
    }
    return true
  }

  /// Numbered vouchers of a series must ascend.
  mutating func checkNumber(
    _ number: Int?, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    guard let number else { return }
    let series = current.series
    let index = lastNumbers.firstIndex { $0.series == series }
    if let index {
      let last = lastNumbers[index]
      if number == last.number {
        diagnostics.report(
          .error, .duplicateVoucher,
          "voucher \(current.displayName) appears twice in series \"\(series)\" (first "
            + "on line \(last.location.line))", at: location)
      } else if number < last.number {
        diagnostics.report(
          .error, .voucherOrder,
          "voucher \(current.displayName) comes after number \(last.number) of its series; "
            + "numbers must ascend", at: location)
      }
    }
    if let index {
      lastNumbers[index].number = number
      lastNumbers[index].location = location
    } else {
      lastNumbers.append((series, number, location))
    }
  }

  // MARK: Identification records

  func checkOrganizationNumber(
    _ number: OrganizationNumberRecord, at location: SourceLocation,
    diagnostics: inout DiagnosticCollector
  ) {
    if number.normalized != nil && number.identity == nil {
      diagnostics.report(
        .warning, .organizationNumberCheckDigit,
        "#ORGNR \"\(number.number)\" has a wrong check digit (Luhn); it is no organisation number",
        at: location)
    }
    guard !number.isCanonical else { return }
    if let normalized = number.normalized {
      diagnostics.report(
        .warning, .organizationNumberForm,
        "#ORGNR \"\(number.number)\" is not written NNNNNN-NNNN; read as \(normalized)",
        at: location)
    } else {
      diagnostics.report(
        .warning, .organizationNumberForm,
        "#ORGNR \"\(number.number)\" is not an organisation number NNNNNN-NNNN", at: location)
    }
  }

  mutating func checkFiscalYear(
    _ year: FiscalYear, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    if fiscalYears[year.index] != nil {
      diagnostics.report(
        .error, .duplicateRecord, "#RAR \(year.index) appears again; the first one counts",
        at: location)
      return
    }
    if year.start > year.end {
      diagnostics.report(
        .error, .invalidFiscalYear,
        "fiscal year \(year.index) ends (\(year.end)) before it starts (\(year.start))",
        at: location)
    }
    if year.index > 0 {
      diagnostics.report(
        .warning, .invalidFiscalYear,
        "fiscal year \(year.index): years are numbered 0 (current), −1, −2 …", at: location)
    }
    fiscalYears[year.index] = year
    if year.index == 0 { yearZero = year }
    for (neighbour, later) in [(year.index - 1, true), (year.index + 1, false)] {
      guard let other = fiscalYears[neighbour] else { continue }
      let (earlier, next) = later ? (other, year) : (year, other)
      if earlier.end.adding(days: 1) != next.start {
        diagnostics.report(
          .warning, .invalidFiscalYear,
          "fiscal year \(earlier.index) ends \(earlier.end) but year \(next.index) starts "
            + "\(next.start); years should follow each other", at: location)
      }
    }
  }

  func checkChartType(
    _ type: String, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    let upper = type.uppercased()
    let known = ["BAS95", "BAS96", "EUBAS97", "NE2007"].contains(upper) || upper.hasPrefix("BAS2")
    if !known {
      diagnostics.report(
        .warning, .invalidValue,
        "#KPTYP \"\(type)\" is none of BAS95, BAS96, EUBAS97, NE2007 or BAS2…", at: location)
    }
  }

  func checkCompanyType(
    _ type: String, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    let known: Set<String> = [
      "AB", "E", "HB", "KB", "EK", "KHF", "BRF", "BF", "SF", "I", "S", "FL", "BAB", "MB", "SB",
      "BFL", "FAB", "OFB", "SE", "SCE", "TSF", "X",
    ]
    if !known.contains(type.uppercased()) {
      diagnostics.report(
        .warning, .invalidValue, "#FTYP \"\(type)\" is not a company type of the specification",
        at: location)
    }
  }
}

/// An öre sum as a decimal string, also beyond `Int64`.
func formatOre(_ ore: Int128) -> String {
  if let small = Int64(exactly: ore) { return Amount(ore: small).description }
  let magnitude = ore.magnitude
  let cents = magnitude % 100
  return (ore < 0 ? "-" : "") + String(magnitude / 100) + (cents < 10 ? ".0" : ".") + String(cents)
}
