import Basics

/// Money placed on one invoice (or a credit used: a negative amount on a credit).
public struct Allocation: Hashable, Sendable, CustomStringConvertible {
  public var invoice: Int
  public var number: Int
  public var amount: Amount

  public init(invoice: Int, number: Int, amount: Amount) {
    self.invoice = invoice
    self.number = number
    self.amount = amount
  }

  public var description: String { "\(number): \(amount)" }
}

/// One way to place a payment, with its score and the reasons for it.
public struct Candidate: Hashable, Sendable {
  /// The invoices paid, in the order the payment names them.
  public var allocations: [Allocation]
  /// Credits the payment uses (their open amounts closed against the invoices).
  public var credits: [Allocation]
  /// What is left over: the customer's credit (an overpayment).
  public var rest: Amount
  /// The invoice the rest is booked with when nothing is placed (a paid or credited invoice
  /// the payment names).
  public var restInvoice: Int?
  /// The customer the money is for.
  public var customer: String
  public var score: Int
  public var reasons: [String]

  public init(
    allocations: [Allocation], credits: [Allocation] = [], rest: Amount, restInvoice: Int? = nil,
    customer: String, score: Int, reasons: [String]
  ) {
    self.restInvoice = restInvoice
    self.allocations = allocations
    self.credits = credits
    self.rest = rest
    self.customer = customer
    self.score = score
    self.reasons = reasons
  }

  /// The invoice numbers, for messages and comparison.
  public var invoiceNumbers: [Int] { allocations.map(\.number) }
}

/// What the engine decided for one payment.
public enum Decision: Hashable, Sendable {
  /// Strong evidence and one candidate on top: place the money so.
  case apply(Candidate)
  /// Evidence worth a person's look: nothing placed.
  case suggest([Candidate])
  /// Nothing good enough: the payment waits in the queue.
  case unhandled(reasons: [String])

  /// The candidate applied, if any.
  public var applied: Candidate? {
    if case .apply(let candidate) = self { return candidate }
    return nil
  }
}
