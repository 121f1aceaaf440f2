import Basics
import TestSupport
import Testing

@testable import Invoicing
@testable import Ledger

/// A year of days: `run-due` once per calendar day over a book of 200 random invoices and
/// their payments, against one run at year end after a gap.
@Suite struct RunDueTests {
  /// One invoice of the generated year: when it is made and how it is paid.
  struct Plan {
    var customer: String
    var date: Day
    var reminderDate: Day?
    var quantity: Int
    /// Payments: day and share of the total in percent (100, or two of 50).
    var payments: [(day: Day, percent: Int)]
  }

  static let yearEnd = d("2025-12-31")

  /// The creditor's plan: first reminder 7 days after the due date, a second 5 days after the
  /// first one's due date, collection 10 days after that: automatic for even customers,
  /// reviewed for odd ones.
  static func start(method: BookkeepingMethod) throws -> BookTransaction {
    var tx = try exampleState(method: method)
    var settings = tx.state.settings
    settings.paymentMode = .clientFunds
    settings.clientFundsBankgiro = "5050-1055"
    settings.reminderPlan = ReminderPlan(
      firstAfterDays: 7, fee: sek("60.00"), secondAfterDays: 5, collectionAfterDays: 10,
      collection: .manual)
    try tx.record(.settingsChanged(settings))
    for number in 1...10 {
      var customer = Customer(number: "C\(number)", name: "Kund \(number)")
      if number.isMultiple(of: 2) { customer.reminderPlan = ReminderPlan(collection: .automatic) }
      try tx.addCustomer(customer)
    }
    return tx
  }

  static func plans(seed: UInt64) -> [Plan] {
    var random = SplitMix64(seed: seed)
    return (0..<200).map { _ in
      let date = d("2025-01-01").adding(days: Int.random(in: 0...300, using: &random))
      let due = date.adding(days: 30)
      let reminderDate =
        Int.random(in: 0..<5, using: &random) == 0
        ? due.adding(days: Int.random(in: 1...12, using: &random)) : nil
      var payments = [(day: Day, percent: Int)]()
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<5:
        payments = [(date.adding(days: Int.random(in: 0...80, using: &random)), 100)]
      case 5..<7:
        let first = date.adding(days: Int.random(in: 0...60, using: &random))
        payments = [(first, 50), (first.adding(days: Int.random(in: 1...40, using: &random)), 50)]
      default: break  // never paid
      }
      return Plan(
        customer: "C\(Int.random(in: 1...10, using: &random))", date: date,
        reminderDate: reminderDate, quantity: Int.random(in: 1...5, using: &random),
        payments: payments.filter { $0.day <= yearEnd })
    }
  }

  /// Ends a day's journal line, as a command's commit does.
  static func commit(_ tx: inout BookTransaction) {
    var state = tx.state
    state.finishLine()
    tx = BookTransaction(state: state)
  }

  /// Lives the year: each day, the invoices of the day are made and attested, the payments
  /// of the day registered, and — when `daily` — `run-due` runs for the day. Without `daily`,
  /// one run at year end. Returns the book and every step the runs took.
  static func live(_ plans: [Plan], method: BookkeepingMethod, daily: Bool) throws -> (
    BookTransaction, [DueRun]
  ) {
    var tx = try start(method: method)
    var ids = [Int: Int]()  // plan index → invoice id
    var runs = [DueRun]()
    var day = d("2025-01-01")
    while day <= yearEnd {
      for (index, plan) in plans.enumerated() where plan.date == day {
        let id = try tx.draft(
          InvoiceInput(
            customer: plan.customer, invoiceDate: day,
            lines: [LineInput(product: "TJ", quantity: ExactDecimal(plan.quantity))],
            reminderDate: plan.reminderDate))
        _ = try tx.attest(id, on: day)
        ids[index] = id
      }
      for (index, plan) in plans.enumerated() {
        for payment in plan.payments where payment.day == day {
          let total = tx.state.invoices[ids[index]!]!.invoice.totals.total
          try tx.pay(
            ids[index]!,
            amount: total.allocated(
              proportionallyTo: [Int64(payment.percent), Int64(100 - payment.percent)])[0],
            on: day, means: .clientFunds)
        }
      }
      // A self-invoice to S7 every 29 days, paid out 0 to 20 days later.
      let ordinal = Day(year: 2025, month: 1, day: 1)!.days(until: day)
      if ordinal.isMultiple(of: 29) {
        let id = try tx.draftSelfInvoice(
          payee: "S7", invoiceDate: day, payoutDate: day.adding(days: ordinal % 21),
          lines: [
            LineInput(description: "Frakt", unitPrice: Amount(kronor: 800), vatRate: .standard)
          ])
        try tx.attestSelfInvoice(id, on: day)
      }
      if daily { runs.append(tx.takeDueSteps(through: day)) }
      commit(&tx)
      day = day.adding(days: 1)
    }
    if !daily {
      runs.append(tx.takeDueSteps(through: yearEnd))
      commit(&tx)
    }
    return (tx, runs)
  }

  /// Every step as comparable text.
  static func steps(_ runs: [DueRun]) -> [String] {
    runs.flatMap { run in
      run.reminders.map { "reminder \($0.number)/\($0.ordinal) \($0.due) \($0.fee)" }
        + run.collections.map { "collection \($0.number) \($0.due)" }
        + run.payouts.map { "payout \($0.kind) \($0.document) \($0.date) \($0.amount)" }
    }.sorted()
  }

  @Test(arguments: [BookkeepingMethod.accrual, .cash])
  func aYearOfDailyRunsEqualsOneRunAfterTheGap(method: BookkeepingMethod) throws {
    let plans = Self.plans(seed: 2025)
    let (daily, dailyRuns) = try Self.live(plans, method: method, daily: true)
    let (gap, gapRuns) = try Self.live(plans, method: method, daily: false)

    // The same steps on the same days, and the same invoices at the end.
    let steps = Self.steps(dailyRuns)
    #expect(steps.count > 200, "the year took few steps: the test proves little")
    #expect(steps == Self.steps(gapRuns))
    #expect(dailyRuns.flatMap(\.skipped).isEmpty && gapRuns.flatMap(\.skipped).isEmpty)
    for record in daily.state.allInvoices {
      let other = gap.state.invoices[record.invoice.id]!
      #expect(record.reminders.map(\.date) == other.reminders.map(\.date))
      #expect(record.collectionDate == other.collectionDate)
      #expect(record.open == other.open && record.state == other.state, "\(record.invoice.id)")
    }
    #expect(daily.state.clientFundsHeld == gap.state.clientFundsHeld)

    // The ledger books the same, month by month: under accrual on every account. Under the
    // cash method a payment pays the fees known when it is registered first, so where a
    // reminder was dated back before a payment the split between fee income (3930), sales and
    // their VAT differs; the money and what it was booked against in all do not.
    let dailyJournal = try BookLedger(state: daily.state).journal(through: Self.yearEnd)
    let gapJournal = try BookLedger(state: gap.state).journal(through: Self.yearEnd)
    for month in 1...12 {
      let end = Day(year: 2025, month: month, day: 1)!.adding(months: 1).adding(days: -1)
      var dailyTotals = totalsPerAccount(dailyJournal.filter { $0.date <= end })
      var gapTotals = totalsPerAccount(gapJournal.filter { $0.date <= end })
      if method == .cash {
        let income = ["3001", "2611", "3930"]
        func merged(_ totals: [String: Amount]) -> [String: Amount] {
          var result = totals.filter { !income.contains($0.key) }
          result["income"] = income.reduce(Amount.zero) { $0 + totals[$1, default: .zero] }
          return result
        }
        dailyTotals = merged(dailyTotals)
        gapTotals = merged(gapTotals)
      }
      #expect(dailyTotals == gapTotals, "\(method) \(end)")
    }
    for voucher in dailyJournal {
      #expect(voucher.rows.reduce(Amount.zero) { $0 + $1.amount } == .zero)
    }

    // Running again for the last day does nothing.
    var again = daily
    #expect(again.takeDueSteps(through: Self.yearEnd).tookNoStep)
    #expect(again.events.isEmpty)
  }

  @Test func everyInvoiceFollowsItsPlan() throws {
    let plans = Self.plans(seed: 7)
    let (book, runs) = try Self.live(plans, method: .accrual, daily: true)
    let state = book.state
    var reviewed = Set<String>()
    for run in runs { for item in run.needsReview { reviewed.insert(item.number) } }
    for record in state.allInvoices {
      let invoice = record.invoice
      let customerNumber = Int(invoice.customer.dropFirst())!
      let due = BankCalendar.bankDay(onOrAfter: invoice.dueDate)
      /// Whether some of the total was unpaid at the end of `day`.
      func unpaid(_ day: Day) -> Bool {
        record.payments.filter { $0.date <= day }.reduce(Amount.zero) { $0 + $1.applied }
          < invoice.totals.total
      }
      // Reminded exactly on the plan's days while unpaid, never after being paid.
      var expected = [Day]()
      var day = invoice.reminderDate ?? due.adding(days: 7)
      for _ in 0..<2 {
        guard day <= Self.yearEnd, unpaid(day) else { break }
        expected.append(day)
        day = DueSchedule.reminderDue(day).adding(days: 5)
      }
      #expect(record.reminders.map(\.date) == expected, "invoice \(invoice.displayName)")
      for reminder in record.reminders {
        #expect(reminder.fee == sek("60.00"))
        let paid = record.payments.filter { $0.date <= reminder.date }
          .reduce(Amount.zero) { $0 + $1.applied }
        #expect(paid < invoice.totals.total, "reminded after being paid: \(invoice.displayName)")
      }
      // Collection 10 days after the second reminder's due date: sent when automatic, listed
      // for review when not.
      guard record.reminders.count == 2 else {
        #expect(record.collectionDate == nil)
        continue
      }
      let collectionDay = DueSchedule.reminderDue(record.reminders[1].date).adding(days: 10)
      let due10 = collectionDay <= Self.yearEnd && unpaid(collectionDay)
      if customerNumber.isMultiple(of: 2) {
        #expect(record.collectionDate == (due10 ? collectionDay : nil), "\(invoice.displayName)")
      } else {
        #expect(record.collectionDate == nil)
        if due10 && !record.state.isFinal && record.open > .zero {
          #expect(reviewed.contains(invoice.displayName), "\(invoice.displayName) not reviewed")
        }
      }
    }
    // Self-invoices are paid out on their payout day, or the next bank day.
    for record in state.allSelfInvoices {
      let day = BankCalendar.bankDay(onOrAfter: record.selfInvoice.payoutDate)
      #expect(record.state == (day <= Self.yearEnd ? .paid : .attested))
      #expect(record.paidOn == (day <= Self.yearEnd ? day : nil))
    }
    // Payouts fall on bank days, one bank day after the customers paid.
    let payouts = runs.flatMap(\.payouts).filter { $0.kind == .clientFunds }
    #expect(!payouts.isEmpty)
    #expect(runs.flatMap(\.payouts).count(where: { $0.kind == .selfInvoice }) >= 12)
    for payout in payouts { #expect(BankCalendar.isBankDay(payout.date), "\(payout.date)") }
    #expect(
      payouts.reduce(Amount.zero) { $0 + $1.amount } + book.state.clientFundsHeld
        == state.allInvoices.flatMap(\.payments).reduce(Amount.zero) { $0 + $1.received })
  }
}
