import Basics

// The checkpoint form of activities, self-invoices and incoming payments.

extension CheckpointWriter {
  mutating func payout(_ payout: ClientFundsPayout) {
    day(payout.date)
    amount(payout.amount)
    amount(payout.fee)
    amount(payout.feeVAT)
  }

  mutating func activity(_ activity: Activity) {
    switch activity {
    case .attested(let invoice, let date):
      count(0)
      count(invoice)
      day(date)
    case .payment(let invoice, let payment):
      count(1)
      count(invoice)
      self.payment(payment)
    case .credited(let creditNote, let invoice, let date, let applied, let excess):
      count(2)
      count(creditNote)
      count(invoice)
      day(date)
      amount(applied)
      amount(excess)
    case .reminderFee(let invoice, let date, let fee): dated(3, invoice, date, fee)
    case .doubtful(let invoice, let date, let amount): dated(4, invoice, date, amount)
    case .clientFundsPayout(let payout):
      count(5)
      self.payout(payout)
    case .writtenOff(let invoice, let date, let amount): dated(6, invoice, date, amount)
    case .offset(let credit, let invoice, let date, let amount):
      count(7)
      count(credit)
      dated(nil, invoice, date, amount)
    case .refund(let customer, let date, let amount):
      count(8)
      string(customer)
      day(date)
      self.amount(amount)
    case .selfInvoiceAttested(let id, let date):
      count(9)
      count(id)
      day(date)
    case .selfInvoicePaid(let id, let date, let amount): dated(10, id, date, amount)
    case .selfInvoiceCancelled(let id, let date):
      count(11)
      count(id)
      day(date)
    case .incomingReceived(let payment, let date, let amount):
      count(12)
      string(payment)
      day(date)
      self.amount(amount)
    case .incomingRemoved(let payment, let date, let amount, let refunded):
      count(13)
      string(payment)
      day(date)
      self.amount(amount)
      bool(refunded)
    case .paymentReversed(let invoice, let payment, let date):
      count(14)
      count(invoice)
      count(payment)
      day(date)
    }
  }

  /// A case of an id, a day and an amount (after its tag, when given).
  private mutating func dated(_ tag: Int?, _ id: Int, _ date: Day, _ amount: Amount) {
    if let tag { count(tag) }
    count(id)
    day(date)
    self.amount(amount)
  }

  mutating func selfInvoiceRecord(_ record: SelfInvoiceRecord) {
    json(record.selfInvoice.jsonValue)
    choice(record.state)
    optional(record.attestedOn) { $0.day($1) }
    amount(record.payoutAmount)
    optional(record.paidOn) { $0.day($1) }
    optional(record.cancelledOn) { $0.day($1) }
    array(record.corrections) { $0.count($1) }
    optional(record.payee) { $0.customer($1) }
    optional(record.issuedUnder) { $0.count($1) }
    optional(record.issuedPayoutDate) { $0.day($1) }
  }

  mutating func incomingRecord(_ record: IncomingRecord) {
    json(record.payment.jsonValue)
    choice(record.state)
    array(record.allocations) {
      $0.count($1.invoice)
      $0.count($1.payment)
      $0.amount($1.amount)
    }
    array(record.suggestions) { writer, suggestion in
      writer.array(suggestion.invoices) { $0.count($1) }
      writer.array(suggestion.amounts) { $0.amount($1) }
      writer.int(suggestion.score)
      writer.array(suggestion.reasons) { $0.string($1) }
    }
    optional(record.customer) { $0.string($1) }
    amount(record.rest)
    optional(record.ignored) {
      $0.string($1.account.text)
      $0.string($1.reason)
    }
    optional(record.refundFrom) { $0.choice($1) }
    array(record.actions) { writer, action in
      writer.string(action.kind)
      writer.day(action.date)
      writer.string(action.reason)
      writer.optional(action.score) { $0.int($1) }
    }
  }
}

extension CheckpointReader {
  mutating func payout() throws(CheckpointDamage) -> ClientFundsPayout {
    ClientFundsPayout(
      date: try day(), amount: try amount(), fee: try amount(), feeVAT: try amount())
  }

  mutating func activityID() throws(CheckpointDamage) -> ActivityID {
    ActivityID(line: try count(), ordinal: try count())
  }

  mutating func activity() throws(CheckpointDamage) -> Activity {
    switch try count() {
    case 0: return .attested(invoice: try count(), date: try day())
    case 1: return .payment(invoice: try count(), try payment())
    case 2:
      return .credited(
        creditNote: try count(), invoice: try count(), date: try day(), applied: try amount(),
        excess: try amount())
    case 3: return .reminderFee(invoice: try count(), date: try day(), fee: try amount())
    case 4: return .doubtful(invoice: try count(), date: try day(), amount: try amount())
    case 5: return .clientFundsPayout(try payout())
    case 6: return .writtenOff(invoice: try count(), date: try day(), amount: try amount())
    case 7:
      return .offset(
        credit: try count(), invoice: try count(), date: try day(), amount: try amount())
    case 8: return .refund(customer: try string(), date: try day(), amount: try amount())
    case 9: return .selfInvoiceAttested(id: try count(), date: try day())
    case 10: return .selfInvoicePaid(id: try count(), date: try day(), amount: try amount())
    case 11: return .selfInvoiceCancelled(id: try count(), date: try day())
    case 12: return .incomingReceived(payment: try string(), date: try day(), amount: try amount())
    case 13:
      return .incomingRemoved(
        payment: try string(), date: try day(), amount: try amount(), refunded: try bool())
    case 14: return .paymentReversed(invoice: try count(), payment: try count(), date: try day())
    case let other: throw CheckpointDamage("activity kind \(other)")
    }
  }

  mutating func selfInvoiceRecord() throws(CheckpointDamage) -> SelfInvoiceRecord {
    var record = SelfInvoiceRecord(selfInvoice: try decode { try SelfInvoice(json: $0) })
    try Self.checkLines(record.selfInvoice.lines)
    record.state = try choice(SelfInvoiceState.self)
    record.attestedOn = try optional { r throws(CheckpointDamage) in try r.day() }
    record.payoutAmount = try amount()
    record.paidOn = try optional { r throws(CheckpointDamage) in try r.day() }
    record.cancelledOn = try optional { r throws(CheckpointDamage) in try r.day() }
    record.corrections = try array { r throws(CheckpointDamage) in try r.count() }
    record.payee = try optional { r throws(CheckpointDamage) in try r.customer() }
    record.issuedUnder = try optional { r throws(CheckpointDamage) in try r.count() }
    record.issuedPayoutDate = try optional { r throws(CheckpointDamage) in try r.day() }
    return record
  }

  mutating func incomingRecord() throws(CheckpointDamage) -> IncomingRecord {
    let payment = try decode { try IncomingPayment(json: $0) }
    var record = IncomingRecord(payment: payment, state: try choice(IncomingState.self))
    record.allocations = try array { r throws(CheckpointDamage) in
      (try r.count(), try r.count(), try r.amount())
    }
    record.suggestions = try array { r throws(CheckpointDamage) in
      IncomingSuggestion(
        invoices: try r.array { r throws(CheckpointDamage) in try r.count() },
        amounts: try r.array { r throws(CheckpointDamage) in try r.amount() },
        score: try r.int(), reasons: try r.array { r throws(CheckpointDamage) in try r.string() })
    }
    record.customer = try optional { r throws(CheckpointDamage) in try r.string() }
    record.rest = try amount()
    record.ignored = try optional { r throws(CheckpointDamage) in
      (AccountNumber(try r.string()), try r.string())
    }
    record.refundFrom = try optional { r throws(CheckpointDamage) in
      try r.choice(IncomingState.self)
    }
    record.actions = try array { r throws(CheckpointDamage) in
      IncomingRecord.Action(
        kind: try r.string(), date: try r.day(), reason: try r.string(),
        score: try r.optional { r throws(CheckpointDamage) in try r.int() })
    }
    return record
  }
}
