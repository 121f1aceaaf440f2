import Basics

/// The next scheduled step of one invoice, by its reminder plan: the creditor's plan with the
/// customer's overrides, and the invoice's own reminder date for the first reminder.
///
/// Steps count from due dates, and a due date on a closed bank day counts from the next bank
/// day. A step is never dated before the invoice was attested, nor on or before its due date.
/// Reminders sent by hand count as the plan's reminders: after one, the plan goes on from its
/// date.
public struct DueSchedule: Sendable {
  /// What a step does.
  public enum Kind: Hashable, Sendable {
    /// The `ordinal`-th reminder (1 or 2), with its fee.
    case reminder(ordinal: Int, fee: Amount)
    /// Collection: sent at once when automatic, else listed for review.
    case collection(automatic: Bool)
  }

  /// A step and its day.
  public struct Step: Hashable, Sendable {
    public var kind: Kind
    public var day: Day
  }

  /// The step not taken yet, if the plan has one.
  public let next: Step?

  public init(_ record: InvoiceRecord, in state: BookState) {
    let customer = state.customers[record.invoice.customer]
    let plan = state.settings.reminderPlan.overridden(by: customer?.reminderPlan)
    guard record.invoice.kind == .invoice, record.collectionDate == nil,
      let attested = record.attestedOn
    else {
      next = nil
      return
    }
    let invoice = record.invoice
    let due = BankCalendar.bankDay(onOrAfter: invoice.dueDate)
    // The reminder days the plan names, in order.
    var reminderDays = [Day]()
    if let first = invoice.reminderDate ?? plan.firstAfterDays.map({ due.adding(days: $0) }) {
      reminderDays.append(first)
      if let second = plan.secondAfterDays {
        let firstSent = record.reminders.first?.date ?? first
        reminderDays.append(Self.reminderDue(firstSent).adding(days: second))
      }
    }
    let earliest = max(attested, invoice.dueDate.adding(days: 1))
    let sent = record.reminders.count
    if sent < reminderDays.count {
      let fee =
        customer?.reminderPlan?.fee ?? customer?.reminderFee ?? state.settings.reminderPlan.fee
        ?? state.settings.reminderFee
      next = Step(
        kind: .reminder(ordinal: sent + 1, fee: fee), day: max(reminderDays[sent], earliest))
    } else if let days = plan.collectionAfterDays {
      let base = record.reminders.last.map { Self.reminderDue($0.date) } ?? due
      next = Step(
        kind: .collection(automatic: plan.collection == .automatic),
        day: max(base.adding(days: days), earliest))
    } else {
      next = nil
    }
  }

  /// The day a reminder sent on `day` asks to be paid by (counted from the next bank day).
  public static func reminderDue(_ day: Day) -> Day {
    BankCalendar.bankDay(onOrAfter: day.adding(days: ReminderPlan.reminderTermsDays))
  }
}
