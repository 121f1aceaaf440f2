import Basics

/// An invoice (or credit) the engine may allocate to: what the book says of it now.
public struct OpenItem: Hashable, Sendable {
  public enum Status: String, Hashable, Sendable {
    /// Attested and not closed: payments reduce what is open.
    case open
    /// Paid in full: more money for it is an overpayment.
    case paid
    /// Credited, written off or otherwise closed without payment.
    case closed
  }

  /// The book's id of the invoice.
  public var id: Int
  public var number: Int
  public var customer: String
  /// What is open: more than zero for an invoice, less than zero for a credit.
  public var open: Amount
  public var ocr: String?
  public var dueDate: Day
  public var invoiceDate: Day
  public var status: Status
  public var currency: String

  public init(
    id: Int, number: Int, customer: String, open: Amount, ocr: String?, dueDate: Day,
    invoiceDate: Day, status: Status = .open, currency: String = "SEK"
  ) {
    self.id = id
    self.number = number
    self.customer = customer
    self.open = open
    self.ocr = ocr
    self.dueDate = dueDate
    self.invoiceDate = invoiceDate
    self.status = status
    self.currency = currency
  }

  public var isCredit: Bool { open < .zero }
}

/// What the engine knows of a customer, to recognise a payer.
public struct KnownPayer: Hashable, Sendable {
  public var customer: String
  public var name: String
  public var organizationNumber: String?
  public var bankgiro: String?

  public init(
    customer: String, name: String, organizationNumber: String? = nil, bankgiro: String? = nil
  ) {
    self.customer = customer
    self.name = name
    self.organizationNumber = organizationNumber
    self.bankgiro = bankgiro
  }
}

/// A payment as the engine sees it: its amount and day, the clues its references give, and
/// its payer.
public struct PaymentToMatch: Hashable, Sendable {
  public var id: String
  public var amount: Amount
  public var currency: String
  public var date: Day
  public var clues: [ReferenceClue]
  public var payer: Payer
  /// Credit notes (deductions, camt `CREN`) the payer uses with this payment, by clue.
  public var creditClues: [ReferenceClue]

  public init(
    id: String, amount: Amount, currency: String = "SEK", date: Day, clues: [ReferenceClue],
    payer: Payer = Payer(), creditClues: [ReferenceClue] = []
  ) {
    self.id = id
    self.amount = amount
    self.currency = currency
    self.date = date
    self.clues = clues
    self.payer = payer
    self.creditClues = creditClues
  }
}

/// The creditor's rules for matching.
public struct MatchSettings: Hashable, Sendable {
  /// A short payment within this closes the invoice (the rest booked as rounding).
  public var tolerance: Amount
  /// Apply automatically from this score, with exactly one candidate on top.
  public var applyFrom: Int
  /// Suggest from this score.
  public var suggestFrom: Int

  public init(tolerance: Amount = .zero, applyFrom: Int = 100, suggestFrom: Int = 40) {
    self.tolerance = tolerance
    self.applyFrom = applyFrom
    self.suggestFrom = suggestFrom
  }
}
