import Basics

extension BookState {
  /// Checks that draft `id` can be attested as `number`, returning what attesting it needs.
  /// (The record is read here, so that it is let go before the book changes it in place.)
  private func attestable(_ id: Int, number: Int, ocr: String) throws(BookError) -> (
    total: Amount, kind: InvoiceKind, customer: String
  ) {
    let record = try draft(id)
    guard number == nextInvoiceNumber else {
      throw BookError(
        .eventOutOfSequence, .invoice(String(number)),
        "invoice number \(number) out of sequence (expected \(nextInvoiceNumber))")
    }
    guard ocr == settings.ocr.reference(for: number) else {
      throw BookError(
        .eventOutOfSequence, .invoice(String(number)),
        "OCR \(ocr) does not belong to invoice \(number)")
    }
    let total = record.invoice.total
    switch record.invoice.kind {
    case .invoice:
      guard total > .zero else {
        throw BookError(
          .invalidTotal, .invoice(record.invoice.displayName),
          "\(name(record)) totals \(total); an invoice totals more than zero")
      }
    case .credit, .creditNote:
      guard total < .zero else {
        throw BookError(
          .invalidTotal, .invoice(record.invoice.displayName),
          "\(name(record)) totals \(total); a credit totals less than zero")
      }
    }
    if case .creditNote(let original) = record.invoice.kind {
      guard let source = invoices[original], source.state != .draft else {
        throw BookError(
          .creditNoteSource, .none, "the invoice this credit note credits is not attested")
      }
      let alreadyCredited = invoiceOrder.compactMap { invoices[$0] }.filter {
        $0.state != .draft && $0.invoice.kind == .creditNote(of: original)
      }.reduce(Amount.zero) { $0 - $1.invoice.total }
      guard alreadyCredited - total <= source.invoice.total else {
        throw BookError(
          .creditExceedsInvoice, .invoice(source.invoice.displayName),
          "invoice \(source.invoice.displayName) totals \(source.invoice.total) and \(alreadyCredited) of it is credited already: \(source.invoice.total - alreadyCredited) can still be credited, not \(Amount.zero - total)"
        )
      }
    }
    return (total, record.invoice.kind, record.invoice.customer)
  }

  mutating func attest(_ id: Int, number: Int, ocr: String, date: Day) throws(BookError) {
    try checkDay(date, "the attestation date")
    let (total, kind, customer) = try attestable(id, number: number, ocr: ocr)
    assignNumber(number, to: id)
    let recipient = recipient(customer)
    let issuedUnder = settingsHistory.count - 1
    updateRecord(id) {
      $0.sharedRecipient = recipient
      $0.issuedUnder = issuedUnder
      $0.invoice.number = number
      $0.invoice.ocr = ocr
      $0.state = .attested
      $0.attestedOn = date
    }
    log(.attested(invoice: id, date: date))
    if case .creditNote(let original) = kind {
      // The credit note credits its invoice at once: what the invoice still owes is reduced,
      // anything beyond goes to the customer's balance (to be paid back).
      let source = invoices[original]!
      let credit = -total
      let applied = source.state.isFinal ? Amount.zero : min(credit, max(source.open, .zero))
      let excess = credit - applied
      updateRecord(original) { record in
        record.credits.append((date, applied, id))
        if record.open.isZero && !record.state.isFinal {
          record.state = .credited
          record.closedOn = date
        }
      }
      updateRecord(id) { record in
        record.credits.append((date, total, original))
        record.state = .credited
        record.closedOn = date
      }
      try addToBalance(customer, excess)
      self.log(
        .credited(creditNote: id, invoice: original, date: date, applied: applied, excess: excess))
    }
  }

  /// Checks a payment and works out how it applies to its invoice (taking money from the
  /// customer's balance when it is paid from there). The record is read here, so that it is let
  /// go before the book changes it in place.
  private mutating func application(of payment: PaymentEvent) throws(BookError) -> (
    customer: String, applications: AppliedPayment, overpaid: Amount
  ) {
    let record = try attested(payment.invoice)
    guard record.invoice.kind == .invoice else {
      throw BookError(
        .paymentOnCredit, .invoice(record.invoice.displayName),
        "\(name(record)) is a credit; payments go to invoices")
    }
    guard payment.amount > .zero else {
      throw BookError(.invalidAmount, .none, "a payment is more than zero")
    }
    try checkAmount(payment.amount, "the payment")
    if let sek = payment.amountSEK { try checkAmount(sek, "the SEK received") }
    try checkDay(payment.date, "the payment date")
    if let attested = record.attestedOn, payment.date < attested {
      throw BookError(
        .invalidDate, .invoice(record.invoice.displayName),
        "the payment is dated \(payment.date), before \(name(record)) was attested on \(attested)")
    }
    if let sek = payment.amountSEK, sek <= .zero {
      throw BookError(.invalidAmount, .none, "the SEK amount of a payment is more than zero")
    }
    if record.invoice.currency != "SEK" && payment.amountSEK == nil {
      throw BookError(
        .sekAmountMissing, .invoice(record.invoice.displayName),
        "\(name(record)) is in \(record.invoice.currency); give the SEK amount received too")
    }
    let customer = record.invoice.customer
    if payment.means == .balance {
      let balance = balances[customer] ?? .zero
      guard payment.amount <= balance else {
        throw BookError(
          .balanceTooSmall, .customer(customer),
          "customer \(customer) has a balance of \(balance) only")
      }
      guard !record.state.isFinal, payment.amount <= record.open else {
        throw BookError(
          .balanceExceedsOpen, .invoice(record.invoice.displayName),
          "\(name(record)) has \(record.open) open; a balance is used up to that")
      }
      try addToBalance(customer, -payment.amount)
    }
    let open = record.state.isFinal ? Amount.zero : max(record.open, .zero)
    var applied = Amount.zero
    var rounding = Amount.zero
    var overpaid = Amount.zero
    var recovered = Amount.zero
    if record.state == .writtenOff, let writeOff = record.writeOff {
      // Money for a written-off invoice recovers the loss first.
      let before = record.payments.reduce(Amount.zero) { $0 + $1.recovered }
      recovered = min(payment.amount, writeOff.amount - before)
      overpaid = payment.amount - recovered
    } else if payment.amount >= open {
      applied = open
      overpaid = payment.amount - open
    } else if open - payment.amount <= settings.paymentTolerance {
      applied = payment.amount
      rounding = open - payment.amount
    } else {
      applied = payment.amount
    }
    let applications = AppliedPayment(
      payment: payment.id, date: payment.date, means: payment.means, received: payment.amount,
      applied: applied, rounding: rounding, overpaid: overpaid, recovered: recovered,
      receivedSEK: payment.amountSEK)
    return (customer, applications, overpaid)
  }

  mutating func pay(_ payment: PaymentEvent) throws(BookError) {
    guard payment.id == nextPaymentID else {
      throw BookError(
        .eventOutOfSequence, .payment(String(payment.id)),
        "payment id \(payment.id) out of sequence")
    }
    let (customer, applications, overpaid) = try application(of: payment)
    if payment.means == .clientFunds { try addClientFunds(payment.amountSEK ?? payment.amount) }
    nextPayment()
    updateRecord(payment.invoice) { record in
      record.payments.append(applications)
      if !record.state.isFinal && record.open.isZero {
        record.state = .paid
        record.closedOn = payment.date
      }
    }
    try addToBalance(customer, overpaid)
    log(.payment(invoice: payment.invoice, applications))
  }

  mutating func offset(credit creditID: Int, invoice invoiceID: Int, date: Day) throws(BookError) {
    let credit = try attested(creditID)
    let invoice = try attested(invoiceID)
    guard credit.invoice.kind == .credit else {
      throw BookError(
        .offsetNotAllowed, .invoice(credit.invoice.displayName),
        "\(name(credit)) is not a standalone credit")
    }
    guard invoice.invoice.kind == .invoice else {
      throw BookError(
        .offsetNotAllowed, .invoice(invoice.invoice.displayName),
        "\(name(invoice)) is not an invoice")
    }
    guard credit.invoice.customer == invoice.invoice.customer else {
      throw BookError(
        .offsetNotAllowed, .invoice(credit.invoice.displayName),
        "a credit is used on an invoice of the same customer; \(name(credit)) is \(credit.invoice.customer)'s, \(name(invoice)) is \(invoice.invoice.customer)'s"
      )
    }
    guard credit.open < .zero else {
      throw BookError(
        .offsetNotAllowed, .invoice(credit.invoice.displayName),
        "\(name(credit)) has nothing left to use")
    }
    guard !invoice.state.isFinal, invoice.open > .zero else {
      throw BookError(
        .nothingToPay, .invoice(invoice.invoice.displayName),
        "\(name(invoice)) has nothing left to pay")
    }
    // The rest stays on the one with the highest absolute amount; equal amounts close both.
    let amount = min(invoice.open, credit.open.magnitude)
    updateRecord(invoiceID) { record in
      record.credits.append((date, amount, creditID))
      if record.open.isZero {
        record.state = .credited
        record.closedOn = date
      }
    }
    updateRecord(creditID) { record in
      record.credits.append((date, -amount, invoiceID))
      if record.open.isZero {
        record.state = .credited
        record.closedOn = date
      }
    }
    log(.offset(credit: creditID, invoice: invoiceID, date: date, amount: amount))
  }
}
