import Basics

/// The queue of incoming payments: what a payment file brought, placed by the matching engine
/// or by a person, undone, ignored or paid back. Every step is an event; nothing is edited.
extension BookState {
  mutating func applyIncoming(_ event: IncomingEvent) throws(BookError) {
    switch event {
    case .received(let receipt): try receive(receipt)
    case .matched(let match): try placeIncoming(match, direct: false)
    case .unmatched(let id, let date, let reason):
      try unmatchIncoming(id, date: date, reason: reason)
    case .ignored(let id, let account, let reason, let date):
      var record = try openIncoming(id, step: "ignored")
      record.state = .ignored
      record.ignored = (account, reason)
      record.actions.append(.init(kind: "ignored", date: date, reason: reason))
      incoming[id] = record
      log(.incomingRemoved(payment: id, date: date, amount: record.payment.amount, refunded: false))
    case .refundPending(let id, let date):
      guard var record = incoming[id] else { throw noSuchIncoming(id) }
      guard [.unhandled, .suggested, .overpayment].contains(record.state) else {
        throw BookError(
          .incomingStateConflict, .payment(id),
          "payment \(id) is \(record.state.rawValue); only a waiting or overpaid payment is paid back"
        )
      }
      record.actions.append(
        .init(kind: "refund pending", date: date, reason: record.state.rawValue))
      record.refundFrom = record.state
      record.state = .refundPending
      incoming[id] = record
    case .restUsed(let id, let invoice, let amount, let date):
      guard var record = incoming[id] else { throw noSuchIncoming(id) }
      guard record.state == .overpayment, let customer = record.customer, amount > .zero,
        amount <= record.rest
      else {
        throw BookError(
          .incomingStateConflict, .payment(id),
          "payment \(id) has \(record.rest) overpaid to use; \(amount) cannot be used")
      }
      guard invoices[invoice]?.invoice.customer == customer else {
        throw BookError(
          .invalidIncomingMatch, .invoice(invoices[invoice]?.invoice.displayName ?? "d\(invoice)"),
          "an overpayment is used on an invoice of the same customer (\(customer))")
      }
      let paymentID = nextPaymentID
      try pay(
        PaymentEvent(id: paymentID, invoice: invoice, date: date, amount: amount, means: .balance))
      updateRecord(invoice) { $0.payments[$0.payments.count - 1].incoming = id }
      record.allocations.append((invoice, paymentID, amount))
      record.rest -= amount
      if record.rest.isZero { record.state = .matched }
      record.actions.append(
        .init(
          kind: "overpayment used", date: date,
          reason: "on invoice \(invoices[invoice]?.invoice.displayName ?? "")"))
      incoming[id] = record
    case .refunded(let id, let date):
      guard var record = incoming[id] else { throw noSuchIncoming(id) }
      if record.state == .refundPending, let from = record.refundFrom { record.state = from }
      if record.state == .overpayment, let customer = record.customer, record.rest > .zero {
        let balance = balances[customer] ?? .zero
        guard balance >= record.rest else {
          throw BookError(
            .balanceTooSmall, .customer(customer),
            "customer \(customer) has \(balance) left of the overpayment; \(record.rest) cannot be paid back"
          )
        }
        try addToBalance(customer, -record.rest)
        log(.refund(customer: customer, date: date, amount: record.rest))
      } else {
        guard record.state == .unhandled || record.state == .suggested else {
          throw BookError(
            .incomingStateConflict, .payment(id),
            "payment \(id) is \(record.state.rawValue); only a waiting or overpaid payment is paid back"
          )
        }
        log(
          .incomingRemoved(payment: id, date: date, amount: record.payment.amount, refunded: true))
      }
      record.state = .refunded
      record.actions.append(.init(kind: "refunded", date: date, reason: "paid back"))
      incoming[id] = record
    }
  }

  private func noSuchIncoming(_ id: String) -> BookError {
    BookError(.noSuchIncomingPayment, .payment(id), "no incoming payment \(id)")
  }

  /// A payment still in the queue (unhandled or suggested), for a step on it.
  private func openIncoming(_ id: String, step: String) throws(BookError) -> IncomingRecord {
    guard let record = incoming[id] else { throw noSuchIncoming(id) }
    guard record.state == .unhandled || record.state == .suggested else {
      throw BookError(
        .incomingStateConflict, .payment(id),
        "payment \(id) is \(record.state.rawValue); only an unhandled or suggested payment can be \(step)"
      )
    }
    return record
  }

  private mutating func receive(_ receipt: IncomingReceipt) throws(BookError) {
    for file in receipt.files { importedFiles[file.hash] = file.name }
    for (key, hash) in receipt.deposits {
      if let known = importedDeposits[key], known != hash {
        throw BookError(
          .incomingPaymentExists, .payment(key),
          "deposit \(key) was imported before with other content")
      }
      importedDeposits[key] = hash
    }
    let matched = Set(receipt.matches.map(\.payment))
    for payment in receipt.payments {
      guard incoming[payment.id] == nil else {
        throw BookError(
          .incomingPaymentExists, .payment(payment.id),
          "payment \(payment.id) is in the book already")
      }
      try checkAmount(payment.amount, "payment \(payment.id)")
      try checkDay(payment.date, "the day of payment \(payment.id)")
      let suggestions = receipt.suggestions[payment.id] ?? []
      var record = IncomingRecord(
        payment: payment, state: suggestions.isEmpty ? .unhandled : .suggested)
      record.suggestions = suggestions
      record.actions.append(.init(kind: "received", date: payment.date, reason: payment.file))
      incoming[payment.id] = record
      incomingOrder.append(payment.id)
      if !matched.contains(payment.id) {
        log(.incomingReceived(payment: payment.id, date: payment.date, amount: payment.amount))
      }
    }
    for match in receipt.matches { try placeIncoming(match, direct: true) }
  }

  /// Places a payment on invoices: credits offset first, then each part paid; the last part
  /// takes any rest, which the invoice's payment turns into the customer's credit. A direct
  /// placing (decided as the file was imported) books like a payment entered by hand; a later
  /// one takes the money off customer advances.
  private mutating func placeIncoming(_ match: IncomingMatch, direct: Bool) throws(BookError) {
    var record = try openIncoming(match.payment, step: "matched")
    guard !match.parts.isEmpty else {
      throw BookError(
        .invalidIncomingMatch, .payment(match.payment), "a match places the payment on an invoice")
    }
    let total = match.parts.reduce(Amount.zero) { $0 + $1.amount }
    guard total == record.payment.amount, match.parts.allSatisfy({ $0.amount > .zero }) else {
      throw BookError(
        .invalidIncomingMatch, .payment(match.payment),
        "the parts of the match add up to \(total); payment \(match.payment) is \(record.payment.amount)"
      )
    }
    var customer: String?
    for part in match.parts {
      let target = try attested(part.invoice)
      guard target.invoice.kind == .invoice else {
        throw BookError(
          .invalidIncomingMatch, .invoice(target.invoice.displayName),
          "\(name(target)) is a credit; payments go to invoices")
      }
      if let customer, customer != target.invoice.customer {
        throw BookError(
          .invalidIncomingMatch, .invoice(target.invoice.displayName),
          "one payment is placed on one customer's invoices; \(name(target)) is \(target.invoice.customer)'s, not \(customer)'s"
        )
      }
      customer = target.invoice.customer
    }
    for use in match.credits {
      try offset(credit: use.credit, invoice: use.invoice, date: match.date)
    }
    let means: PaymentMeans =
      direct ? (settings.paymentMode == .clientFunds ? .clientFunds : .bankgiro) : .incoming
    var rest = Amount.zero
    for part in match.parts {
      let id = nextPaymentID
      try pay(
        PaymentEvent(
          id: id, invoice: part.invoice, date: match.date, amount: part.amount, means: means))
      updateRecord(part.invoice) { invoice in
        invoice.payments[invoice.payments.count - 1].incoming = match.payment
      }
      let applied = invoices[part.invoice]!.payments.last!
      rest += applied.overpaid
      record.allocations.append((part.invoice, id, part.amount))
    }
    record.customer = customer
    record.rest = rest
    record.state = rest > .zero ? .overpayment : .matched
    record.actions.append(
      .init(
        kind: match.automatic ? "matched automatically" : "matched", date: match.decidedOn,
        reason: match.reason, score: match.score))
    incoming[match.payment] = record
  }

  /// Undoes a match: each invoice payment it made is reversed (the invoice opens again), its
  /// overpayment taken back from the customer's balance, and the money waits in the queue.
  private mutating func unmatchIncoming(_ id: String, date: Day, reason: String) throws(BookError) {
    guard var record = incoming[id] else { throw noSuchIncoming(id) }
    guard record.state == .matched || record.state == .overpayment else {
      throw BookError(
        .incomingStateConflict, .payment(id),
        "payment \(id) is \(record.state.rawValue); only a matched payment can be unmatched")
    }
    if let customer = record.customer, record.rest > .zero {
      let balance = balances[customer] ?? .zero
      guard balance >= record.rest else {
        throw BookError(
          .balanceTooSmall, .customer(customer),
          "the overpayment of \(record.rest) was used; customer \(customer) has \(balance) left")
      }
    }
    for allocation in record.allocations.reversed() {
      try reversePayment(allocation.payment, on: allocation.invoice, date: date)
    }
    record.allocations = []
    record.rest = .zero
    record.customer = nil
    record.state = .unhandled
    record.actions.append(.init(kind: "unmatched", date: date, reason: reason))
    incoming[id] = record
  }

  /// Takes a payment back off an invoice: it counts for nothing from `date`.
  mutating func reversePayment(_ payment: Int, on invoice: Int, date: Day) throws(BookError) {
    guard let record = invoices[invoice],
      let index = record.payments.firstIndex(where: {
        $0.payment == payment && $0.reversedOn == nil
      })
    else {
      throw BookError(
        .invalidIncomingMatch, .payment(String(payment)), "no payment \(payment) to undo")
    }
    let applied = record.payments[index]
    updateRecord(invoice) { record in
      record.payments[index].reversedOn = date
      if record.state == .paid && record.open > .zero {
        record.state =
          record.collectionDate != nil
          ? .collection : (record.reminders.isEmpty ? .attested : .reminded)
        record.closedOn = nil
      }
    }
    try addToBalance(record.invoice.customer, -applied.overpaid)
    log(.paymentReversed(invoice: invoice, payment: payment, date: date))
  }
}
