import Basics
import Invoicing

/// The state of a creditor's receivables for a period (brief BR-26): payments received and
/// how they were placed, the queue, invoices that fell due unpaid, reminders and collection,
/// credit notes and write-offs, and what is open at the period's end.
///
/// ```swift
/// let report = StatusReport(state: book.state, from: day("2025-04-01"), to: day("2025-04-30"))
/// print(report.openAtEnd)
/// ```
public struct StatusReport: Hashable, Sendable {
  /// A count and a sum.
  public struct Tally: Hashable, Sendable {
    public var count = 0
    public var amount = Amount.zero

    mutating func add(_ value: Amount) {
      count += 1
      amount += value
    }
  }

  public var from: Day
  public var to: Day
  /// Every payment dated in the period: from payment files and entered by hand.
  public var paymentsReceived = Tally()
  /// Payments from files placed on invoices (automatically or by hand), by the day they arrived.
  public var paymentsMatched = Tally()
  /// Payments entered by hand on invoices.
  public var paymentsByHand = Tally()
  /// Payments from files still waiting (unhandled or suggested) that arrived by the end.
  public var paymentsUnhandled = Tally()
  /// Invoices whose due date fell in the period with something still open on it.
  public var becameOverdue = Tally()
  public var reminders = Tally()
  public var collections = Tally()
  public var creditNotes = Tally()
  public var writeOffs = Tally()
  /// What invoices had open at the end of the period (credits not yet used count negative).
  public var openAtEnd = Amount.zero
  /// How many invoices had something open then.
  public var openInvoicesAtEnd = 0

  public init(state: BookState, from: Day, to: Day) {
    self.from = from
    self.to = to
    let period = from...to
    for record in state.allIncoming where period.contains(record.payment.date) {
      paymentsReceived.add(record.payment.amount)
      if record.state == .matched || record.state == .overpayment {
        paymentsMatched.add(record.payment.amount)
      }
    }
    for record in state.allIncoming where record.payment.date <= to {
      if record.state == .unhandled || record.state == .suggested {
        paymentsUnhandled.add(record.payment.amount)
      }
    }
    for record in state.allInvoices where record.state != .draft {
      for payment in record.payments where payment.incoming == nil && period.contains(payment.date)
      {
        paymentsReceived.add(payment.received)
        paymentsByHand.add(payment.received)
      }
      for reminder in record.reminders where period.contains(reminder.date) {
        reminders.add(reminder.fee)
      }
      if let day = record.collectionDate, period.contains(day) {
        collections.add(record.open(asOf: day))
      }
      if let writeOff = record.writeOff, period.contains(writeOff.date) {
        writeOffs.add(writeOff.amount)
      }
      if case .creditNote = record.invoice.kind, let day = record.attestedOn, period.contains(day) {
        creditNotes.add(-record.invoice.totals.total)
      }
      if record.invoice.kind == .invoice, period.contains(record.invoice.dueDate),
        record.open(asOf: record.invoice.dueDate) > .zero
      {
        becameOverdue.add(record.open(asOf: record.invoice.dueDate))
      }
      let open = record.open(asOf: to)
      if !open.isZero {
        openAtEnd += open
        openInvoicesAtEnd += 1
      }
    }
  }

  /// The report as JSON, keys in English (documented in `docs/report-status.md`).
  public var jsonValue: JSONValue {
    func tally(_ tally: Tally) -> JSONValue {
      .object(["count": .integer(tally.count), "amount": tally.amount.jsonValue])
    }
    return .object([
      "from": from.jsonValue, "to": to.jsonValue,
      "paymentsReceived": tally(paymentsReceived), "paymentsMatched": tally(paymentsMatched),
      "paymentsByHand": tally(paymentsByHand), "paymentsUnhandled": tally(paymentsUnhandled),
      "becameOverdue": tally(becameOverdue), "reminders": tally(reminders),
      "collections": tally(collections), "creditNotes": tally(creditNotes),
      "writeOffs": tally(writeOffs),
      "openAtEnd": .object(["count": .integer(openInvoicesAtEnd), "amount": openAtEnd.jsonValue]),
    ])
  }
}
