import Basics

/// A field kept as read: the fields of unknown records, and unknown trailing fields of known
/// ones (SIE §7.3), so that a round trip loses nothing.
public enum RawField: Hashable, Sendable {
  /// A text field (quoted or not).
  case text(String)
  /// An object list `{…}`, item by item.
  case list([String])
}

/// A record of a label this package does not know, such as `#MOMSKOD`. Kept as read so that a
/// round trip loses nothing.
public struct UnknownRecord: Hashable, Sendable {
  /// The label as written, upper-cased, with `#`.
  public var label: String
  public var fields: [RawField]

  public init(label: String, fields: [RawField]) {
    self.label = label
    self.fields = fields
  }
}

/// One record of an SIE file, typed by its label.
///
/// Single-value records carry unknown trailing fields in `extra`; the other records carry them
/// in their payload's `extra`.
public enum SIERecord: Hashable, Sendable {
  /// `#FLAGGA`: 0 when written, 1 once a receiver has imported the file.
  case flag(Int, extra: [RawField] = [])
  case program(Program)
  /// `#FORMAT`: always `PC8`.
  case format(String, extra: [RawField] = [])
  case generated(Generation)
  /// `#SIETYP`: 1, 2, 3 or 4.
  case sieType(Int, extra: [RawField] = [])
  /// `#PROSA`: a free comment.
  case prose(String, extra: [RawField] = [])
  /// `#FTYP`: the company form (AB, E, HB, …).
  case companyType(String, extra: [RawField] = [])
  /// `#FNR`: the exporting program's id of the company.
  case companyID(String, extra: [RawField] = [])
  case organizationNumber(OrganizationNumberRecord)
  /// `#BKOD`: the SNI industry code.
  case industryCode(String, extra: [RawField] = [])
  case address(Address)
  /// `#FNAMN`: the company's name.
  case companyName(String, extra: [RawField] = [])
  case fiscalYear(FiscalYear)
  /// `#TAXAR`: the tax year of the SRU codes.
  case taxYear(Int, extra: [RawField] = [])
  /// `#OMFATTN`: the balances cover up to this day.
  case balanceDate(Day, extra: [RawField] = [])
  /// `#KPTYP`: the chart of accounts, e.g. `EUBAS97`.
  case chartType(String, extra: [RawField] = [])
  /// `#VALUTA`: the file's currency (ISO 4217); SEK when absent.
  case currency(String, extra: [RawField] = [])
  case account(Account)
  case accountProperty(AccountProperty)
  case dimension(Dimension)
  case object(DimensionObject)
  case balance(Balance)
  case objectBalance(ObjectBalance)
  case periodBalance(PeriodBalance)
  case voucher(VoucherRecord)
  case unknown(UnknownRecord)

  /// The record's label, or `nil` for an unknown record.
  public var label: SIELabel? {
    switch self {
    case .flag: .flagga
    case .program: .program
    case .format: .format
    case .generated: .gen
    case .sieType: .sietyp
    case .prose: .prosa
    case .companyType: .ftyp
    case .companyID: .fnr
    case .organizationNumber: .orgnr
    case .industryCode: .bkod
    case .address: .adress
    case .companyName: .fnamn
    case .fiscalYear: .rar
    case .taxYear: .taxar
    case .balanceDate: .omfattn
    case .chartType: .kptyp
    case .currency: .valuta
    case .account: .konto
    case .accountProperty(let property):
      switch property.kind {
      case .type: .ktyp
      case .unit: .enhet
      case .sru: .sru
      }
    case .dimension(let dimension): dimension.parent == nil ? .dim : .underdim
    case .object: .objekt
    case .balance(let balance):
      switch balance.kind {
      case .opening: .ib
      case .closing: .ub
      case .result: .res
      }
    case .objectBalance(let balance): balance.kind == .opening ? .oib : .oub
    case .periodBalance(let balance): balance.kind == .actual ? .psaldo : .pbudget
    case .voucher: .ver
    case .unknown: nil
    }
  }
}
