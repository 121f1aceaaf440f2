import Basics

/// A business happening the ledger books, derived while the journal is replayed, with every
/// amount already worked out. Listed in journal order.
public enum Activity: Hashable, Sendable {
  /// An invoice, credit note or standalone credit attested.
  case attested(invoice: Int, date: Day)
  /// A payment on an invoice.
  case payment(invoice: Int, AppliedPayment)
  /// A credit note attested: `applied` reduced the credited invoice, `excess` went to the
  /// customer's balance.
  case credited(creditNote: Int, invoice: Int, date: Day, applied: Amount, excess: Amount)
  /// A reminder with a fee.
  case reminderFee(invoice: Int, date: Day, fee: Amount)
  /// The open amount marked doubtful (befarad kundförlust).
  case doubtful(invoice: Int, date: Day, amount: Amount)
  /// Client funds paid out to the creditor.
  case clientFundsPayout(ClientFundsPayout)
  /// The open amount written off as a bad debt.
  case writtenOff(invoice: Int, date: Day, amount: Amount)
  /// A standalone credit used on an invoice.
  case offset(credit: Int, invoice: Int, date: Day, amount: Amount)
  /// Money from a customer's balance paid back.
  case refund(customer: String, date: Day, amount: Amount)
  case selfInvoiceAttested(id: Int, date: Day)
  case selfInvoicePaid(id: Int, date: Day, amount: Amount)
  case selfInvoiceCancelled(id: Int, date: Day)
  /// An incoming payment not placed: its money on customer advances until it is.
  case incomingReceived(payment: String, date: Day, amount: Amount)
  /// An incoming payment taken out of the queue: booked elsewhere, or paid back.
  case incomingRemoved(payment: String, date: Day, amount: Amount, refunded: Bool)
  /// A payment on an invoice undone (its match taken back); the money back on advances.
  case paymentReversed(invoice: Int, payment: Int, date: Day)

  /// The day it happened.
  public var date: Day {
    switch self {
    case .attested(_, let date), .credited(_, _, let date, _, _), .reminderFee(_, let date, _),
      .writtenOff(_, let date, _), .offset(_, _, let date, _), .refund(_, let date, _),
      .selfInvoiceAttested(_, let date), .selfInvoicePaid(_, let date, _),
      .selfInvoiceCancelled(_, let date), .incomingReceived(_, let date, _),
      .incomingRemoved(_, let date, _, _), .paymentReversed(_, _, let date):
      date
    case .payment(_, let payment): payment.date
    case .doubtful(_, let date, _): date
    case .clientFundsPayout(let payout): payout.date
    }
  }
}

/// The stable identity of an activity: the journal line whose event made it, and its place
/// among the activities of that line (0, 1, …). Export records name what they booked by it,
/// so what an export booked never depends on positions rebuilt at replay.
public struct ActivityID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var line: Int
  public var ordinal: Int

  public init(line: Int, ordinal: Int) {
    self.line = line
    self.ordinal = ordinal
  }

  public static func < (a: ActivityID, b: ActivityID) -> Bool {
    (a.line, a.ordinal) < (b.line, b.ordinal)
  }

  public var description: String { "\(line).\(ordinal)" }
}
