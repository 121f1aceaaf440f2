import Basics

/// What reading or importing payments refuses: a file of another format, totals that do not
/// add up, a deposit delivered again with other content. Nothing was imported.
public typealias ReconcileError = CodedFailure<ReconcileErrorCode>

/// The codes of ``ReconcileError``.
public enum ReconcileErrorCode: String, FailureCode {
  /// The file is empty.
  case emptyPaymentFile = "empty-payment-file"
  /// The content is no payment file this package reads (Autogiro specification, Nets OCR,
  /// CREMUL, HTML, …).
  case unknownPaymentFormat = "unknown-payment-format"
  /// A BgMax file whose records are not in the order the format sets.
  case bgmaxStructure = "bgmax-structure"
  /// A BgMax file whose counts or sums do not add up: refused whole.
  case bgmaxTotals = "bgmax-totals"
  /// A field that should be a number or a date is not one.
  case invalidField = "invalid-field"
  /// XML that cannot be read (malformed, an entity, nesting too deep).
  case invalidXML = "invalid-xml"
  /// A test file (BgMax `T`) given to a book.
  case testFile = "test-file"
  /// A deposit already imported comes again with other content.
  case depositChanged = "deposit-changed"
  /// No such payment in the book.
  case noSuchPayment = "no-such-payment"
  /// The payment's state does not allow the step.
  case paymentStateConflict = "payment-state-conflict"
  /// An allocation is more than the payment or than the invoice's open amount, or aims at
  /// another customer's invoice.
  case invalidAllocation = "invalid-allocation"

  /// One sentence on what the code means, for `docs/errors.md`.
  public var summary: String { Self.summaries[self] ?? "" }

  static let summaries: [ReconcileErrorCode: String] = [
    .emptyPaymentFile: "The payment file is empty.",
    .unknownPaymentFormat:
      "The content is no BgMax, camt.054 or camt.053 file (the format is found from the content).",
    .bgmaxStructure: "A BgMax file's records are not in the order the format sets.",
    .bgmaxTotals: "A BgMax file's counts or sums do not add up; the whole file is refused.",
    .invalidField: "A field that should be a number, amount or date is not one.",
    .invalidXML: "The XML cannot be read: malformed, with an entity, or nested too deep.",
    .testFile: "A BgMax test file (T) is never imported into a book.",
    .depositChanged: "A deposit already imported comes again with other content.",
    .noSuchPayment: "No incoming payment with the id.",
    .paymentStateConflict:
      "The payment's state does not allow the step (another may have taken it).",
    .invalidAllocation:
      "An allocation is more than the payment or the invoice's open amount, or for another customer.",
  ]
}
