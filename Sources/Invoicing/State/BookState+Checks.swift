import Basics

/// The checks events pass before they change the state.
extension BookState {
  /// Refuses text with control characters (names, addresses, line texts).
  func checkText(_ values: [(String?, String)], subject: @autoclosure () -> ErrorSubject)
    throws(BookError)
  {
    for (value, field) in values { try checkText(value, field, subject: subject()) }
  }

  /// The subject is made only for the error: every text of every event replayed passes here.
  func checkText(_ value: String?, _ field: String, subject: @autoclosure () -> ErrorSubject)
    throws(BookError)
  {
    if let value, value.hasControlCharacters {
      throw BookError(
        .controlCharacters, subject().with(field: field),
        "\(field) holds a control character (a line break, tab, escape or NUL); write it on one line without them"
      )
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
  static func checkLines(_ lines: [InvoiceLine]) throws(BookError) {
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
    // Field by field rather than through a list: every draft replayed passes here.
    try checkText(invoice.reference, "reference", subject: .none)
    try checkText(invoice.text, "text", subject: .none)
    try checkText(invoice.externalId, "externalId", subject: .none)
    for line in invoice.lines {
      try checkText(line.description, "description", subject: .none)
      try checkText(line.unit, "unit", subject: .none)
    }
    try checkDay(invoice.invoiceDate, "the invoice date")
    try checkDay(invoice.dueDate, "the due date")
    try Self.checkLines(invoice.lines)
    if let rate = invoice.exchangeRate, !Limits.contains(rate: rate) {
      throw BookError(
        .invalidExchangeRate, .none,
        "an exchange rate of \(rate) SEK is not believable; rates are \(Limits.smallestRate) to \(Limits.largestRate)"
      )
    }
    guard customers.contains(key: invoice.customer) else {
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
      if let code = line.costCentre, !costCentres.contains(key: code) {
        throw BookError(
          .noSuchCostCentre, ErrorSubject.costCentre(code).with(line: index + 1),
          "line \(index + 1): no cost centre \(code)")
      }
      if let code = line.project, !projects.contains(key: code) {
        throw BookError(
          .noSuchProject, ErrorSubject.project(code).with(line: index + 1),
          "line \(index + 1): no project \(code)")
      }
      if let product = line.product, !products.contains(key: product) {
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
}
