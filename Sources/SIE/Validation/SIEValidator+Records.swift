import Invoicing

extension SIEValidator {
  /// Checks a whole voucher: the typed counterpart of the engine's voucher events.
  mutating func checkVoucher(
    _ voucher: Voucher, at location: SourceLocation, rowLocations: [SourceLocation],
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
    _ voucher: Voucher, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    noteLabel(.ver, at: location, diagnostics: &diagnostics)
    summary.vouchers += 1
    current = OpenVoucher(voucher: voucher, location: location)
    current.inYearZero = voucherCountsInYearZero(voucher, at: location)
    if current.inYearZero { movementsCounted += 1 } else { uncountedVouchers += 1 }
  }

  /// One row of the open voucher: effective rows are summed; an `#RTRANS` must be followed by
  /// a `#TRANS` twin with the same account and amount, which is then not counted.
  mutating func row(_ row: RowView, at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    current.rows += 1
    useAccount(row.account, at: location)
    for object in row.objects { useObject(object, at: location) }
    if let added = current.awaitingTwin {
      current.awaitingTwin = nil
      if row.kind == .normal {
        if row.account != added.account || row.amount != added.amount {
          diagnostics.report(
            .warning, .rtransTwin,
            "the #TRANS after this #RTRANS differs from it (\(row.account.number) \(row.amount) "
              + "against \(added.account.number) \(added.amount)); it was still taken as its twin",
            at: added.location)
        }
        return
      }
      reportMissingTwin(at: added.location, diagnostics: &diagnostics)
    }
    switch row.kind {
    case .removed:
      return
    case .added:
      current.awaitingTwin = (row.account, row.amount, location)
    case .normal:
      break
    }
    current.effective += 1
    current.sum += Int128(row.amount.ore)
    if current.inYearZero {
      movements.update(row.account, initial: 0) { $0 += Int128(row.amount.ore) }
    }
  }

  mutating func endVoucher(diagnostics: inout DiagnosticCollector) {
    if let added = current.awaitingTwin {
      reportMissingTwin(at: added.location, diagnostics: &diagnostics)
    }
    summary.transactions += current.effective
    let name = current.voucher.displayName
    if current.rows == 0 {
      diagnostics.report(.warning, .emptyVoucher, "voucher \(name) has no rows", at: current.location)
    } else if current.effective == 0 {
      diagnostics.report(
        .warning, .removedRowsOnly,
        "voucher \(name) has only removed (#BTRANS) rows; it books nothing", at: current.location)
    }
    if current.sum != 0 {
      diagnostics.report(
        .error, .unbalancedVoucher,
        "voucher \(name) does not balance: sum is \(formatOre(current.sum))", at: current.location)
    }
    checkNumber(of: current.voucher, at: current.location, diagnostics: &diagnostics)
  }

  func reportMissingTwin(at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    diagnostics.report(
      .warning, .rtransTwin, "#RTRANS is not followed by its #TRANS twin", at: location)
  }

  /// Whether a voucher's rows count as movements of fiscal year 0; checks its date on the way.
  mutating func voucherCountsInYearZero(_ voucher: Voucher, at location: SourceLocation) -> Bool {
    guard let date = voucher.date else { return false }
    guard let year = fiscalYears[0] else {
      if earliestUnchecked.map({ date < $0.day }) ?? true { earliestUnchecked = (date, location) }
      if latestUnchecked.map({ date > $0.day }) ?? true { latestUnchecked = (date, location) }
      return true
    }
    guard year.contains(date) else {
      outsideYearCount += 1
      if outsideYear.count < 100 {
        outsideYear.append(
          (
            "voucher \(voucher.displayName) is dated \(date), outside fiscal year 0 "
              + "(\(year.start) – \(year.end))", location
          ))
      }
      return false
    }
    return true
  }

  /// Numbered vouchers of a series must ascend.
  mutating func checkNumber(
    of voucher: Voucher, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    guard let number = voucher.numericNumber else { return }
    if let last = lastNumber[voucher.series] {
      if number == last.number {
        diagnostics.report(
          .error, .duplicateVoucher,
          "voucher \(voucher.displayName) appears twice in series \"\(voucher.series)\" (first "
            + "on line \(last.location.line))", at: location)
      } else if number < last.number {
        diagnostics.report(
          .error, .voucherOrder,
          "voucher \(voucher.displayName) comes after number \(last.number) of its series; "
            + "numbers must ascend", at: location)
      }
    }
    lastNumber[voucher.series] = (number, location)
  }

  // MARK: Identification records

  func checkOrganizationNumber(
    _ number: OrganizationNumber, at location: SourceLocation,
    diagnostics: inout DiagnosticCollector
  ) {
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
