import Basics

/// An SIE file in memory: its records in the order the specification sets for them.
///
/// The records are the source of truth; the properties below are views over them. Reading a
/// file puts records that stood out of order into their group (stably, so the order within a
/// group is the file's), which is also the order the writer uses.
///
/// ```swift
/// let (document, report) = try SIEDocument.read(path: "bokslut.se")
/// print(document.companyName ?? "?", document.vouchers.count, report.errorCount)
/// ```
public struct SIEDocument: Hashable, Sendable {
  public var records: [SIERecord]

  public init(records: [SIERecord] = []) { self.records = records }

  /// Appends a record.
  public mutating func append(_ record: SIERecord) { records.append(record) }

  /// The records sorted stably into their groups (§5.11–5.13); an unknown record stays with the
  /// record before it.
  public func inGroupOrder() -> SIEDocument {
    var group = RecordGroup.flag
    var keyed = [(group: RecordGroup, index: Int)]()
    keyed.reserveCapacity(records.count)
    // By index: iterating would copy (and retain) every record.
    for index in records.indices {
      if let label = records[index].label { group = label.group }
      keyed.append((group, index))
    }
    guard !zip(keyed, keyed.dropFirst()).allSatisfy({ $0.group <= $1.group }) else { return self }
    keyed.sort { $0.group != $1.group ? $0.group < $1.group : $0.index < $1.index }
    return SIEDocument(records: keyed.map { records[$0.index] })
  }
}

extension SIEDocument {
  /// `#FLAGGA`.
  public var flag: Int? { first { if case .flag(let value, _) = $0 { value } else { nil } } }
  /// `#PROGRAM`.
  public var program: Program? { first { if case .program(let value) = $0 { value } else { nil } } }
  /// `#FORMAT`.
  public var format: String? { first { if case .format(let value, _) = $0 { value } else { nil } } }
  /// `#GEN`.
  public var generated: Generation? {
    first { if case .generated(let value) = $0 { value } else { nil } }
  }
  /// `#SIETYP` as written (1–4); `nil` means type 1 by the specification.
  public var sieType: Int? { first { if case .sieType(let value, _) = $0 { value } else { nil } } }
  /// `#PROSA`.
  public var prose: String? { first { if case .prose(let value, _) = $0 { value } else { nil } } }
  /// `#FNAMN`.
  public var companyName: String? {
    first { if case .companyName(let value, _) = $0 { value } else { nil } }
  }
  /// `#ORGNR`.
  public var organizationNumber: OrganizationNumberRecord? {
    first { if case .organizationNumber(let value) = $0 { value } else { nil } }
  }
  /// `#ADRESS`.
  public var address: Address? { first { if case .address(let value) = $0 { value } else { nil } } }
  /// `#KPTYP`.
  public var chartType: String? {
    first { if case .chartType(let value, _) = $0 { value } else { nil } }
  }
  /// `#VALUTA`, or `"SEK"` when the file names none.
  public var currency: String {
    first { if case .currency(let value, _) = $0 { value } else { nil } } ?? "SEK"
  }

  /// `#RAR`, in file order.
  public var fiscalYears: [FiscalYear] {
    records.compactMap { if case .fiscalYear(let value) = $0 { value } else { nil } }
  }

  /// The fiscal year with `index` (0 current, −1 previous).
  public func fiscalYear(_ index: Int) -> FiscalYear? {
    fiscalYears.first { $0.index == index }
  }

  /// `#KONTO`, in file order.
  public var accounts: [Account] {
    records.compactMap { if case .account(let value) = $0 { value } else { nil } }
  }

  /// Account names by number (the first `#KONTO` of a number wins).
  public var accountNames: [AccountNumber: String] {
    var names = [AccountNumber: String]()
    for account in accounts where names[account.number] == nil {
      names[account.number] = account.name
    }
    return names
  }

  /// `#KTYP` by account.
  public var accountTypes: [AccountNumber: AccountType] {
    var types = [AccountNumber: AccountType]()
    for record in records {
      if case .accountProperty(let property) = record, case .type(let type) = property.kind {
        types[property.account] = type
      }
    }
    return types
  }

  /// `#DIM` and `#UNDERDIM`.
  public var dimensions: [Dimension] {
    records.compactMap { if case .dimension(let value) = $0 { value } else { nil } }
  }

  /// `#OBJEKT`.
  public var objects: [DimensionObject] {
    records.compactMap { if case .object(let value) = $0 { value } else { nil } }
  }

  /// `#IB`, `#UB` and `#RES`.
  public var balances: [Balance] {
    records.compactMap { if case .balance(let value) = $0 { value } else { nil } }
  }

  /// `#OIB` and `#OUB`.
  public var objectBalances: [ObjectBalance] {
    records.compactMap { if case .objectBalance(let value) = $0 { value } else { nil } }
  }

  /// `#PSALDO` and `#PBUDGET`.
  public var periodBalances: [PeriodBalance] {
    records.compactMap { if case .periodBalance(let value) = $0 { value } else { nil } }
  }

  /// `#VER`, in file order.
  public var vouchers: [VoucherRecord] {
    records.compactMap { if case .voucher(let value) = $0 { value } else { nil } }
  }

  /// Records of labels this package does not know.
  public var unknownRecords: [UnknownRecord] {
    records.compactMap { if case .unknown(let value) = $0 { value } else { nil } }
  }

  private func first<T>(_ transform: (SIERecord) -> T?) -> T? {
    for record in records {
      if let value = transform(record) { return value }
    }
    return nil
  }
}
