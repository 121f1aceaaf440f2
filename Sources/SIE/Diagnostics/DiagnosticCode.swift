/// The stable identifier of a kind of finding. The raw value is what tools print in brackets
/// and what scripts may rely on; it never changes once released.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
  // Reading: the file as a whole.
  /// The input is not an SIE file at all (an HTML page, a fragment without a header).
  case notSIEFile = "not-sie-file"
  /// The bytes are UTF-8 or Latin-1 although SIE requires code page 437.
  case encodingMismatch = "encoding-mismatch"
  /// The SIE 4 variant (4E or 4I) was guessed; the file cannot say.
  case typeGuessed = "type-guessed"
  /// The file could not be read.
  case readFailed = "read-failed"
  /// A line is longer than the reader accepts.
  case lineTooLong = "line-too-long"

  // Reading: lines and fields.
  /// A quoted field runs to the end of the line.
  case unterminatedQuote = "unterminated-quote"
  /// A control character inside a field.
  case controlCharacter = "control-character"
  /// A record label this reader does not know; the record is kept as it is.
  case unknownLabel = "unknown-label"
  /// A line that is not a record (it does not start with `#`).
  case strayLine = "stray-line"
  /// A `{` or `}` where none belongs.
  case unexpectedBrace = "unexpected-brace"
  /// A `#VER` without its `{` line; the following rows were taken as its body.
  case missingVoucherBlock = "missing-voucher-block"
  /// The file ends inside a voucher block.
  case unclosedVoucherBlock = "unclosed-voucher-block"
  /// A `#TRANS`, `#RTRANS` or `#BTRANS` outside a voucher.
  case rowOutsideVoucher = "row-outside-voucher"
  /// A record other than a row inside a voucher block.
  case recordInVoucher = "record-in-voucher"
  /// A mandatory field is missing or empty.
  case missingField = "missing-field"
  /// A field that should be a number is not one.
  case invalidNumber = "invalid-number"
  /// A field that should be an amount is not one.
  case invalidAmount = "invalid-amount"
  /// An amount has more than two decimals.
  case tooManyDecimals = "too-many-decimals"
  /// An amount is too large to hold.
  case amountOverflow = "amount-overflow"
  /// A field that should be a date `YYYYMMDD` is not an existing day.
  case invalidDate = "invalid-date"
  /// A period `YYYYMM` is not valid.
  case invalidPeriod = "invalid-period"
  /// An account number is not numeric.
  case invalidAccount = "invalid-account"
  /// An object list is malformed (odd number of items, bad dimension).
  case invalidObjectList = "invalid-object-list"
  /// A row has no object list `{}` where the format wants one.
  case missingObjectList = "missing-object-list"
  /// A text field has several unquoted words; they were joined.
  case unquotedText = "unquoted-text"
  /// A quoted text contains unescaped quotes; the raw text was kept.
  case unescapedQuote = "unescaped-quote"
  /// A field value outside the allowed set (`#KTYP X`, `#SIETYP 7`).
  case invalidValue = "invalid-value"
  /// A record that may appear once appears again.
  case duplicateRecord = "duplicate-record"
  /// Records appear out of the order the specification sets.
  case recordOrder = "record-order"
  /// `#FLAGGA 1`: a receiver has already imported this file.
  case alreadyImported = "already-imported"
  /// `#ORGNR` is not of the form `NNNNNN-NNNN`.
  case organizationNumberForm = "organization-number-form"
  /// `#ORGNR` has the form of an organisation number but a wrong check digit.
  case organizationNumberCheckDigit = "organization-number-check-digit"
  /// An `#RTRANS` is not followed by its `#TRANS` twin, or the twin differs.
  case rtransTwin = "rtrans-twin"

  // Checksum.
  /// `#KSUMMA` does not match the contents.
  case checksumMismatch = "checksum-mismatch"
  /// An opening `#KSUMMA` without a closing one: the file is truncated.
  case checksumTruncated = "checksum-truncated"

  // Validation.
  /// A record the file type requires is missing.
  case missingRecord = "missing-record"
  /// A record the file type forbids is present.
  case forbiddenRecord = "forbidden-record"
  /// A voucher's rows do not sum to zero.
  case unbalancedVoucher = "unbalanced-voucher"
  /// A voucher without rows.
  case emptyVoucher = "empty-voucher"
  /// A voucher whose only rows are removed (`#BTRANS`) rows.
  case removedRowsOnly = "removed-rows-only"
  /// A voucher date outside fiscal year 0.
  case dateOutsideFiscalYear = "date-outside-fiscal-year"
  /// An account used but never declared with `#KONTO`.
  case undeclaredAccount = "undeclared-account"
  /// An object used but never declared with `#OBJEKT`.
  case undeclaredObject = "undeclared-object"
  /// A non-standard dimension used but never declared with `#DIM`.
  case undeclaredDimension = "undeclared-dimension"
  /// VoucherRecord numbers of a series are not ascending.
  case voucherOrder = "voucher-order"
  /// Two vouchers of a series share a number.
  case duplicateVoucher = "duplicate-voucher"
  /// `#UB 0` differs from `#IB 0` plus the year's movements.
  case closingBalanceMismatch = "closing-balance-mismatch"
  /// `#RES 0` differs from the year's movements.
  case resultMismatch = "result-mismatch"
  /// Fiscal years overlap, are not consecutive or are inverted.
  case invalidFiscalYear = "invalid-fiscal-year"

  // Writing.
  /// A character code page 437 lacks.
  case unencodableCharacter = "unencodable-character"
  /// A text was changed to be written (transliterated, shortened, control characters replaced).
  case textChanged = "text-changed"
  /// A receiving system would refuse something in the file.
  case receiverRejects = "receiver-rejects"
}
