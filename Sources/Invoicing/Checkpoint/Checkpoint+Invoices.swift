import Basics

// The checkpoint form of invoices and what happened to them: every stored field, in order.
// A field added to one of these types is added here too; `CheckpointTests` compares every
// stored field of a checkpointed state with a replayed one and finds one left out.

extension CheckpointWriter {
  mutating func vatRate(_ rate: VATRate) { count(rate.percent) }

  mutating func line(_ line: InvoiceLine) {
    optional(line.product) { $0.string($1) }
    string(line.description)
    decimal(line.quantity)
    string(line.unit)
    amount(line.unitPrice)
    optional(line.discountPercent) { $0.decimal($1) }
    vatRate(line.vatRate)
    choice(line.kind)
    optional(line.costCentre) { $0.string($1) }
    optional(line.project) { $0.string($1) }
    array(line.parts) { writer, part in
      writer.string(part.product)
      writer.choice(part.kind)
      writer.amount(part.net)
      writer.vatRate(part.vatRate)
    }
    choice(line.category)
  }

  mutating func invoice(_ invoice: Invoice) {
    count(invoice.id)
    switch invoice.kind {
    case .invoice: count(0)
    case .credit: count(1)
    case .creditNote(let original):
      count(2)
      count(original)
    }
    optional(invoice.number) { $0.count($1) }
    optional(invoice.externalId) { $0.string($1) }
    string(invoice.customer)
    day(invoice.invoiceDate)
    day(invoice.dueDate)
    array(invoice.lines) { $0.line($1) }
    string(invoice.currency)
    optional(invoice.exchangeRate) { $0.decimal($1) }
    choice(invoice.saleType)
    bool(invoice.roundToKronor)
    optional(invoice.ocr) { $0.string($1) }
    optional(invoice.reference) { $0.string($1) }
    optional(invoice.text) { $0.string($1) }
    optional(invoice.reminderDate) { $0.day($1) }
    array(invoice.attachments) { writer, attachment in
      writer.string(attachment.hash)
      writer.string(attachment.fileName)
      writer.choice(attachment.placement)
      writer.count(attachment.size)
    }
  }

  mutating func payment(_ payment: AppliedPayment) {
    count(payment.payment)
    day(payment.date)
    string(payment.means.rawValue)
    amount(payment.received)
    amount(payment.applied)
    amount(payment.rounding)
    amount(payment.overpaid)
    amount(payment.recovered)
    optional(payment.receivedSEK) { $0.amount($1) }
    optional(payment.incoming) { $0.string($1) }
    optional(payment.reversedOn) { $0.day($1) }
  }

  mutating func record(_ record: InvoiceRecord) {
    invoice(record.invoice)
    choice(record.state)
    optional(record.attestedOn) { $0.day($1) }
    array(record.reminders) {
      $0.day($1.date)
      $0.amount($1.fee)
    }
    array(record.reminderStatements) {
      $0.amount($1.paid)
      $0.amount($1.credited)
    }
    optional(record.collectionDate) { $0.day($1) }
    array(record.payments) { $0.payment($1) }
    array(record.credits) {
      $0.day($1.date)
      $0.amount($1.amount)
      $0.count($1.source)
    }
    optional(record.writeOff) {
      $0.day($1.date)
      $0.amount($1.amount)
    }
    optional(record.doubtfulOn) { $0.day($1) }
    optional(record.closedOn) { $0.day($1) }
    optional(record.sharedRecipient) { $0.customer($1) }
    optional(record.issuedUnder) { $0.count($1) }
  }
}

extension CheckpointReader {
  /// Lines whose amounts a book can total (what ``BookState`` checks of every document).
  static func checkLines(_ lines: [InvoiceLine]) throws(CheckpointDamage) {
    do {
      try BookState.checkLines(lines)
    } catch {
      throw CheckpointDamage(error.message)
    }
  }

  mutating func vatRate() throws(CheckpointDamage) -> VATRate {
    let percent = try count()
    guard let rate = VATRate(percent: percent) else {
      throw CheckpointDamage("\(percent) % is not a VAT rate")
    }
    return rate
  }

  mutating func line() throws(CheckpointDamage) -> InvoiceLine {
    let product = try optional { r throws(CheckpointDamage) in try r.string() }
    let description = try string()
    let quantity = try decimal()
    let unit = try string()
    let unitPrice = try amount()
    let discount = try optional { r throws(CheckpointDamage) in try r.decimal() }
    let rate = try vatRate()
    let kind = try choice(ProductKind.self)
    let costCentre = try optional { r throws(CheckpointDamage) in try r.string() }
    let project = try optional { r throws(CheckpointDamage) in try r.string() }
    let parts = try array { r throws(CheckpointDamage) in
      LinePart(
        product: try r.string(), kind: try r.choice(ProductKind.self), net: try r.amount(),
        vatRate: try r.vatRate())
    }
    return InvoiceLine(
      product: product, description: description, quantity: quantity, unit: unit,
      unitPrice: unitPrice, discountPercent: discount, vatRate: rate, kind: kind,
      costCentre: costCentre, project: project, parts: parts,
      category: try choice(LineCategory.self))
  }

  mutating func invoice() throws(CheckpointDamage) -> Invoice {
    let id = try count()
    let kind: InvoiceKind
    switch try count() {
    case 0: kind = .invoice
    case 1: kind = .credit
    case 2: kind = .creditNote(of: try count())
    case let other: throw CheckpointDamage("invoice kind \(other)")
    }
    let number = try optional { r throws(CheckpointDamage) in try r.count() }
    let externalId = try optional { r throws(CheckpointDamage) in try r.string() }
    var invoice = Invoice(
      id: id, kind: kind, customer: try string(), invoiceDate: try day(), dueDate: try day(),
      lines: try array { r throws(CheckpointDamage) in try r.line() }, currency: try string(),
      exchangeRate: try optional { r throws(CheckpointDamage) in try r.decimal() },
      saleType: try choice(SaleType.self), roundToKronor: try bool(), externalId: externalId)
    invoice.number = number
    invoice.ocr = try optional { r throws(CheckpointDamage) in try r.string() }
    invoice.reference = try optional { r throws(CheckpointDamage) in try r.string() }
    invoice.text = try optional { r throws(CheckpointDamage) in try r.string() }
    invoice.reminderDate = try optional { r throws(CheckpointDamage) in try r.day() }
    if checksLines { try Self.checkLines(invoice.lines) }
    if let rate = invoice.exchangeRate, !Limits.contains(rate: rate) {
      throw CheckpointDamage("exchange rate \(rate) is past the limits")
    }
    invoice.attachments = try array { r throws(CheckpointDamage) in
      Attachment(
        hash: try r.string(), fileName: try r.string(),
        placement: try r.choice(Attachment.Placement.self), size: try r.count())
    }
    return invoice
  }

  mutating func payment() throws(CheckpointDamage) -> AppliedPayment {
    AppliedPayment(
      payment: try count(), date: try day(), means: PaymentMeans(rawValue: try string()),
      received: try amount(), applied: try amount(), rounding: try amount(),
      overpaid: try amount(), recovered: try amount(),
      receivedSEK: try optional { r throws(CheckpointDamage) in try r.amount() },
      incoming: try optional { r throws(CheckpointDamage) in try r.string() },
      reversedOn: try optional { r throws(CheckpointDamage) in try r.day() })
  }

  mutating func record() throws(CheckpointDamage) -> InvoiceRecord {
    InvoiceRecord(
      invoice: try invoice(), state: try choice(InvoiceState.self),
      attestedOn: try optional { r throws(CheckpointDamage) in try r.day() },
      reminders: try array { r throws(CheckpointDamage) in (try r.day(), try r.amount()) },
      reminderStatements: try array { r throws(CheckpointDamage) in
        (try r.amount(), try r.amount())
      },
      collectionDate: try optional { r throws(CheckpointDamage) in try r.day() },
      payments: try array { r throws(CheckpointDamage) in try r.payment() },
      credits: try array { r throws(CheckpointDamage) in
        (try r.day(), try r.amount(), try r.count())
      },
      writeOff: try optional { r throws(CheckpointDamage) in (try r.day(), try r.amount()) },
      doubtfulOn: try optional { r throws(CheckpointDamage) in try r.day() },
      closedOn: try optional { r throws(CheckpointDamage) in try r.day() },
      recipient: try optional { r throws(CheckpointDamage) in try r.sharedCustomer() },
      issuedUnder: try optional { r throws(CheckpointDamage) in try r.count() })
  }
}
