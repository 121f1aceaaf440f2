import Basics

/// A unit of change to a book: commands are checked against a working copy of the state and
/// turned into events; ``Book/commit(_:)`` writes them as one journal line, or nothing.
///
/// ```swift
/// try book.transact { tx in
///   let id = try tx.draft(InvoiceInput(customer: "K1", invoiceDate: day, lines: [LineInput(product: "TJ", quantity: 8)]))
///   try tx.attest(id, on: day)
/// }
/// ```
public struct BookTransaction: Sendable {
  public private(set) var state: BookState
  public private(set) var events: [Event] = []
  /// The number of events of the state the transaction started from.
  let baseEventCount: Int

  public init(state: BookState) {
    self.state = state
    baseEventCount = state.eventCount
  }

  /// Applies an event to the working state and keeps it.
  public mutating func record(_ event: Event) throws(BookError) {
    // Nothing is dated before the first fiscal year (checked on entry only: books written
    // earlier keep what they hold).
    if let first = state.settings.firstFiscalYear, let day = event.earliestDay, day < first.start {
      throw BookError(
        .invalidDate, .field("date"),
        "\(day) is before the first fiscal year (\(first.start) – \(first.end))")
    }
    // A payout amount set by hand left a payable behind; amounts change by correction now
    // (books written earlier keep theirs).
    if case .payoutChanged(let id, _, _?) = event {
      let name = state.selfInvoices[id]?.selfInvoice.displayName ?? "d\(id)"
      throw BookError(
        .payoutAmountFixed, .selfInvoice(name),
        "the payout of \(name) is its total; change it with a correction: sietool self-invoice correct \(name) --line …"
      )
    }
    try state.applyWithinLine(event)
    events.append(event)
  }

  // MARK: Registers

  public mutating func addCustomer(_ customer: Customer) throws(BookError) {
    try record(.customerAdded(customer))
  }
  public mutating func updateCustomer(_ customer: Customer) throws(BookError) {
    try record(.customerUpdated(customer))
  }
  public mutating func addProduct(_ product: Product) throws(BookError) {
    try record(.productAdded(product))
  }
  public mutating func updateProduct(_ product: Product) throws(BookError) {
    try record(.productUpdated(product))
  }
  public mutating func addCostCentre(_ entry: DimensionEntry) throws(BookError) {
    try record(.costCentreAdded(entry))
  }
  public mutating func addProject(_ entry: DimensionEntry) throws(BookError) {
    try record(.projectAdded(entry))
  }

  // MARK: Invoices

  /// Drafts an invoice or standalone credit; returns its id.
  @discardableResult
  public mutating func draft(_ input: InvoiceInput) throws(BookError) -> Int {
    let invoice = try makeInvoice(input, id: state.nextInvoiceID)
    try record(.invoiceDrafted(invoice))
    return invoice.id
  }

  /// Replaces a draft's content.
  public mutating func updateDraft(_ id: Int, with input: InvoiceInput) throws(BookError) {
    guard let record = state.invoices[id] else {
      throw BookError(.noSuchInvoice, .invoice("d\(id)"), "no invoice with id \(id)")
    }
    var invoice = try makeInvoice(input, id: id)
    invoice.kind = record.invoice.kind
    invoice.attachments = record.invoice.attachments
    try self.record(.draftUpdated(invoice))
  }

  public mutating func deleteDraft(_ id: Int) throws(BookError) {
    try record(.draftDeleted(id: id))
  }

  /// Attests a draft: it gets the next invoice number and its OCR reference. Returns the number.
  @discardableResult
  public mutating func attest(_ id: Int, on date: Day) throws(BookError) -> Int {
    let number = state.nextInvoiceNumber
    try record(
      .invoiceAttested(
        id: id, number: number, ocr: state.settings.ocr.reference(for: number), date: date))
    return number
  }

  /// Sends a reminder; the fee defaults to the customer's (or creditor's) reminder fee.
  public mutating func remind(_ id: Int, on date: Day, fee: Amount? = nil) throws(BookError) {
    let customer = state.invoices[id].flatMap { state.customers[$0.invoice.customer] }
    try record(
      .reminderSent(
        id: id, date: date, fee: fee ?? customer?.reminderFee ?? state.settings.reminderFee))
  }

  public mutating func sendToCollection(_ id: Int, on date: Day) throws(BookError) {
    try record(.sentToCollection(id: id, date: date))
  }

  /// Registers a payment; returns its id.
  @discardableResult
  public mutating func pay(
    _ id: Int, amount: Amount, on date: Day, means: PaymentMeans = .bankgiro,
    amountSEK: Amount? = nil
  ) throws(BookError) -> Int {
    let paymentID = state.nextPaymentID
    try record(
      .paymentRegistered(
        PaymentEvent(
          id: paymentID, invoice: id, date: date, amount: amount, means: means, amountSEK: amountSEK
        )))
    return paymentID
  }

  public mutating func writeOff(_ id: Int, on date: Day) throws(BookError) {
    try record(.writtenOff(id: id, date: date))
  }

  public mutating func offset(credit: Int, invoice: Int, on date: Day) throws(BookError) {
    try record(.offset(credit: credit, invoice: invoice, date: date))
  }

  public mutating func refund(customer: String, amount: Amount, on date: Day) throws(BookError) {
    try record(.refunded(customer: customer, amount: amount, date: date))
  }

  /// Drafts a credit note mirroring an attested invoice (all lines, or the chosen ones with
  /// their quantities); returns its id. Attesting it credits the invoice.
  @discardableResult
  public mutating func draftCreditNote(for id: Int, selection: CreditSelection, on date: Day)
    throws(BookError) -> Int
  {
    guard let source = state.invoices[id], source.state != .draft, source.invoice.kind == .invoice
    else {
      throw BookError(
        .creditNotAllowed, .invoice("d\(id)"), "only an attested invoice can be credited")
    }
    var lines = [InvoiceLine]()
    switch selection {
    case .whole:
      lines = source.invoice.lines.map { Self.mirrored($0, quantity: nil) }
    case .lines(let chosen):
      for (line, quantity) in chosen {
        guard (1...source.invoice.lines.count).contains(line) else {
          throw BookError(
            .noSuchLine, ErrorSubject.invoice(source.invoice.displayName).with(line: line),
            "invoice \(source.invoice.displayName) has no line \(line)")
        }
        let original = source.invoice.lines[line - 1]
        if let quantity, quantity <= .zero || quantity > original.quantity {
          throw BookError(
            .invalidQuantity, ErrorSubject.invoice(source.invoice.displayName).with(line: line),
            "line \(line): credit a quantity above zero and at most \(original.quantity)")
        }
        lines.append(Self.mirrored(original, quantity: quantity))
      }
    }
    var note = source.invoice
    note.id = state.nextInvoiceID
    note.kind = .creditNote(of: id)
    note.number = nil
    note.ocr = nil
    note.externalId = nil
    note.invoiceDate = date
    note.dueDate = date
    note.lines = lines
    note.attachments = []
    note.text = "Kredit av faktura \(source.invoice.displayName)"
    try record(.invoiceDrafted(note))
    return note.id
  }

  static func mirrored(_ line: InvoiceLine, quantity: ExactDecimal?) -> InvoiceLine {
    var mirrored = line
    mirrored.quantity = -(quantity ?? line.quantity)
    if !line.parts.isEmpty {
      let net = mirrored.net
      let weights = line.parts.map(\.net)
      let split = net.allocated(proportionallyTo: weights)
      mirrored.parts = zip(line.parts, split).map { part, amount in
        var part = part
        part.net = amount
        return part
      }
    }
    return mirrored
  }

  public mutating func attach(_ attachment: Attachment, to id: Int) throws(BookError) {
    try record(.attachmentAdded(invoice: id, attachment))
  }

  // MARK: Self-invoices

  @discardableResult
  public mutating func draftSelfInvoice(
    payee: String, invoiceDate: Day, payoutDate: Day? = nil, lines: [LineInput],
    text: String? = nil,
    externalId: String? = nil
  ) throws(BookError) -> Int {
    guard state.customers.contains(key: payee) else {
      throw BookError(
        .noSuchCustomer, .customer(payee), "no payee \(payee) in the customer register")
    }
    let built = try lines.enumerated().map { index, line throws(BookError) in
      try makeLine(line, index: index, saleType: .domestic, allowNegative: false)
    }
    let selfInvoice = SelfInvoice(
      id: state.nextSelfInvoiceID, payee: payee, invoiceDate: invoiceDate,
      payoutDate: payoutDate ?? invoiceDate.adding(days: state.settings.paymentTermsDays),
      lines: built,
      text: text, externalId: externalId)
    try record(.selfInvoiceDrafted(selfInvoice))
    return selfInvoice.id
  }

  /// Drafts a correction (rättelse) of attested self-invoice `original`: lines with negative
  /// quantities take back, positive ones add; attested, it changes what the original pays out.
  public mutating func draftSelfInvoiceCorrection(
    of original: Int, date: Day, lines: [LineInput], text: String? = nil
  ) throws(BookError) -> Int {
    guard let record = state.selfInvoices[original] else {
      throw BookError(
        .noSuchSelfInvoice, .selfInvoice("d\(original)"), "no self-invoice with id \(original)")
    }
    let built = try lines.enumerated().map { index, line throws(BookError) in
      try makeLine(line, index: index, saleType: .domestic, allowNegative: true)
    }
    let correction = SelfInvoice(
      id: state.nextSelfInvoiceID, payee: record.selfInvoice.payee, invoiceDate: date,
      payoutDate: max(record.selfInvoice.payoutDate, date), lines: built, text: text,
      corrects: original)
    try self.record(.selfInvoiceDrafted(correction))
    return correction.id
  }

  @discardableResult
  public mutating func attestSelfInvoice(_ id: Int, on date: Day) throws(BookError) -> String {
    guard let record = state.selfInvoices[id] else {
      throw BookError(.noSuchSelfInvoice, .selfInvoice("d\(id)"), "no self-invoice with id \(id)")
    }
    let payee = record.selfInvoice.payee
    let number = SelfInvoice.number(payee: payee, sequence: (state.payeeSequences[payee] ?? 0) + 1)
    try self.record(.selfInvoiceAttested(id: id, number: number, date: date))
    return number
  }

  // MARK: Building invoices

  func makeInvoice(_ input: InvoiceInput, id: Int) throws(BookError) -> Invoice {
    guard let customer = state.customers[input.customer] else {
      throw BookError(.noSuchCustomer, .customer(input.customer), "no customer \(input.customer)")
    }
    let settings = state.settings
    let saleType: SaleType =
      switch customer.market {
      case .domestic: customer.reverseCharge ? .reverseCharge : .domestic
      case .eu: .eu
      case .nonEU: .export
      }
    let lines = try input.lines.enumerated().map { index, line throws(BookError) in
      try makeLine(line, index: index, saleType: saleType, allowNegative: input.isCredit)
    }
    let terms = customer.paymentTermsDays ?? settings.paymentTermsDays
    let currency = input.currency ?? customer.currency ?? settings.currency
    var invoice = Invoice(
      id: id, kind: input.isCredit ? .credit : .invoice, customer: customer.number,
      invoiceDate: input.invoiceDate,
      dueDate: input.dueDate ?? input.invoiceDate.adding(days: terms),
      lines: lines, currency: currency, exchangeRate: currency == "SEK" ? nil : input.exchangeRate,
      saleType: saleType, roundToKronor: settings.roundToKronor, externalId: input.externalId,
      reference: input.reference, text: input.text, reminderDate: input.reminderDate)
    if currency == "SEK" && input.exchangeRate != nil && input.exchangeRate != .one {
      throw BookError(
        .invalidExchangeRate, .none,
        "an exchange rate is only for invoices in another currency than SEK")
    }
    invoice.exchangeRate = currency == "SEK" ? nil : input.exchangeRate
    return invoice
  }

  func makeLine(_ input: LineInput, index: Int, saleType: SaleType, allowNegative: Bool)
    throws(BookError) -> InvoiceLine
  {
    let label = "line \(index + 1)"
    if !allowNegative && input.quantity <= .zero {
      throw BookError(
        .invalidQuantity, .line(index + 1),
        "\(label): the quantity must be more than zero (a credit note or a credit takes negative ones)"
      )
    }
    if input.quantity.isZero {
      throw BookError(.invalidQuantity, .line(index + 1), "\(label): the quantity cannot be zero")
    }
    var line: InvoiceLine
    if input.category == .interest {
      guard input.product == nil else {
        throw BookError(.invalidLine, .line(index + 1), "\(label): an interest line has no product")
      }
      guard let price = input.unitPrice else {
        throw BookError(
          .invalidLine, .line(index + 1), "\(label): an interest line needs an amount (unit price)")
      }
      guard input.vatRate == nil || input.vatRate == .zero else {
        throw BookError(
          .invalidLine, .line(index + 1),
          "\(label): interest carries no VAT; leave the VAT rate out or give 0")
      }
      line = InvoiceLine(
        description: input.description ?? "Dröjsmålsränta", quantity: input.quantity,
        unit: input.unit ?? "st", unitPrice: price, vatRate: .zero, costCentre: input.costCentre,
        project: input.project, category: .interest)
    } else if let number = input.product {
      guard let product = state.products[number] else {
        throw BookError(
          .noSuchProduct, ErrorSubject.product(number).with(line: index + 1),
          "\(label): no product \(number)")
      }
      line = InvoiceLine(
        product: number, description: input.description ?? product.name, quantity: input.quantity,
        unit: input.unit ?? product.unit, unitPrice: input.unitPrice ?? product.unitPrice,
        discountPercent: input.discountPercent, vatRate: input.vatRate ?? product.vatRate,
        kind: product.kind,
        costCentre: input.costCentre, project: input.project)
      if product.kind == .package {
        var components = [(product: Product, share: ExactDecimal)]()
        for component in product.components {
          guard let part = state.products[component.product] else {
            throw BookError(
              .noSuchProduct, ErrorSubject.product(component.product).with(line: index + 1),
              "\(label): package \(number) has an unknown component \(component.product)")
          }
          components.append((part, component.share))
        }
        line.parts = InvoiceLine.split(line.net, over: components)
      }
    } else {
      guard let description = input.description, !description.trimmingBlanks.isEmpty else {
        throw BookError(
          .invalidLine, .line(index + 1), "\(label): a line without a product needs a description")
      }
      guard let price = input.unitPrice else {
        throw BookError(
          .invalidLine, .line(index + 1), "\(label): a line without a product needs a unit price")
      }
      guard let rate = input.vatRate else {
        throw BookError(
          .invalidLine, .line(index + 1), "\(label): a line without a product needs a VAT rate")
      }
      line = InvoiceLine(
        description: description, quantity: input.quantity, unit: input.unit ?? "st",
        unitPrice: price,
        discountPercent: input.discountPercent, vatRate: rate, costCentre: input.costCentre,
        project: input.project)
    }
    if saleType != .domestic {
      line.vatRate = .zero
      for index in line.parts.indices { line.parts[index].vatRate = .zero }
    }
    if let code = input.costCentre, !state.costCentres.contains(key: code) {
      throw BookError(
        .noSuchCostCentre, ErrorSubject.costCentre(code).with(line: index + 1),
        "\(label): no cost centre \(code)")
    }
    if let code = input.project, !state.projects.contains(key: code) {
      throw BookError(
        .noSuchProject, ErrorSubject.project(code).with(line: index + 1),
        "\(label): no project \(code)")
    }
    return line
  }
}
