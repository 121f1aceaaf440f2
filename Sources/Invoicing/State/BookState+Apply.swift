import Basics

extension BookState {
  /// Applies one event, or throws without changing anything when the event does not fit the
  /// state (the rules of the lifecycle live here, for commands and replay alike).
  ///
  /// Every rule is checked before anything changes, so a single event needs no copy of the
  /// state (replaying a million events stays linear); a batch is applied to a copy.
  ///
  /// The event is one journal line: activities it makes are numbered within that line.
  public mutating func apply(_ event: Event) throws(BookError) {
    try applyWithinLine(event)
    finishLine()
  }

  /// Applies a journal line while replaying the journal: a batch in place, without the copy
  /// that keeps a failing batch from changing anything. A line that does not fit stops the
  /// replay and the state is thrown away, so there is nothing to keep; and a copy of a large
  /// book's state for every batch line would make replay quadratic.
  mutating func replay(_ event: Event) throws(BookError) {
    try applyInPlace(event)
    finishLine()
  }

  /// Applies an event that shares the journal line being built (the events of a transaction,
  /// written as one batch line); ``finishLine()`` ends the line.
  mutating func applyWithinLine(_ event: Event) throws(BookError) {
    if case .batch = event {
      var copy = self
      try copy.applyInPlace(event)
      self = copy
    } else {
      try applyInPlace(event)
    }
  }

  private mutating func applyInPlace(_ event: Event) throws(BookError) {
    try applyChecked(event)
    if case .batch = event { return }
    countEvent()
  }

  private mutating func applyChecked(_ event: Event) throws(BookError) {
    switch event {
    case .sentToCollection(_, let date), .writtenOff(_, let date), .markedDoubtful(_, let date),
      .offset(_, _, let date), .selfInvoiceAttested(_, _, let date),
      .selfInvoiceCancelled(_, let date), .selfInvoicePaid(_, let date):
      try checkDay(date, "the date")
    default: break
    }
    switch event {
    case .settingsChanged(let settings):
      self.settings = settings
      settingsHistory.append(settings)
    case .customerAdded(let customer):
      guard !customers.contains(key: customer.number) else {
        throw BookError(
          .customerExists, .customer(customer.number), "customer \(customer.number) exists already")
      }
      try check(customer)
      setCustomer(customer)
    case .customerUpdated(let customer):
      guard customers.contains(key: customer.number) else {
        throw BookError(
          .noSuchCustomer, .customer(customer.number), "no customer \(customer.number)")
      }
      try check(customer)
      setCustomer(customer)
    case .productAdded(let product):
      guard !products.contains(key: product.number) else {
        throw BookError(
          .productExists, .product(product.number), "product \(product.number) exists already")
      }
      try check(product)
      setProduct(product)
    case .productUpdated(let product):
      guard products.contains(key: product.number) else {
        throw BookError(.noSuchProduct, .product(product.number), "no product \(product.number)")
      }
      try check(product)
      setProduct(product)
    case .costCentreAdded(let entry):
      try checkText([(entry.code, "code"), (entry.name, "name")], subject: .costCentre(entry.code))
      guard !costCentres.contains(key: entry.code) else {
        throw BookError(
          .costCentreExists, .costCentre(entry.code), "cost centre \(entry.code) exists already")
      }
      addCostCentre(entry)
    case .projectAdded(let entry):
      try checkText([(entry.code, "code"), (entry.name, "name")], subject: .project(entry.code))
      guard !projects.contains(key: entry.code) else {
        throw BookError(
          .projectExists, .project(entry.code), "project \(entry.code) exists already")
      }
      addProject(entry)
    case .invoiceDrafted(let invoice):
      guard invoice.id == nextInvoiceID else {
        throw BookError(
          .eventOutOfSequence, .invoice("d\(invoice.id)"),
          "draft id \(invoice.id) out of sequence (expected \(nextInvoiceID))")
      }
      if let externalId = invoice.externalId, externalIds[externalId] != nil {
        throw BookError(
          .externalIdExists, .none, "an invoice with external id \"\(externalId)\" exists already")
      }
      try checkDraft(invoice)
      insertDraft(invoice)
    case .draftUpdated(let invoice):
      let record = try draft(invoice.id)
      if let externalId = invoice.externalId, externalId != record.invoice.externalId,
        externalIds[externalId] != nil
      {
        throw BookError(
          .externalIdExists, .none, "an invoice with external id \"\(externalId)\" exists already")
      }
      try checkDraft(invoice)
      replaceDraft(invoice)
    case .draftDeleted(let id):
      _ = try draft(id)
      removeDraft(id)
    case .invoiceAttested(let id, let number, let ocr, let date):
      try attest(id, number: number, ocr: ocr, date: date)
    case .reminderSent(let id, let date, let fee):
      try remind(id, on: date, fee: fee)
    case .sentToCollection(let id, let date):
      try sendToCollection(id, on: date)
    case .paymentRegistered(let payment):
      try pay(payment)
    case .writtenOff(let id, let date):
      let record = try attested(id)
      guard record.invoice.kind == .invoice, !record.state.isFinal, record.open > .zero else {
        throw BookError(
          .writeOffNotAllowed, .invoice(record.invoice.displayName),
          "\(name(record)) is \(record.state.rawValue) with \(record.open) open; only an open invoice can be written off"
        )
      }
      let amount = record.open
      updateRecord(id) {
        $0.writeOff = (date, amount)
        $0.state = .writtenOff
        $0.closedOn = date
      }
      log(.writtenOff(invoice: id, date: date, amount: amount))
    case .markedDoubtful(let id, let date):
      let record = try attested(id)
      guard record.invoice.kind == .invoice, !record.state.isFinal, record.open > .zero else {
        throw BookError(
          .doubtfulNotAllowed, .invoice(record.invoice.displayName),
          "\(name(record)) is \(record.state.rawValue) with \(record.open) open; only an open invoice can be doubtful"
        )
      }
      guard record.doubtfulOn == nil else {
        throw BookError(
          .doubtfulAlready, .invoice(record.invoice.displayName),
          "\(name(record)) is marked doubtful already (\(record.doubtfulOn!))")
      }
      updateRecord(id) { $0.doubtfulOn = date }
      log(.doubtful(invoice: id, date: date, amount: record.open))
    case .clientFundsPaidOut(let payout):
      try checkAmount(payout.amount, "the payout")
      try checkAmount(payout.fee, "the fee")
      try checkAmount(payout.feeVAT, "the VAT on the fee")
      try checkDay(payout.date, "the payout date")
      guard payout.amount > .zero, payout.fee >= .zero, payout.feeVAT >= .zero, payout.net >= .zero
      else {
        throw BookError(
          .invalidPayout, .none,
          "a payout is more than zero and more than its fee and the fee's VAT")
      }
      guard payout.amount <= clientFundsHeld else {
        throw BookError(
          .clientFundsShort, .none,
          "the client funds hold \(clientFundsHeld); \(payout.amount) cannot be paid out")
      }
      try addClientFunds(-payout.amount)
      clientFundsPayouts.append(payout)
      log(.clientFundsPayout(payout))
    case .offset(let creditID, let invoiceID, let date):
      try offset(credit: creditID, invoice: invoiceID, date: date)
    case .refunded(let customer, let amount, let date):
      try checkAmount(amount, "the refund")
      try checkDay(date, "the refund date")
      let balance = balances[customer] ?? .zero
      guard amount > .zero, amount <= balance else {
        throw BookError(
          .balanceTooSmall, .customer(customer),
          "customer \(customer) has a balance of \(balance); \(amount) cannot be paid back")
      }
      try addToBalance(customer, -amount)
      log(.refund(customer: customer, date: date, amount: amount))
    case .attachmentAdded(let id, let attachment):
      let record = try draft(id)
      guard !record.invoice.attachments.contains(where: { $0.hash == attachment.hash }) else {
        throw BookError(
          .attachmentExists, .invoice(record.invoice.displayName).with(file: attachment.fileName),
          "\(attachment.fileName) is attached to \(name(record)) already")
      }
      guard record.invoice.attachments.count < 50 else {
        throw BookError(
          .attachmentExists, .invoice(record.invoice.displayName),
          "an invoice has at most 50 attachments")
      }
      updateRecord(id) { $0.invoice.attachments.append(attachment) }
    case .selfInvoiceDrafted, .selfInvoiceUpdated, .selfInvoiceAttested, .payoutChanged,
      .payoutPaused, .payoutResumed, .selfInvoiceCancelled, .selfInvoicePaid:
      try applySelfInvoice(event)
    case .incoming(let event):
      try applyIncoming(event)
    case .other(let type, let payload):
      addOther(type: type, payload: payload)
    case .batch(let events):
      for event in events { try applyInPlace(event) }
    }
  }

  // MARK: Checks

  func name(_ record: InvoiceRecord) -> String {
    (record.invoice.kind.isCredit ? "credit " : "invoice ") + record.invoice.displayName
  }

  func draft(_ id: Int) throws(BookError) -> InvoiceRecord {
    guard let record = invoices[id] else {
      throw BookError(.noSuchInvoice, .invoice("d\(id)"), "no invoice with id \(id)")
    }
    guard record.state == .draft else {
      throw BookError(
        .invoiceAttested, .invoice(record.invoice.displayName),
        "\(name(record)) is attested; attested invoices never change (credit it instead)")
    }
    return record
  }

  func attested(_ id: Int) throws(BookError) -> InvoiceRecord {
    guard let record = invoices[id] else {
      throw BookError(.noSuchInvoice, .invoice("d\(id)"), "no invoice with id \(id)")
    }
    guard record.state != .draft else {
      throw BookError(
        .invoiceIsDraft, .invoice(record.invoice.displayName),
        "\(name(record)) is a draft; attest it first")
    }
    return record
  }
}
