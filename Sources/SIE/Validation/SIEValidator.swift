import Basics

/// Checks an SIE file against the rules of its type while it streams past: every voucher
/// balances, dates exist and fall in fiscal year 0, accounts and objects are declared, series
/// ascend, closing balances and results agree with the movements, records are where the type
/// wants them.
///
/// ```swift
/// let report = try SIEValidator.validate(path: "FAKT.SI", options: .init(strict: true))
/// report.diagnostics.forEach { print($0.formatted(file: "FAKT.SI")) }
/// ```
///
/// Memory depends on the number of accounts, objects and series, never on the number of
/// vouchers.
public struct SIEValidator {
  let options: ValidationOptions

  // Records seen.
  var labelCounts = [Int](repeating: 0, count: SIELabel.allCases.count)
  var labelFirstLocation = [SourceLocation?](repeating: nil, count: SIELabel.allCases.count)
  var highestGroup = RecordGroup.flag
  var orderReported = Set<SIELabel>()
  var sieType: Int?
  var sawBalances = false
  var summary = ValidationReport.Summary()

  // Declarations and uses.
  var accounts = AccountIndexer()
  var declaredAccounts = AccountTable<Bool>()
  var accountUses = AccountTable<SourceLocation>()
  var accountTypes = AccountTable<AccountType>()
  var declaredDimensions = Set<Int>()
  var dimensionUses = [Int: SourceLocation]()
  var declaredObjects = Set<ObjectReference>()
  var objectUses = [ObjectReference: SourceLocation]()

  // Fiscal years and vouchers.
  var fiscalYears = [Int: FiscalYear]()
  /// Fiscal year 0, once known.
  var yearZero: FiscalYear?
  /// The last number of each series (few series: a list beats hashing).
  var lastNumbers: [(series: String, number: Int, location: SourceLocation)] = []
  /// VoucherRecord dates seen before `#RAR 0` (out-of-order files), checked at the end.
  var earliestUnchecked: (day: Day, location: SourceLocation)?
  var latestUnchecked: (day: Day, location: SourceLocation)?
  /// Vouchers outside fiscal year 0; reported at the end, when the type (4E or 4I) is settled.
  var outsideYear: [(message: String, location: SourceLocation)] = []
  var outsideYearCount = 0

  /// The voucher being checked.
  var current = OpenVoucher(series: "", numberText: "", location: SourceLocation(line: 0))

  struct OpenVoucher {
    var series: String
    /// The number as written; `nil` when it is ``numericNumber`` in plain digits.
    var numberText: String?
    var numericNumber: Int?
    var location: SourceLocation
    var inYearZero = false
    var rows = 0
    var effective = 0
    var sum: Int128 = 0
    /// The last row was an `#RTRANS`; the next must be its twin.
    var awaitingTwin: (account: Int, amount: Amount, location: SourceLocation)?

    /// `"A 17"`, as ``VoucherRecord/displayName`` says it.
    var displayName: String { VoucherRecord(series: series, number: number, date: nil).displayName }

    var number: String { numberText ?? numericNumber.map { String($0) } ?? "" }
  }

  // Balances.
  var movements = AccountTable<Int128>()
  var movementsCounted = 0
  var uncountedVouchers = 0
  var declaredBalances = AccountTable<DeclaredBalances>()

  struct DeclaredBalances {
    var opening: Amount?
    var closing: Amount?
    var result: Amount?
  }

  public init(options: ValidationOptions = ValidationOptions()) {
    self.options = options
  }

  /// Checks one record. `rowLocations` are the places of a voucher's rows.
  public mutating func check(
    _ record: SIERecord, at location: SourceLocation, rowLocations: [SourceLocation] = [],
    diagnostics: inout DiagnosticCollector
  ) {
    if let label = record.label, label != .ver {
      noteLabel(label, at: location, diagnostics: &diagnostics)
    }
    switch record {
    case .flag(let value, _):
      if value == 1 {
        diagnostics.report(
          .warning, .alreadyImported,
          "#FLAGGA 1: a receiver has already imported this file; importing it again duplicates it",
          at: location)
      } else if value != 0 {
        diagnostics.report(.error, .invalidValue, "#FLAGGA \(value); it is 0 or 1", at: location)
      }
    case .program(let program):
      summary.program = program
    case .sieType(let type, _):
      sieType = type
    case .companyName(let name, _):
      summary.companyName = name
    case .companyType(let type, _):
      checkCompanyType(type, at: location, diagnostics: &diagnostics)
    case .organizationNumber(let number):
      summary.organizationNumber = number.number
      checkOrganizationNumber(number, at: location, diagnostics: &diagnostics)
    case .fiscalYear(let year):
      checkFiscalYear(year, at: location, diagnostics: &diagnostics)
    case .chartType(let type, _):
      checkChartType(type, at: location, diagnostics: &diagnostics)
    case .currency(let code, _):
      if code.utf8.count != 3 || !code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
        diagnostics.report(
          .warning, .invalidValue, "#VALUTA \"\(code)\" is not an ISO 4217 code such as SEK",
          at: location)
      }
    case .account(let account):
      let index = accounts.index(account.number)
      if declaredAccounts[index] == true {
        diagnostics.report(
          .warning, .duplicateRecord, "account \(account.number) declared again", at: location)
      }
      declaredAccounts[index] = true
      summary.accounts += 1
    case .accountProperty(let property):
      if case .type(let type) = property.kind {
        accountTypes[accounts.index(property.account)] = type
      }
    case .dimension(let dimension):
      declaredDimensions.insert(dimension.number)
      if let parent = dimension.parent { useDimension(parent, at: location) }
    case .object(let object):
      declaredObjects.insert(object.reference)
      useDimension(object.reference.dimension, at: location)
    case .balance(let balance):
      // The chart of accounts is year 0's (§6): accounts used only in earlier years' balances
      // need no #KONTO.
      sawBalances = true
      if balance.year == 0 {
        useAccount(balance.account, at: location)
        noteBalance(balance, at: location, diagnostics: &diagnostics)
      }
    case .objectBalance(let balance):
      sawBalances = true
      if balance.year == 0 {
        useAccount(balance.account, at: location)
        for object in balance.objects { useObject(object, at: location) }
      }
    case .periodBalance(let balance):
      sawBalances = true
      if balance.year == 0 {
        useAccount(balance.account, at: location)
        for object in balance.objects { useObject(object, at: location) }
      }
    case .voucher(let voucher):
      checkVoucher(voucher, at: location, rowLocations: rowLocations, diagnostics: &diagnostics)
    case .format, .generated, .prose, .companyID, .industryCode, .address, .taxYear,
      .balanceDate, .unknown:
      break
    }
  }

  /// Counts a label, and reports duplicates and records out of group order.
  mutating func noteLabel(
    _ label: SIELabel, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    let index = Int(label.rawValue)
    labelCounts[index] += 1
    if labelCounts[index] == 1 {
      labelFirstLocation[index] = location
    } else if label.appearsOnce {
      diagnostics.report(
        .warning, .duplicateRecord, "\(label.text) appears again; the first one counts",
        at: location)
    }
    if label.group < highestGroup {
      if orderReported.insert(label).inserted {
        diagnostics.report(
          .warning, .recordOrder,
          "\(label.text) after records of a later group; the specification orders #FLAGGA, "
            + "identification, chart of accounts, then balances and vouchers",
          at: location)
      }
    } else {
      highestGroup = label.group
    }
  }

  mutating func useAccount(_ index: Int, at location: SourceLocation) {
    if accountUses[index] == nil { accountUses[index] = location }
  }

  mutating func useAccount(_ account: AccountNumber, at location: SourceLocation) {
    useAccount(accounts.index(account), at: location)
  }

  mutating func useObject(_ object: ObjectReference, at location: SourceLocation) {
    if objectUses[object] == nil {
      objectUses[object] = location
      useDimension(object.dimension, at: location)
    }
  }

  mutating func useDimension(_ dimension: Int, at location: SourceLocation) {
    if dimensionUses[dimension] == nil { dimensionUses[dimension] = location }
  }

  mutating func noteBalance(
    _ balance: Balance, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    declaredBalances.update(accounts.index(balance.account), initial: DeclaredBalances()) {
      declared in
      switch balance.kind {
      case .opening: declared.opening = (declared.opening ?? .zero) + balance.amount
      case .closing: declared.closing = (declared.closing ?? .zero) + balance.amount
      case .result: declared.result = (declared.result ?? .zero) + balance.amount
      }
    }
  }
}

extension SIELabel {
  /// Whether a file may hold the record only once.
  var appearsOnce: Bool {
    switch self {
    case .flagga, .program, .format, .gen, .sietyp, .prosa, .ftyp, .fnr, .orgnr, .bkod, .adress,
      .fnamn, .taxar, .omfattn, .kptyp, .valuta:
      true
    default:
      false
    }
  }
}
