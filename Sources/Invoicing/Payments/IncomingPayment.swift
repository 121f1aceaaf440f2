import Basics

/// A payment that arrived in a payment file (BgMax, camt), as the book keeps it: until it is
/// matched it waits in the queue, its money on customer advances (2420).
public struct IncomingPayment: Hashable, Sendable {
  /// Stable identity from the file: deposit key and place (`BG9912346-2025-00001-1`).
  public var id: String
  /// The day the money arrived.
  public var date: Day
  /// The money that arrived (SEK): a BgMax payment less the deductions that come with it.
  public var amount: Amount
  public var currency: String
  /// The reference as given, how the bank classed it (`structured`, `freeText`, `incorrect`,
  /// `payerNumber`), further structured references, and free text.
  public var reference: String?
  public var referenceKind: String?
  public var extraReferences: [String] = []
  public var texts: [String]
  public var payerName: String?
  public var payerOrganizationNumber: String?
  public var payerBankgiro: String?
  public var payerAccount: String?
  /// Where it came from: the file's name and format, and its deposit.
  public var file: String
  public var format: String
  public var deposit: String
  /// Credits the payer deducted with it (BgMax 21, camt `CREN`): their references and amounts.
  public var deductions: [Deduction]

  public struct Deduction: Hashable, Sendable {
    public var reference: String
    public var amount: Amount
    public init(reference: String, amount: Amount) {
      self.reference = reference
      self.amount = amount
    }
  }

  public init(
    id: String, date: Day, amount: Amount, currency: String = "SEK", reference: String? = nil,
    texts: [String] = [], file: String = "", format: String = "", deposit: String = "",
    deductions: [Deduction] = []
  ) {
    self.id = id
    self.date = date
    self.amount = amount
    self.currency = currency
    self.reference = reference
    self.texts = texts
    self.file = file
    self.format = format
    self.deposit = deposit
    self.deductions = deductions
  }
}

/// Where an incoming payment stands in the queue.
public enum IncomingState: String, Hashable, Sendable, CaseIterable {
  /// No candidate good enough: a person places it.
  case unhandled
  /// Candidates with scores wait for a person; nothing is placed.
  case suggested
  /// All of it is placed on invoices.
  case matched
  /// Placed, with a rest standing as the customer's credit (2420); or aimed at an invoice
  /// that was paid or credited.
  case overpayment
  /// Booked elsewhere: taken out of the queue with an account and a reason.
  case ignored
  /// To be paid back: the bank refund is under way.
  case refundPending
  /// Paid back.
  case refunded
}

/// A suggestion kept with a payment: invoices, score and reasons.
public struct IncomingSuggestion: Hashable, Sendable {
  public var invoices: [Int]
  public var amounts: [Amount]
  public var score: Int
  public var reasons: [String]

  public init(invoices: [Int], amounts: [Amount], score: Int, reasons: [String]) {
    self.invoices = invoices
    self.amounts = amounts
    self.score = score
    self.reasons = reasons
  }
}

/// Placing an incoming payment: the money on invoices (the last one takes any rest as an
/// overpayment), credits offset first.
public struct IncomingMatch: Hashable, Sendable {
  public struct Part: Hashable, Sendable {
    public var invoice: Int
    public var amount: Amount
    public init(invoice: Int, amount: Amount) {
      self.invoice = invoice
      self.amount = amount
    }
  }

  public struct CreditUse: Hashable, Sendable {
    public var credit: Int
    public var invoice: Int
    public init(credit: Int, invoice: Int) {
      self.credit = credit
      self.invoice = invoice
    }
  }

  public var payment: String
  public var parts: [Part]
  public var credits: [CreditUse]
  /// The day the placing is booked on (the incoming day, or the matching day by setting).
  public var date: Day
  /// The day it was decided.
  public var decidedOn: Day
  public var reason: String
  /// The score it acted on (`nil` for a person's match without a score).
  public var score: Int?
  public var automatic: Bool

  public init(
    payment: String, parts: [Part], credits: [CreditUse] = [], date: Day, decidedOn: Day,
    reason: String, score: Int? = nil, automatic: Bool = false
  ) {
    self.payment = payment
    self.parts = parts
    self.credits = credits
    self.date = date
    self.decidedOn = decidedOn
    self.reason = reason
    self.score = score
    self.automatic = automatic
  }
}

/// What one import of payment files brings: the files and deposits (for identity), the
/// payments, what the engine suggested for those it did not place, and what it placed.
public struct IncomingReceipt: Hashable, Sendable {
  public struct File: Hashable, Sendable {
    public var hash: String
    public var name: String
    public var format: String
    public init(hash: String, name: String, format: String) {
      self.hash = hash
      self.name = name
      self.format = format
    }
  }

  public var files: [File]
  /// Deposit key → content hash.
  public var deposits: [String: String]
  public var payments: [IncomingPayment]
  public var suggestions: [String: [IncomingSuggestion]]
  public var matches: [IncomingMatch]

  public init(
    files: [File], deposits: [String: String], payments: [IncomingPayment],
    suggestions: [String: [IncomingSuggestion]] = [:], matches: [IncomingMatch] = []
  ) {
    self.files = files
    self.deposits = deposits
    self.payments = payments
    self.suggestions = suggestions
    self.matches = matches
  }
}

/// What happened to a payment of the queue.
public enum IncomingEvent: Hashable, Sendable {
  case received(IncomingReceipt)
  case matched(IncomingMatch)
  /// A match undone: the invoices open again, the money back in the queue.
  case unmatched(payment: String, date: Day, reason: String)
  /// Booked elsewhere: out of the queue, its money taken off 2420.
  case ignored(payment: String, account: AccountNumber, reason: String, date: Day)
  /// To be paid back (the refund is under way); nothing is booked until it is paid.
  case refundPending(payment: String, date: Day)
  /// Paid back to the payer.
  case refunded(payment: String, date: Day)
  /// What an overpayment left (the customer's credit) used on another invoice of the customer.
  case restUsed(payment: String, invoice: Int, amount: Amount, date: Day)
}

/// An incoming payment and what became of it.
public struct IncomingRecord: Hashable, Sendable {
  public struct Action: Hashable, Sendable {
    public var kind: String
    public var date: Day
    public var reason: String
    public var score: Int?
  }

  public var payment: IncomingPayment
  public var state: IncomingState
  /// The invoice payments it made: invoice id and the book's payment id.
  public var allocations: [(invoice: Int, payment: Int, amount: Amount)] = []
  public var suggestions: [IncomingSuggestion] = []
  /// The customer it is for, once known.
  public var customer: String?
  /// What stands as the customer's credit.
  public var rest: Amount = .zero
  public var ignored: (account: AccountNumber, reason: String)?
  /// The state a pending refund came from.
  public var refundFrom: IncomingState?
  public var actions: [Action] = []

  public init(payment: IncomingPayment, state: IncomingState) {
    self.payment = payment
    self.state = state
  }

  public static func == (a: IncomingRecord, b: IncomingRecord) -> Bool {
    a.payment == b.payment && a.state == b.state && a.suggestions == b.suggestions
      && a.allocations.map(\.payment) == b.allocations.map(\.payment) && a.rest == b.rest
      && a.actions == b.actions
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(payment)
    hasher.combine(state)
  }
}
