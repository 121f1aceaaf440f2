import Basics
import Invoicing

/// The steps a person takes on the queue of incoming payments, as events to record: match by
/// hand, undo a match, ignore (booked elsewhere), pay back — and the engine's second look at
/// waiting payments when new invoices are attested.
///
/// Each step is checked against the book when it is recorded, under the book's writer lock:
/// when two people act on one payment, the second finds it taken and gets
/// `incoming-state-conflict`.
public enum PaymentQueue {
  /// The payment `id` placed on invoices named by their numbers; with `amounts` each gets
  /// what is given (the last also any rest), without them each gets up to its open amount in
  /// the order given and the last the rest.
  public static func match(
    _ id: String, invoices numbers: [Int], amounts: [Amount] = [], in state: BookState,
    on today: Day
  ) throws(ReconcileError) -> Event {
    guard let record = state.incoming[id] else {
      throw ReconcileError(.noSuchPayment, .payment(id), "no incoming payment \(id)")
    }
    if record.state == .overpayment && record.rest > .zero {
      // What an overpayment left, used on another invoice of the customer.
      guard numbers.count == 1, let invoice = state.invoice(named: String(numbers[0])) else {
        throw ReconcileError(
          .invalidAllocation, .payment(id), "an overpayment is used on one invoice at a time")
      }
      let amount = amounts.first ?? min(record.rest, max(invoice.open, .zero))
      return .incoming(
        .restUsed(payment: id, invoice: invoice.invoice.id, amount: amount, date: today))
    }
    guard record.state == .unhandled || record.state == .suggested else {
      throw ReconcileError(
        .paymentStateConflict, .payment(id),
        "payment \(id) is \(record.state.rawValue); undo its match first (payments unmatch)")
    }
    guard !numbers.isEmpty, amounts.isEmpty || amounts.count == numbers.count else {
      throw ReconcileError(
        .invalidAllocation, .payment(id),
        "give one or more invoices, and an amount for each or none")
    }
    var parts = [IncomingMatch.Part]()
    var left = record.payment.amount
    var latest = record.payment.date
    for (position, number) in numbers.enumerated() {
      guard let invoice = state.invoice(named: String(number)) ?? state.invoice(named: "\(number)")
      else {
        throw ReconcileError(.invalidAllocation, .invoice(String(number)), "no invoice \(number)")
      }
      latest = max(latest, invoice.attestedOn ?? latest)
      let isLast = position == numbers.count - 1
      var amount = amounts.isEmpty ? min(left, max(invoice.open, .zero)) : amounts[position]
      if isLast { amount = left }
      guard amount > .zero || isLast, amount <= left else {
        throw ReconcileError(
          .invalidAllocation, .invoice(String(number)),
          "\(amount) on invoice \(number) is more than the \(left) left of payment \(id)")
      }
      if amount > .zero { parts.append(.init(invoice: invoice.invoice.id, amount: amount)) }
      left -= amount
    }
    let date = state.settings.matchesBookedOnMatchingDay ? today : latest
    return .incoming(
      .matched(
        IncomingMatch(
          payment: id, parts: parts, date: date, decidedOn: today, reason: "matched by hand")))
  }

  public static func unmatch(_ id: String, on today: Day, reason: String = "match undone") -> Event
  {
    .incoming(.unmatched(payment: id, date: today, reason: reason))
  }

  public static func ignore(_ id: String, account: AccountNumber, reason: String, on today: Day)
    -> Event
  {
    .incoming(.ignored(payment: id, account: account, reason: reason, date: today))
  }

  /// Pays back a payment (or what an overpayment left); `pending` marks the refund under way,
  /// booked once it is recorded without `pending`.
  public static func refund(_ id: String, on today: Day, pending: Bool = false) -> Event {
    pending
      ? .incoming(.refundPending(payment: id, date: today))
      : .incoming(.refunded(payment: id, date: today))
  }

  /// The waiting payments the engine can now place (their invoices attested since): matches
  /// dated no earlier than the invoices they pay.
  public static func rematch(in state: BookState, on today: Day) -> [Event] {
    let waiting = state.allIncoming.filter { $0.state == .unhandled || $0.state == .suggested }
    guard !waiting.isEmpty else { return [] }
    let engine = MatchingEngine(book: state)
    let finder = ReferenceFinder(book: state)
    let toMatch = waiting.map { record in
      let (clues, credits) = finder.clues(in: record.payment)
      return PaymentToMatch(
        id: record.payment.id, amount: record.payment.amount, date: record.payment.date,
        clues: clues, payer: record.payment.payer, creditClues: credits)
    }
    var events = [Event]()
    for (record, decision) in zip(waiting, engine.decide(toMatch)) {
      guard let candidate = decision.applied else { continue }
      var date = record.payment.date
      for allocation in candidate.allocations {
        date = max(date, state.invoices[allocation.invoice]?.attestedOn ?? date)
      }
      if state.settings.matchesBookedOnMatchingDay { date = today }
      events.append(
        .incoming(
          .matched(
            PaymentImport.match(
              candidate, for: record.payment, date: date, decidedOn: today, automatic: true))))
    }
    return events
  }
}
