import Basics

/// Something the book refuses: an unknown customer, a payment on a draft, a reminder before
/// the due date, a second writer. Nothing was changed.
///
/// An error is data (``CodedFailure``): a stable ``BookErrorCode``, the subject it is about (invoice, customer, line,
/// JSON path …) and a message for people made from them. Programs and tests read the code and
/// the subject; `docs/errors.md` lists every code.
public typealias BookError = CodedFailure<BookErrorCode>

/// The codes of ``BookError``.
public enum BookErrorCode: String, FailureCode {
  /// An attachment is not a PDF.
  case attachmentNotPdf = "attachment-not-pdf"
  /// A logo is not a JPEG or a PNG the documents can show, or is larger than 1 MiB.
  case invalidLogo = "invalid-logo"
  /// An attachment is larger than 10 MiB.
  case attachmentTooLarge = "attachment-too-large"
  /// A customer balance is used for more than the invoice has open.
  case balanceExceedsOpen = "balance-exceeds-open"
  /// A customer balance is used or paid back beyond what it holds.
  case balanceTooSmall = "balance-too-small"
  /// The directory holds a book already.
  case bookExists = "book-exists"
  /// Another process is changing the book.
  case bookLocked = "book-locked"
  /// The book was opened for reading only.
  case bookReadOnly = "book-read-only"
  /// The checkpoint holds another state than replaying the journal reaches at its line.
  case checkpointContradicted = "checkpoint-contradicted"
  /// A client-funds payout is more than the funds held.
  case clientFundsShort = "client-funds-short"
  /// Only an overdue, unpaid invoice can go to collection.
  case collectionNotAllowed = "collection-not-allowed"
  /// The cost centre exists already.
  case costCentreExists = "cost-centre-exists"
  /// A credit note would credit more than the invoice has left to credit.
  case creditExceedsInvoice = "credit-exceeds-invoice"
  /// Only an attested invoice can be credited.
  case creditNotAllowed = "credit-not-allowed"
  /// A credit note is for another customer than its invoice.
  case creditNoteCustomer = "credit-note-customer"
  /// A credit note credits an invoice that is not attested.
  case creditNoteSource = "credit-note-source"
  /// The customer number is taken.
  case customerExists = "customer-exists"
  /// The invoice is marked doubtful already.
  case doubtfulAlready = "doubtful-already"
  /// Only an open invoice can be marked doubtful.
  case doubtfulNotAllowed = "doubtful-not-allowed"
  /// The due date is before the invoice date.
  case dueBeforeInvoiceDate = "due-before-invoice-date"
  /// An event names an id or number out of its sequence (a damaged or hand-made journal or import).
  case eventOutOfSequence = "event-out-of-sequence"
  /// An invoice in another currency has no exchange rate.
  case exchangeRateMissing = "exchange-rate-missing"
  /// Another invoice has the external id.
  case externalIdExists = "external-id-exists"
  /// An amount is zero, negative or out of range where that is not allowed.
  case invalidAmount = "invalid-amount"
  /// A customer field is not valid (the subject names the field).
  case invalidCustomer = "invalid-customer"
  /// A discount is not 0 to 100 percent.
  case invalidDiscount = "invalid-discount"
  /// An exchange rate is not more than zero, or given for SEK.
  case invalidExchangeRate = "invalid-exchange-rate"
  /// An invoice line lacks what its kind needs (description, price, VAT rate).
  case invalidLine = "invalid-line"
  /// A payout amount is not more than zero, or less than its fee.
  case invalidPayout = "invalid-payout"
  /// A self-invoice correction names no attested, unpaid self-invoice of its payee, or leaves
  /// nothing to pay out.
  case correctionNotAllowed = "correction-not-allowed"
  /// The amount of a self-invoice is its lines' total: it is changed by a correction.
  case payoutAmountFixed = "payout-amount-fixed"
  /// A reminder date is not after the invoice's due date, or is set on a credit.
  case invalidReminderDate = "invalid-reminder-date"
  /// A negative price on an invoice (credit with a credit note, or give a discount).
  case negativePrice = "negative-price"
  /// A product field or package component is not valid.
  case invalidProduct = "invalid-product"
  /// A quantity is zero, negative where not allowed, or more than can be credited.
  case invalidQuantity = "invalid-quantity"
  /// A setting is not valid (the subject names the field).
  case invalidSetting = "invalid-setting"
  /// An invoice does not total more than zero, or a credit less than zero.
  case invalidTotal = "invalid-total"
  /// An attested invoice cannot change: credit it instead.
  case invoiceAttested = "invoice-attested"
  /// The step needs an attested invoice, not a draft.
  case invoiceIsDraft = "invoice-is-draft"
  /// The journal does not begin with the creditor's settings.
  case journalWithoutSettings = "journal-without-settings"
  /// The book's lock file cannot be opened.
  case lockFailed = "lock-failed"
  /// A fee is negative.
  case negativeFee = "negative-fee"
  /// There is no book in the directory.
  case noBook = "no-book"
  /// An invoice or self-invoice has no lines.
  case noLines = "no-lines"
  /// No cost centre with the code.
  case noSuchCostCentre = "no-such-cost-centre"
  /// No customer (or payee) with the number.
  case noSuchCustomer = "no-such-customer"
  /// No invoice with the number, external id or draft id.
  case noSuchInvoice = "no-such-invoice"
  /// The invoice has no line with the number.
  case noSuchLine = "no-such-line"
  /// No product with the number.
  case noSuchProduct = "no-such-product"
  /// No project with the code.
  case noSuchProject = "no-such-project"
  /// No self-invoice with the number or id.
  case noSuchSelfInvoice = "no-such-self-invoice"
  /// The invoice is not overdue on the date.
  case notOverdue = "not-overdue"
  /// An incoming payment with the id is in the book already.
  case incomingPaymentExists = "incoming-payment-exists"
  /// No incoming payment with the id.
  case noSuchIncomingPayment = "no-such-incoming-payment"
  /// The incoming payment's state does not allow the step (another person may have taken it).
  case incomingStateConflict = "incoming-state-conflict"
  /// A match that does not fit its payment: amounts that do not add up, invoices of several
  /// customers or not attested.
  case invalidIncomingMatch = "invalid-incoming-match"
  /// Text with a control character (line break, tab, escape, NUL).
  case controlCharacters = "control-characters"
  /// The same PDF is attached to the invoice already (or it has 50).
  case attachmentExists = "attachment-exists"
  /// A day outside the days a book keeps (1900–2199), or before the step it follows.
  case invalidDate = "invalid-date"
  /// The invoice has nothing left to pay.
  case nothingToPay = "nothing-to-pay"
  /// A standalone credit cannot be used on the invoice.
  case offsetNotAllowed = "offset-not-allowed"
  /// A payment is aimed at a credit.
  case paymentOnCredit = "payment-on-credit"
  /// A payout date is before the invoice date.
  case payoutBeforeInvoiceDate = "payout-before-invoice-date"
  /// The self-invoice's payout cannot change in its state.
  case payoutNotChangeable = "payout-not-changeable"
  /// The product number is taken.
  case productExists = "product-exists"
  /// The project exists already.
  case projectExists = "project-exists"
  /// Only an attested, unpaid invoice not in collection is reminded.
  case reminderNotAllowed = "reminder-not-allowed"
  /// Credits get no reminders.
  case reminderOnCredit = "reminder-on-credit"
  /// A payment on an invoice in another currency lacks the SEK received.
  case sekAmountMissing = "sek-amount-missing"
  /// An attested self-invoice cannot change.
  case selfInvoiceAttested = "self-invoice-attested"
  /// Only an open invoice can be written off.
  case writeOffNotAllowed = "write-off-not-allowed"

  /// One sentence on what the code means, for `docs/errors.md`.
  public var summary: String {
    switch self {
    case .attachmentNotPdf: "An attachment is not a PDF."
    case .invalidLogo:
      "A logo is not a JPEG or a PNG the documents can show, or is larger than 1 MiB."
    case .attachmentTooLarge: "An attachment is larger than 10 MiB."
    case .balanceExceedsOpen: "A customer balance is used for more than the invoice has open."
    case .balanceTooSmall: "A customer balance is used or paid back beyond what it holds."
    case .bookExists: "The directory holds a book already."
    case .bookLocked: "Another process is changing the book."
    case .bookReadOnly: "The book was opened for reading only."
    case .checkpointContradicted:
      "The checkpoint holds another state than replaying the journal reaches at its line (it was changed by hand); it is removed."
    case .clientFundsShort: "A client-funds payout is more than the funds held."
    case .collectionNotAllowed: "Only an overdue, unpaid invoice can go to collection."
    case .costCentreExists: "The cost centre exists already."
    case .creditExceedsInvoice:
      "A credit note would credit more than the invoice has left to credit."
    case .creditNotAllowed: "Only an attested invoice can be credited."
    case .creditNoteCustomer: "A credit note is for another customer than its invoice."
    case .creditNoteSource: "A credit note credits an invoice that is not attested."
    case .customerExists: "The customer number is taken."
    case .doubtfulAlready: "The invoice is marked doubtful already."
    case .doubtfulNotAllowed: "Only an open invoice can be marked doubtful."
    case .dueBeforeInvoiceDate: "The due date is before the invoice date."
    case .eventOutOfSequence:
      "An event names an id or number out of its sequence (a damaged or hand-made journal or import)."
    case .exchangeRateMissing: "An invoice in another currency has no exchange rate."
    case .externalIdExists: "Another invoice has the external id."
    case .invalidAmount: "An amount is zero, negative or out of range where that is not allowed."
    case .invalidCustomer: "A customer field is not valid (the subject names the field)."
    case .invalidDiscount: "A discount is not 0 to 100 percent."
    case .invalidExchangeRate: "An exchange rate is not more than zero, or given for SEK."
    case .invalidLine: "An invoice line lacks what its kind needs (description, price, VAT rate)."
    case .invalidPayout: "A payout amount is not more than zero, or less than its fee."
    case .correctionNotAllowed:
      "A self-invoice correction names no attested, unpaid self-invoice of its payee, or leaves nothing to pay out."
    case .payoutAmountFixed:
      "The amount of a self-invoice is its lines' total: it is changed by a correction."
    case .invalidReminderDate:
      "A reminder date is not after the invoice's due date, or is set on a credit."
    case .negativePrice:
      "A negative price on an invoice line; credit with a credit note or give a discount."
    case .invalidProduct: "A product field or package component is not valid."
    case .invalidQuantity:
      "A quantity is zero, negative where not allowed, or more than can be credited."
    case .invalidSetting: "A setting is not valid (the subject names the field)."
    case .invalidTotal: "An invoice does not total more than zero, or a credit less than zero."
    case .invoiceAttested: "An attested invoice cannot change: credit it instead."
    case .invoiceIsDraft: "The step needs an attested invoice, not a draft."
    case .journalWithoutSettings: "The journal does not begin with the creditor's settings."
    case .lockFailed: "The book's lock file cannot be opened."
    case .incomingPaymentExists: "An incoming payment with the id is in the book already."
    case .noSuchIncomingPayment: "No incoming payment with the id."
    case .incomingStateConflict:
      "The incoming payment's state does not allow the step (another person may have taken it)."
    case .invalidIncomingMatch:
      "A match whose amounts do not add up to the payment, or with invoices of several customers."
    case .negativeFee: "A fee is negative."
    case .controlCharacters:
      "Text with a control character (line break, tab, escape, NUL) in a name or line."
    case .attachmentExists: "The same PDF is attached to the invoice already (or it has 50)."
    case .invalidDate:
      "A day outside the days a book keeps (1900–2199), or before the step it follows (a payment before its invoice was attested)."
    case .noBook: "There is no book in the directory."
    case .noLines: "An invoice or self-invoice has no lines."
    case .noSuchCostCentre: "No cost centre with the code."
    case .noSuchCustomer: "No customer (or payee) with the number."
    case .noSuchInvoice: "No invoice with the number, external id or draft id."
    case .noSuchLine: "The invoice has no line with the number."
    case .noSuchProduct: "No product with the number."
    case .noSuchProject: "No project with the code."
    case .noSuchSelfInvoice: "No self-invoice with the number or id."
    case .notOverdue: "The invoice is not overdue on the date."
    case .nothingToPay: "The invoice has nothing left to pay."
    case .offsetNotAllowed: "A standalone credit cannot be used on the invoice."
    case .paymentOnCredit: "A payment is aimed at a credit."
    case .payoutBeforeInvoiceDate: "A payout date is before the invoice date."
    case .payoutNotChangeable: "The self-invoice's payout cannot change in its state."
    case .productExists: "The product number is taken."
    case .projectExists: "The project exists already."
    case .reminderNotAllowed: "Only an attested, unpaid invoice not in collection is reminded."
    case .reminderOnCredit: "Credits get no reminders."
    case .sekAmountMissing: "A payment on an invoice in another currency lacks the SEK received."
    case .selfInvoiceAttested: "An attested self-invoice cannot change."
    case .writeOffNotAllowed: "Only an open invoice can be written off."
    }
  }
}
