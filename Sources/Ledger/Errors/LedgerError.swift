import Basics

/// Something the ledger refuses or cannot do: an export that overlaps an earlier one, a period
/// across a fiscal year's end, a file that would not pass validation. Nothing was written.
///
/// Like `BookError`: a stable ``Code``, the ``subject`` (period, export, invoice) and a message
/// made from them. `docs/errors.md` lists every code.
public typealias LedgerError = CodedFailure<LedgerErrorCode>

/// The codes of ``LedgerError``.
public enum LedgerErrorCode: String, FailureCode {
  /// Events fall in an earlier period that was never exported: export it first.
  case earlierPeriodNotExported = "earlier-period-not-exported"
  /// The copy of an export kept in the book differs from its recorded hash.
  case exportCopyDamaged = "export-copy-damaged"
  /// The file would not pass strict SIE validation (nothing is written).
  case exportInvalid = "export-invalid"
  /// The vouchers cannot be written as SIE.
  case exportNotEncodable = "export-not-encodable"
  /// A recorded export cannot be rebuilt from the journal.
  case exportNotReproducible = "export-not-reproducible"
  /// A period is repeated with other options than it was exported with.
  case exportOptionsDiffer = "export-options-differ"
  /// The receiving program (profile) would refuse the file.
  case exportRefusedByReceiver = "export-refused-by-receiver"
  /// The book's events do not fit together for posting.
  case inconsistentBook = "inconsistent-book"
  /// Exports are SIE 4I or 4E.
  case invalidExportType = "invalid-export-type"
  /// The period ends before it starts.
  case invalidPeriod = "invalid-period"
  /// The bookkeeping method would change inside a fiscal year that exports have booked.
  case methodChangeMidYear = "method-change-mid-year"
  /// No export with the number is recorded.
  case noSuchExport = "no-such-export"
  /// The period crosses the end of a fiscal year.
  case periodCrossesFiscalYear = "period-crosses-fiscal-year"
  /// The period overlaps an earlier export (exports never overlap; repeat it exactly).
  case periodOverlapsExport = "period-overlaps-export"
  /// A voucher does not balance, has a zero row or fewer than two rows.
  case unbalancedVoucher = "unbalanced-voucher"
  /// An export record in the journal cannot be read.
  case unreadableExportRecord = "unreadable-export-record"

  /// One sentence on what the code means, for `docs/errors.md`.
  public var summary: String {
    switch self {
    case .earlierPeriodNotExported:
      "Events fall in an earlier period that was never exported: export it first."
    case .exportCopyDamaged:
      "The copy of an export kept in the book differs from its recorded hash."
    case .exportInvalid: "The file would not pass strict SIE validation (nothing is written)."
    case .exportNotEncodable: "The vouchers cannot be written as SIE."
    case .exportNotReproducible: "A recorded export cannot be rebuilt from the journal."
    case .exportOptionsDiffer:
      "A period is repeated with other options than it was exported with."
    case .exportRefusedByReceiver: "The receiving program (profile) would refuse the file."
    case .inconsistentBook: "The book's events do not fit together for posting."
    case .invalidExportType: "Exports are SIE 4I or 4E."
    case .invalidPeriod: "The period ends before it starts."
    case .methodChangeMidYear:
      "The bookkeeping method changes only from a fiscal year's start; part of this year is exported."
    case .noSuchExport: "No export with the number is recorded."
    case .periodCrossesFiscalYear: "The period crosses the end of a fiscal year."
    case .periodOverlapsExport:
      "The period overlaps an earlier export (exports never overlap; repeat it exactly)."
    case .unbalancedVoucher: "A voucher does not balance, has a zero row or fewer than two rows."
    case .unreadableExportRecord: "An export record in the journal cannot be read."
    }
  }
}
