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
      guard customers[customer.number] == nil else {
        throw BookError(
          .customerExists, .customer(customer.number), "customer \(customer.number) exists already")
      }
      try check(customer)
      setCustomer(customer, new: true)
    case .customerUpdated(let customer):
      guard customers[customer.number] != nil else {
        throw BookError(
          .noSuchCustomer, .customer(customer.number), "no customer \(customer.number)")
      }
      try check(customer)
      setCustomer(customer, new: false)
    case .productAdded(let product):
      guard products[product.number] == nil else {
        throw BookError(
          .productExists, .product(product.number), "product \(product.number) exists already")
      }
      try check(product)
      setProduct(product, new: true)
    case .productUpdated(let product):
      guard products[product.number] != nil else {
        throw BookError(.noSuchProduct, .product(product.number), "no product \(product.number)")
      }
      try check(product)
      setProduct(product, new: false)
    case .costCentreAdded(let entry):
      try checkText([(entry.code, "code"), (entry.name, "name")], subject: .costCentre(entry.code))
      guard costCentres[entry.code] == nil else {
        throw BookError(
          .costCentreExists, .costCentre(entry.code), "cost centre \(entry.code) exists already")
      }
      addCostCentre(entry)
    case .projectAdded(let entry):
      try checkText([(entry.code, "code"), (entry.name, "name")], subject: .project(entry.code))
      guard projects[entry.code] == nil else {
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
      let record = try attested(id)
      guard record.invoice.kind == .invoice else {
        throw BookError(
          .reminderOnCredit, .invoice(record.invoice.displayName),
          "\(name(record)) is a credit; credits get no reminders")
      }
      // A reminder dated back (a scheduled step taken late) may find the invoice paid since:
      // what counts is how it stood on the reminder's day.
      guard
        record.state == .attested || record.state == .reminded
          || record.state == .paid && record.wasOpen(on: date)
      else {
        throw BookError(
          .reminderNotAllowed, .invoice(record.invoice.displayName),
          "\(name(record)) is \(record.state.rawValue); a reminder needs an attested, unpaid invoice not in collection"
        )
      }
      if record.state != .paid { try checkOverdueAndOpen(record, on: date) }
      try checkOverdue(record, on: date)
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
      try checkAmount(record.invoice.totals.total + record.fees + fee, "the invoice with its fees")
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
    case .sentToCollection(let id, let date):
      let record = try attested(id)
      guard record.invoice.kind == .invoice,
        record.state == .attested || record.state == .reminded
          || record.state == .paid && record.wasOpen(on: date)
      else {
        throw BookError(
          .collectionNotAllowed, .invoice(record.invoice.displayName),
          "\(name(record)) is \(record.state.rawValue); only an unpaid invoice can go to collection"
        )
      }
      if record.state != .paid { try checkOverdueAndOpen(record, on: date) }
      try checkOverdue(record, on: date)
      updateRecord(id) {
        $0.collectionDate = date
        if $0.state != .paid { $0.state = .collection }
      }
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
    case .selfInvoiceDrafted(let selfInvoice):
      guard selfInvoice.id == nextSelfInvoiceID else {
        throw BookError(
          .eventOutOfSequence, .selfInvoice("d\(selfInvoice.id)"),
          "self-invoice id \(selfInvoice.id) out of sequence")
      }
      try checkSelfInvoice(selfInvoice)
      if let original = selfInvoice.corrects { try checkCorrection(selfInvoice, of: original) }
      insertSelfInvoice(selfInvoice)
    case .selfInvoiceUpdated(let selfInvoice):
      let record = try selfInvoiceRecord(selfInvoice.id)
      guard record.state == .draft else {
        throw BookError(
          .selfInvoiceAttested, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is attested; it cannot change")
      }
      try checkSelfInvoice(selfInvoice)
      updateSelfInvoice(selfInvoice.id) {
        $0.selfInvoice = selfInvoice
        $0.payoutAmount = selfInvoice.totals.total
      }
    case .selfInvoiceAttested(let id, let number, let date):
      let record = try selfInvoiceRecord(id)
      guard record.state == .draft else {
        throw BookError(
          .selfInvoiceAttested, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is attested already")
      }
      let payee = record.selfInvoice.payee
      let sequence = (payeeSequences[payee] ?? 0) + 1
      guard number == SelfInvoice.number(payee: payee, sequence: sequence) else {
        throw BookError(
          .eventOutOfSequence, .selfInvoice(number),
          "self-invoice number \(number) out of sequence for payee \(payee)")
      }
      if let original = record.selfInvoice.corrects {
        try checkCorrection(record.selfInvoice, of: original)
      }
      setPayeeSequence(payee, sequence)
      let snapshot = customers[payee]
      let issuedUnder = settingsHistory.count - 1
      updateSelfInvoice(id) {
        $0.payee = snapshot
        $0.issuedUnder = issuedUnder
        $0.issuedPayoutDate = $0.selfInvoice.payoutDate
        $0.selfInvoice.number = number
        $0.state = .attested
        $0.attestedOn = date
      }
      if let original = record.selfInvoice.corrects {
        updateSelfInvoice(original) {
          $0.payoutAmount += record.selfInvoice.totals.total
          $0.corrections.append(id)
        }
      }
      log(.selfInvoiceAttested(id: id, date: date))
    case .payoutChanged(let id, let date, let amount):
      if let amount { try checkAmount(amount, "the payout") }
      if let date { try checkDay(date, "the payout date") }
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested || record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); its payout can change only until paid"
        )
      }
      if let amount, amount <= .zero {
        throw BookError(.invalidPayout, .none, "a payout amount must be more than zero")
      }
      if let date, date < record.selfInvoice.invoiceDate {
        throw BookError(
          .payoutBeforeInvoiceDate, .none, "the payout cannot come before the invoice date")
      }
      updateSelfInvoice(id) {
        if let date { $0.selfInvoice.payoutDate = date }
        if let amount { $0.payoutAmount = amount }
      }
    case .payoutPaused(let id):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "only an attested, unpaid self-invoice can be paused")
      }
      updateSelfInvoice(id) { $0.state = .paused }
    case .payoutResumed(let id):
      let record = try selfInvoiceRecord(id)
      guard record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is not paused")
      }
      updateSelfInvoice(id) { $0.state = .attested }
    case .selfInvoiceCancelled(let id, let date):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested || record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); only an unpaid attested one can be cancelled"
        )
      }
      // Its corrections go with it.
      for document in [id] + record.corrections {
        updateSelfInvoice(document) {
          $0.state = .cancelled
          $0.cancelledOn = date
        }
        log(.selfInvoiceCancelled(id: document, date: date))
      }
    case .selfInvoicePaid(let id, let date):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); only an attested one is paid out"
        )
      }
      for document in [id] + record.corrections {
        updateSelfInvoice(document) {
          $0.state = .paid
          $0.paidOn = date
        }
      }
      log(.selfInvoicePaid(id: id, date: date, amount: record.payoutAmount))
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

  func selfInvoiceRecord(_ id: Int) throws(BookError) -> SelfInvoiceRecord {
    guard let record = selfInvoices[id] else {
      throw BookError(.noSuchSelfInvoice, .selfInvoice("d\(id)"), "no self-invoice with id \(id)")
    }
    return record
  }

  /// Refuses text with control characters (names, addresses, line texts).
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

  func checkText(_ values: [(String?, String)], subject: ErrorSubject) throws(BookError) {
    for (value, field) in values {
      if let value, value.hasControlCharacters {
        throw BookError(
          .controlCharacters, subject.with(field: field),
          "\(field) holds a control character (a line break, tab, escape or NUL); write it on one line without them"
        )
      }
    }
  }

  func check(_ customer: Customer) throws(BookError) {
    try checkText(
      [
        (customer.number, "number"), (customer.name, "name"),
        (customer.organizationNumber, "orgNumber"),
        (customer.vatNumber, "vatNumber"), (customer.email, "email"),
        (customer.address.street, "street"),
        (customer.address.postalCode, "postalCode"), (customer.address.city, "city"),
        (customer.address.country, "country"), (customer.bankgiro, "bankgiro"),
      ], subject: .customer(customer.number))
    if let problem = customer.validationProblem() {
      throw BookError(
        .invalidCustomer, .customer(customer.number).with(field: problem.field),
        "customer \(customer.number): \(problem.field): \(problem.message)")
    }
  }

  func check(_ product: Product) throws(BookError) {
    try checkText(
      [(product.number, "number"), (product.name, "name"), (product.unit, "unit")],
      subject: .product(product.number))
    if let problem = product.validationProblem() {
      throw BookError(
        .invalidProduct, .product(product.number).with(field: problem.field),
        "product \(product.number): \(problem.field): \(problem.message)")
    }
    for component in product.components {
      guard let part = products[component.product] else {
        throw BookError(
          .invalidProduct, .product(product.number),
          "product \(product.number): component \(component.product) is not a product")
      }
      guard part.kind != .package else {
        throw BookError(
          .invalidProduct, .product(product.number),
          "product \(product.number): component \(component.product) is itself a package")
      }
    }
  }

  /// Refuses a day outside ``Limits`` (1900–2199), naming what it is.
  func checkDay(_ day: Day, _ what: String) throws(BookError) {
    guard Limits.contains(day) else {
      throw BookError(
        .invalidDate, .field(what),
        "\(what) \(day) is outside the days a book keeps (\(Limits.firstDay) to \(Limits.lastDay))")
    }
  }

  /// Refuses an amount outside ``Limits`` (10¹³ kronor either way).
  func checkAmount(_ amount: Amount, _ what: String) throws(BookError) {
    guard Limits.contains(amount) else {
      throw BookError(
        .invalidAmount, .field(what),
        "\(what) \(amount) is beyond what a book accepts (\(Limits.amount) either way)")
    }
  }

  /// Refuses lines whose amounts could not be totalled exactly: too many, or a quantity, price
  /// or line beyond ``Limits``, or a total beyond them.
  func checkLines(_ lines: [InvoiceLine]) throws(BookError) {
    guard lines.count <= Limits.lines else {
      throw BookError(
        .invalidLine, .none, "\(lines.count) lines; a document has at most \(Limits.lines)")
    }
    var total = Int128(0)
    for (index, line) in lines.enumerated() {
      guard let net = line.checkedNet else {
        throw BookError(
          .invalidAmount, .line(index + 1),
          "line \(index + 1): quantity \(line.quantity) × price \(line.unitPrice) is beyond what a book accepts (quantities up to \(Limits.quantity), amounts up to \(Limits.amount))"
        )
      }
      total += Int128(net.ore) * 2  // the net and at most as much VAT
    }
    guard total.magnitude <= UInt128(Limits.amount.ore) else {
      throw BookError(
        .invalidAmount, .none, "the lines total more than a book accepts (\(Limits.amount))")
    }
  }

  func checkDraft(_ invoice: Invoice) throws(BookError) {
    try checkText(
      [
        (invoice.reference, "reference"), (invoice.text, "text"),
        (invoice.externalId, "externalId"),
      ]
        + invoice.lines.flatMap { [($0.description, "description"), ($0.unit, "unit")] },
      subject: .none)
    try checkDay(invoice.invoiceDate, "the invoice date")
    try checkDay(invoice.dueDate, "the due date")
    try checkLines(invoice.lines)
    if let rate = invoice.exchangeRate, !Limits.contains(rate: rate) {
      throw BookError(
        .invalidExchangeRate, .none,
        "an exchange rate of \(rate) SEK is not believable; rates are \(Limits.smallestRate) to \(Limits.largestRate)"
      )
    }
    guard customers[invoice.customer] != nil else {
      throw BookError(
        .noSuchCustomer, .customer(invoice.customer), "no customer \(invoice.customer)")
    }
    guard invoice.dueDate >= invoice.invoiceDate else {
      throw BookError(
        .dueBeforeInvoiceDate, .none,
        "the due date \(invoice.dueDate) is before the invoice date \(invoice.invoiceDate)")
    }
    guard !invoice.lines.isEmpty else {
      throw BookError(.noLines, .none, "an invoice needs at least one line")
    }
    if let reminderDate = invoice.reminderDate {
      try checkDay(reminderDate, "the reminder date")
      guard reminderDate > invoice.dueDate, invoice.kind == .invoice else {
        throw BookError(
          .invalidReminderDate, ErrorSubject().with(field: "reminderDate"),
          "a reminder date is for an invoice, after its due date \(invoice.dueDate); \(reminderDate) is not"
        )
      }
    }
    if invoice.currency != "SEK" && invoice.exchangeRate == nil {
      throw BookError(
        .exchangeRateMissing, .none,
        "an invoice in \(invoice.currency) needs an exchange rate to SEK")
    }
    if let rate = invoice.exchangeRate, rate <= .zero {
      throw BookError(.invalidExchangeRate, .none, "an exchange rate must be more than zero")
    }
    for (index, line) in invoice.lines.enumerated() {
      if let code = line.costCentre, costCentres[code] == nil {
        throw BookError(
          .noSuchCostCentre, ErrorSubject.costCentre(code).with(line: index + 1),
          "line \(index + 1): no cost centre \(code)")
      }
      if let code = line.project, projects[code] == nil {
        throw BookError(
          .noSuchProject, ErrorSubject.project(code).with(line: index + 1),
          "line \(index + 1): no project \(code)")
      }
      if let product = line.product, products[product] == nil {
        throw BookError(
          .noSuchProduct, ErrorSubject.product(product).with(line: index + 1),
          "line \(index + 1): no product \(product)")
      }
      if let discount = line.discountPercent, discount < .zero || discount > ExactDecimal(100) {
        throw BookError(
          .invalidDiscount, .line(index + 1), "line \(index + 1): a discount is 0 to 100 percent")
      }
      switch invoice.kind {
      case .invoice:
        guard line.quantity > .zero else {
          throw BookError(
            .invalidQuantity, .line(index + 1),
            "line \(index + 1): the quantity must be more than zero on an invoice (credit with a credit note)"
          )
        }
        guard line.unitPrice >= .zero else {
          throw BookError(
            .negativePrice, .line(index + 1),
            "line \(index + 1): the price \(line.unitPrice) is negative; an invoice charges (credit with a credit note, or give a discount)"
          )
        }
      case .credit, .creditNote:
        guard line.net <= .zero else {
          throw BookError(
            .invalidQuantity, .line(index + 1), "line \(index + 1): a credit's lines are negative")
        }
      }
    }
    if case .creditNote(let original) = invoice.kind {
      guard let source = invoices[original], source.state != .draft, source.invoice.kind == .invoice
      else {
        throw BookError(
          .creditNoteSource, .invoice("d\(original)"),
          "a credit note credits an attested invoice; id \(original) is none")
      }
      guard source.invoice.customer == invoice.customer else {
        throw BookError(
          .creditNoteCustomer, .none, "a credit note is for the customer of the invoice it credits")
      }
    }
  }

  /// A correction is paid out, paused and cancelled with its original, never alone.
  func refuseCorrection(_ record: SelfInvoiceRecord) throws(BookError) {
    guard let original = record.selfInvoice.corrects else { return }
    let name = selfInvoices[original]?.selfInvoice.displayName ?? "d\(original)"
    throw BookError(
      .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
      "\(record.selfInvoice.displayName) corrects \(name); its payout is the original's")
  }

  /// A correction names an attested, unpaid self-invoice of the same payee that is not a
  /// correction itself, and leaves more than zero to pay out.
  func checkCorrection(_ correction: SelfInvoice, of original: Int) throws(BookError) {
    guard let record = selfInvoices[original], record.selfInvoice.corrects == nil,
      record.state == .attested || record.state == .paused,
      record.selfInvoice.payee == correction.payee
    else {
      throw BookError(
        .correctionNotAllowed, .selfInvoice("d\(correction.id)"),
        "a correction is made to an attested, unpaid self-invoice of the same payee (not to d\(original) as it stands)"
      )
    }
    guard record.payoutAmount + correction.totals.total > .zero else {
      throw BookError(
        .correctionNotAllowed, .selfInvoice(record.selfInvoice.displayName),
        "\(record.selfInvoice.displayName) pays out \(record.payoutAmount); a correction of \(correction.totals.total) leaves nothing to pay (cancel it instead)"
      )
    }
  }

  func checkSelfInvoice(_ selfInvoice: SelfInvoice) throws(BookError) {
    try checkDay(selfInvoice.invoiceDate, "the invoice date")
    try checkDay(selfInvoice.payoutDate, "the payout date")
    try checkLines(selfInvoice.lines)
    guard customers[selfInvoice.payee] != nil else {
      throw BookError(
        .noSuchCustomer, .customer(selfInvoice.payee),
        "no payee \(selfInvoice.payee) in the customer register")
    }
    guard !selfInvoice.lines.isEmpty else {
      throw BookError(.noLines, .none, "a self-invoice needs at least one line")
    }
    guard selfInvoice.payoutDate >= selfInvoice.invoiceDate else {
      throw BookError(
        .payoutBeforeInvoiceDate, .none, "the payout cannot come before the invoice date")
    }
    // A correction takes back with negative quantities.
    for (index, line) in selfInvoice.lines.enumerated()
    where line.quantity <= .zero && (selfInvoice.corrects == nil || line.quantity.isZero) {
      throw BookError(
        .invalidQuantity, .line(index + 1), "line \(index + 1): the quantity must be more than zero"
      )
    }
  }
}
