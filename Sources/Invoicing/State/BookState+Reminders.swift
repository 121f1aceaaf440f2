import Basics

/// Reminders and collection.
extension BookState {
  /// A reminder: to an invoice (not a credit) that is attested or reminded, overdue and open
  /// on its date — or, dated back by a scheduled run, to one paid since that was open then.
  mutating func remind(_ id: Int, on date: Day, fee: Amount) throws(BookError) {
    let record = try attested(id)
    guard record.invoice.kind == .invoice else {
      throw BookError(
        .reminderOnCredit, .invoice(record.invoice.displayName),
        "\(name(record)) is a credit; credits get no reminders")
    }
    guard allowsStep(record, on: date) else {
      throw BookError(
        .reminderNotAllowed, .invoice(record.invoice.displayName),
        "\(name(record)) is \(record.state.rawValue); a reminder needs an attested, unpaid invoice not in collection"
      )
    }
    try checkStepDue(record, on: date)
    if let last = record.reminders.last?.date, date < last {
      throw BookError(
        .reminderNotAllowed, .invoice(record.invoice.displayName),
        "\(name(record)) was reminded on \(last); a reminder cannot be dated before that (\(date))"
      )
    }
    guard fee >= .zero else {
      throw BookError(.negativeFee, .none, "a reminder fee cannot be negative")
    }
    try checkAmount(fee, "the reminder fee")
    try checkDay(date, "the reminder date")
    // Two amounts within the limits add up without overflow; their sum is checked too.
    try checkAmount(record.invoice.total + record.fees + fee, "the invoice with its fees")
    let paid = record.payments.filter { $0.date <= date }.reduce(Amount.zero) {
      $0 + $1.applied + $1.rounding
    }
    let credited = record.credits.filter { $0.date <= date }.reduce(Amount.zero) {
      $0 + $1.amount
    }
    updateRecord(id) {
      $0.reminders.append((date, fee))
      $0.reminderStatements.append((paid, credited))
      if $0.state != .paid || !fee.isZero {
        $0.state = .reminded
        $0.closedOn = nil
      }
    }
    if !fee.isZero { log(.reminderFee(invoice: id, date: date, fee: fee)) }
  }

  /// Collection: of an unpaid, overdue invoice, or (dated back) of one paid since.
  mutating func sendToCollection(_ id: Int, on date: Day) throws(BookError) {
    let record = try attested(id)
    guard record.invoice.kind == .invoice, allowsStep(record, on: date) else {
      throw BookError(
        .collectionNotAllowed, .invoice(record.invoice.displayName),
        "\(name(record)) is \(record.state.rawValue); only an unpaid invoice can go to collection"
      )
    }
    try checkStepDue(record, on: date)
    updateRecord(id) {
      $0.collectionDate = date
      if $0.state != .paid { $0.state = .collection }
    }
  }

  /// Whether a reminder or collection may be taken on the invoice in its state: attested or
  /// reminded, or — dated back by a scheduled run — paid since but open on `date`.
  func allowsStep(_ record: InvoiceRecord, on date: Day) -> Bool {
    record.state == .attested || record.state == .reminded
      || record.state == .paid && record.wasOpen(on: date)
  }

  /// Refuses a step not yet due on `date`, or one on an unpaid invoice with nothing open (a
  /// paid one was open on the day: ``allowsStep(_:on:)`` saw to that).
  func checkStepDue(_ record: InvoiceRecord, on date: Day) throws(BookError) {
    if record.state == .paid {
      try checkOverdue(record, on: date)
    } else {
      try checkOverdueAndOpen(record, on: date)
    }
  }

  /// Refuses a step for an overdue invoice (a reminder, collection) on an invoice that has
  /// nothing left to pay or is not yet overdue on `date`.
  func checkOverdueAndOpen(_ record: InvoiceRecord, on date: Day) throws(BookError) {
    guard record.open > .zero else {
      throw BookError(
        .nothingToPay, .invoice(record.invoice.displayName),
        "\(name(record)) has nothing left to pay")
    }
    try checkOverdue(record, on: date)
  }

  func checkOverdue(_ record: InvoiceRecord, on date: Day) throws(BookError) {
    guard date > record.invoice.dueDate else {
      throw BookError(
        .notOverdue, .invoice(record.invoice.displayName),
        "\(name(record)) is due \(record.invoice.dueDate); it is not overdue on \(date)")
    }
  }
}
