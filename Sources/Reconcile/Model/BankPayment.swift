import Basics

/// A payment file's format, found from its content (never from its name).
public enum PaymentFileFormat: String, Hashable, Sendable, CaseIterable {
  /// Bankgirot's BgMax ("Bankgiro Inbetalningar").
  case bgmax
  /// ISO 20022 camt.054, a bank-to-customer debit/credit notification.
  case camt054
  /// ISO 20022 camt.053, a bank statement.
  case camt053
}

/// How much a reference can be trusted as naming the invoice it pays (payments.md §4).
public enum ReferenceQuality: String, Hashable, Sendable {
  /// A reference the bank checked as a structured one: BgMax code 2 or 4, camt `SCOR`/RF.
  case structured
  /// Text the payer typed: BgMax code 3, 25 records, camt `Ustrd`: invoice numbers may be in it.
  case freeText
  /// A reference the bank flags as incorrect (BgMax code 5).
  case incorrect
  /// An Autogiro payer number (BgMax channel 4): never an OCR.
  case payerNumber
}

/// A reference given with a payment.
public struct PaymentReference: Hashable, Sendable {
  public var text: String
  public var quality: ReferenceQuality
  /// The amount given with it (BgMax 22/23 sub-amounts with utökad blankettregistrering),
  /// negative for a deduction (TK 23).
  public var amount: Amount?

  public init(text: String, quality: ReferenceQuality, amount: Amount? = nil) {
    self.text = text
    self.quality = quality
    self.amount = amount
  }
}

/// Who paid, as far as the file tells.
public struct Payer: Hashable, Sendable {
  public var name: String?
  public var extraName: String?
  public var address: String?
  public var postalCode: String?
  public var town: String?
  public var country: String?
  /// Organisation or personal number, ten digits (BgMax 29).
  public var organizationNumber: String?
  /// The sender's bankgiro, when the bank gives it (never `0000000000`).
  public var bankgiro: String?
  /// The payer's account (camt `DbtrAcct`: IBAN or other id).
  public var account: String?

  public init() {}

  public var isEmpty: Bool { self == Payer() }
}

/// One payment (or deduction) as a payment file reports it, before any book is involved.
public struct BankPayment: Hashable, Sendable {
  /// Payment or deduction (BgMax 21: a credit the payer deducts, e.g. a credit invoice).
  public enum Kind: String, Hashable, Sendable { case payment, deduction }

  /// Stable identity: the deposit's key and the payment's place in it.
  public var id: String
  public var kind: Kind
  /// The amount, positive; a deduction's amount reduces the deposit.
  public var amount: Amount
  public var currency: String
  /// The day the money was booked (BgMax 15 payment date; camt booking date).
  public var date: Day
  /// The main reference, when there is one.
  public var reference: PaymentReference?
  /// Further references (BgMax 22/23; several camt `Strd`).
  public var extraReferences: [PaymentReference] = []
  /// Free text (BgMax 25, camt `Ustrd` and `AddtlRmtInf`).
  public var texts: [String] = []
  public var payer = Payer()
  /// The bank's serial (BgMax BGC-löpnummer, camt `AcctSvcrRef`): a cross-check, not an id.
  public var bankSerial: String?
  /// BgMax channel code (1 internet bank, 2 LB, 3 paper, 4 Autogiro).
  public var channel: Int?
  /// BgMax deduction code (0 whole, 1 partial with rest, 2 final partial).
  public var deductionCode: Int?
  /// Credit notes the payer uses (camt `CREN` documents): their numbers and amounts.
  public var creditNotes: [PaymentReference] = []
  /// The entry reverses an earlier one (camt `RvslInd`).
  public var isReversal = false
  /// The payment was returned (camt `RtrInf`), with the reason code.
  public var returnReason: String?

  public init(id: String, kind: Kind = .payment, amount: Amount, currency: String, date: Day) {
    self.id = id
    self.kind = kind
    self.amount = amount
    self.currency = currency
    self.date = date
  }

  /// Every reference of the payment, main first.
  public var allReferences: [PaymentReference] { (reference.map { [$0] } ?? []) + extraReferences }
}

/// One deposit: a BgMax section, or a camt entry (with its batch). Payments to one account on
/// one day, summed.
public struct Deposit: Hashable, Sendable {
  /// Stable identity: for BgMax the receiving bankgiro, the deposit serial and the year; for
  /// camt the message, notification and entry references.
  public var key: String
  /// The receiving bankgiro (or account), as the file gives it.
  public var account: String
  public var date: Day
  public var amount: Amount
  public var currency: String
  public var payments: [BankPayment]

  public init(
    key: String, account: String, date: Day, amount: Amount, currency: String,
    payments: [BankPayment]
  ) {
    self.key = key
    self.account = account
    self.date = date
    self.amount = amount
    self.currency = currency
    self.payments = payments
  }

  /// A hash of what the deposit says, to tell a repeated delivery from a changed one.
  public var contentHash: String {
    var text = "\(key)|\(account)|\(date.iso)|\(amount)|\(currency)"
    for payment in payments {
      text += "|\(payment.id):\(payment.kind.rawValue):\(payment.amount):"
      text += payment.allReferences.map(\.text).joined(separator: ",")
    }
    return SHA256.hex(Array(text.utf8))
  }
}

/// Something a reader noticed and passed over, with where: an unknown record type, a total that
/// does not add up in a camt file, a debit entry that is not imported.
public struct ReaderNote: Hashable, Sendable, CustomStringConvertible {
  public var line: Int?
  public var message: String

  public init(line: Int? = nil, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { (line.map { "line \($0): " } ?? "") + message }
}

/// A balance a camt.053 statement reports (opening, closing, available).
public struct StatementBalance: Hashable, Sendable {
  public var type: String
  public var amount: Amount
  public var currency: String
  public var date: Day?
}

/// What a payment file holds.
public struct PaymentFile: Hashable, Sendable {
  public var format: PaymentFileFormat
  /// The file's own creation stamp (BgMax 01 timestamp, camt `CreDtTm`).
  public var created: String
  /// A test file (BgMax `T`), never imported into a book.
  public var isTest: Bool
  public var deposits: [Deposit]
  public var notes: [ReaderNote]
  /// camt.053 balances, reported.
  public var balances: [StatementBalance]

  /// Every payment, deposit by deposit.
  public var payments: [BankPayment] { deposits.flatMap(\.payments) }
}
