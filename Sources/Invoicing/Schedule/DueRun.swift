import Basics

/// What a run of the scheduled steps did (or, in a dry run, would do) by a day: reminders,
/// collections, payouts, the invoices waiting for a person's review of collection, and the
/// steps that could not be taken.
public struct DueRun: Hashable, Sendable {
  /// A reminder sent by plan.
  public struct Reminder: Hashable, Sendable {
    public var invoice: Int
    /// The invoice's number.
    public var number: String
    /// 1 for the first reminder, 2 for the second.
    public var ordinal: Int
    public var fee: Amount
    /// The day it was due, and is dated.
    public var due: Day
  }

  /// An invoice sent to collection by plan, or waiting for a person to send it.
  public struct Collection: Hashable, Sendable {
    public var invoice: Int
    public var number: String
    public var due: Day
    /// What is open now.
    public var open: Amount
  }

  /// Money paid out: a self-invoice on its payout day, or client funds a bank day after the
  /// customers paid.
  public struct Payout: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case selfInvoice, clientFunds }
    public var kind: Kind
    /// The self-invoice's number, or the invoices whose payments are paid out.
    public var document: String
    public var amount: Amount
    public var date: Day
  }

  /// A step that was due and could not be taken.
  public struct Skip: Hashable, Sendable {
    /// The invoice's or self-invoice's number, or `client funds`.
    public var subject: String
    public var reason: String
  }

  /// The day the run was for.
  public var date: Day
  public var reminders: [Reminder] = []
  public var collections: [Collection] = []
  public var needsReview: [Collection] = []
  public var payouts: [Payout] = []
  public var skipped: [Skip] = []

  public init(date: Day) { self.date = date }

  /// Whether the run took no step.
  public var tookNoStep: Bool { reminders.isEmpty && collections.isEmpty && payouts.isEmpty }
}

extension BookTransaction {
  /// Takes every scheduled step whose day has come by `day`, each dated on its own day:
  /// reminders and collection by the reminder plan, self-invoice payouts on their payout day,
  /// client funds one bank day after each customer payment. A step already taken is not taken
  /// again, and a step whose day found the invoice paid (all but its fees), credited or in
  /// collection is not taken at all: a run after a gap records what daily runs would have.
  public mutating func takeDueSteps(through day: Day) -> DueRun {
    var run = DueRun(date: day)
    for record in state.allInvoices where record.invoice.kind == .invoice {
      takeInvoiceSteps(record.invoice.id, through: day, into: &run)
    }
    paySelfInvoices(through: day, into: &run)
    payClientFunds(through: day, into: &run)
    return run
  }

  private mutating func takeInvoiceSteps(_ id: Int, through day: Day, into run: inout DueRun) {
    while let record = state.invoices[id], let step = DueSchedule(record, in: state).next,
      step.day <= day
    {
      let number = record.invoice.displayName
      guard record.owesItsAmount(on: step.day) else { return }
      switch step.kind {
      case .reminder(let ordinal, let fee):
        do {
          try self.record(.reminderSent(id: id, date: step.day, fee: fee))
        } catch {
          run.skipped.append(.init(subject: number, reason: error.message))
          return
        }
        run.reminders.append(
          .init(invoice: id, number: number, ordinal: ordinal, fee: fee, due: step.day))
      case .collection(automatic: false):
        if !record.state.isFinal {
          run.needsReview.append(
            .init(invoice: id, number: number, due: step.day, open: record.open))
        }
        return
      case .collection(automatic: true):
        do {
          try self.record(.sentToCollection(id: id, date: step.day))
        } catch {
          run.skipped.append(.init(subject: number, reason: error.message))
          return
        }
        run.collections.append(
          .init(invoice: id, number: number, due: step.day, open: state.invoices[id]!.open))
      }
    }
  }

  private mutating func paySelfInvoices(through day: Day, into run: inout DueRun) {
    // Corrections are paid out with their originals.
    for record in state.allSelfInvoices
    where (record.state == .attested || record.state == .paused)
      && record.selfInvoice.corrects == nil
    {
      let payoutDay = BankCalendar.bankDay(onOrAfter: record.selfInvoice.payoutDate)
      guard payoutDay <= day else { continue }
      let number = record.selfInvoice.displayName
      guard record.state == .attested else {
        run.skipped.append(.init(subject: number, reason: "the payout is paused"))
        continue
      }
      do {
        try self.record(.selfInvoicePaid(id: record.selfInvoice.id, date: payoutDay))
      } catch {
        run.skipped.append(.init(subject: number, reason: error.message))
        continue
      }
      run.payouts.append(
        .init(kind: .selfInvoice, document: number, amount: record.payoutAmount, date: payoutDay))
    }
  }

  /// Client funds: what customers paid on a day is paid out one bank day later (counted from
  /// the next bank day when they paid on a closed one). What is due by a payout day, less what
  /// was paid out by then, is paid out that day.
  private mutating func payClientFunds(through day: Day, into run: inout DueRun) {
    var due = [Day: (amount: Amount, invoices: [String])]()
    for record in state.allInvoices {
      for payment in record.payments where payment.means == .clientFunds {
        if let reversed = payment.reversedOn, reversed <= day { continue }
        let payoutDay = BankCalendar.bankDay(
          after: BankCalendar.bankDay(onOrAfter: payment.date))
        guard payoutDay <= day else { continue }
        var entry = due[payoutDay] ?? (.zero, [])
        entry.amount += payment.receivedSEK ?? payment.received
        if !entry.invoices.contains(record.invoice.displayName) {
          entry.invoices.append(record.invoice.displayName)
        }
        due[payoutDay] = entry
      }
    }
    // Both sums run along the payout days: what was due, and what was paid out, by each.
    let earlier = state.clientFundsPayouts.sorted { $0.date < $1.date }
    var next = 0
    var dueByThen = Amount.zero
    var paidByThen = Amount.zero
    for payoutDay in due.keys.sorted() {
      let entry = due[payoutDay]!
      dueByThen += entry.amount
      while next < earlier.count && earlier[next].date <= payoutDay {
        paidByThen += earlier[next].amount
        next += 1
      }
      let amount = min(dueByThen - paidByThen, state.clientFundsHeld)
      guard amount > .zero else { continue }
      let document = entry.invoices.joined(separator: ", ")
      do {
        try self.record(.clientFundsPaidOut(ClientFundsPayout(date: payoutDay, amount: amount)))
      } catch {
        run.skipped.append(.init(subject: "client funds", reason: error.message))
        return
      }
      paidByThen += amount
      run.payouts.append(
        .init(kind: .clientFunds, document: document, amount: amount, date: payoutDay))
    }
  }
}
