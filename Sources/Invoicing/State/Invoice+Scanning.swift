import Basics

// Invoices read straight from a journal line's bytes (see `Journal.scanLine`): the same values
// `init(json:)` reads, or `nil` for anything it would read differently or refuse, which is then
// left to it.

extension Invoice {
  init?(scanning scanner: inout JSONScanner) {
    var id: Int?
    var kind: String?
    var credits: Int?
    var number: Int?
    var externalId: String?
    var customer: String?
    var invoiceDate: Day?
    var dueDate: Day?
    var lines: [InvoiceLine]?
    var currency: String?
    var exchangeRate: ExactDecimal?
    var saleType: SaleType?
    var roundToKronor: Bool?
    var ocr: String?
    var reference: String?
    var text: String?
    var reminderDate: Day?
    var attachments: [Attachment]?
    let read = scanner.readObject { scanner, key in
      switch key {
      case "id": scanner.read(&id)
      case "kind": scanner.read(&kind)
      case "credits": scanner.read(&credits)
      case "number": scanner.read(&number)
      case "externalId": scanner.read(&externalId)
      case "customer": scanner.read(&customer)
      case "invoiceDate": scanner.read(&invoiceDate)
      case "dueDate": scanner.read(&dueDate)
      case "lines": scanner.read(&lines) { InvoiceLine(scanning: &$0) }
      case "currency": scanner.read(&currency)
      case "exchangeRate": scanner.read(&exchangeRate)
      case "saleType": scanner.read(&saleType)
      case "roundToKronor": scanner.read(&roundToKronor)
      case "ocr": scanner.read(&ocr)
      case "reference": scanner.read(&reference)
      case "text": scanner.read(&text)
      case "reminderDate": scanner.read(&reminderDate)
      case "attachments": scanner.read(&attachments) { Attachment(scanning: &$0) }
      default: false
      }
    }
    guard read, let id, let kindName = kind, let customer, let invoiceDate, let dueDate,
      let currency, let saleType
    else { return nil }
    let invoiceKind: InvoiceKind
    switch kindName {
    case "invoice": invoiceKind = .invoice
    case "credit": invoiceKind = .credit
    case "creditNote":
      guard let credits else { return nil }
      invoiceKind = .creditNote(of: credits)
    default: return nil
    }
    self.init(
      id: id, kind: invoiceKind, customer: customer, invoiceDate: invoiceDate, dueDate: dueDate,
      lines: lines ?? [], currency: currency, exchangeRate: exchangeRate, saleType: saleType,
      roundToKronor: roundToKronor ?? false, externalId: externalId, reference: reference,
      text: text, reminderDate: reminderDate)
    self.number = number
    self.ocr = ocr
    self.attachments = attachments ?? []
  }
}

extension InvoiceLine {
  init?(scanning scanner: inout JSONScanner) {
    var product: String?
    var description: String?
    var quantity: ExactDecimal?
    var unit: String?
    var unitPrice: Amount?
    var discountPercent: ExactDecimal?
    var vatRate: Int?
    var kind: ProductKind?
    var costCentre: String?
    var project: String?
    var parts: [LinePart]?
    var category: LineCategory?
    let read = scanner.readObject { scanner, key in
      switch key {
      case "description": scanner.read(&description)
      case "quantity": scanner.read(&quantity)
      case "unit": scanner.read(&unit)
      case "unitPrice": scanner.read(&unitPrice)
      case "vatRate": scanner.read(&vatRate)
      case "kind": scanner.read(&kind)
      case "product": scanner.read(&product)
      case "discountPercent": scanner.read(&discountPercent)
      case "costCentre": scanner.read(&costCentre)
      case "project": scanner.read(&project)
      case "category": scanner.read(&category)
      case "parts": scanner.read(&parts) { LinePart(scanning: &$0) }
      default: false
      }
    }
    guard read, let description, let quantity, let unit, let unitPrice, let kind,
      let rate = VATRate.scanned(vatRate)
    else { return nil }
    self.init(
      product: product, description: description, quantity: quantity, unit: unit,
      unitPrice: unitPrice, discountPercent: discountPercent, vatRate: rate, kind: kind,
      costCentre: costCentre, project: project, parts: parts ?? [], category: category ?? .sale)
  }
}

extension LinePart {
  init?(scanning scanner: inout JSONScanner) {
    var product: String?
    var kind: ProductKind?
    var net: Amount?
    var vatRate: Int?
    guard
      scanner.readObject({ scanner, key in
        switch key {
        case "product": scanner.read(&product)
        case "kind": scanner.read(&kind)
        case "net": scanner.read(&net)
        case "vatRate": scanner.read(&vatRate)
        default: false
        }
      }), let product, let kind, let net, let rate = VATRate.scanned(vatRate)
    else { return nil }
    self.init(product: product, kind: kind, net: net, vatRate: rate)
  }
}

extension Attachment {
  init?(scanning scanner: inout JSONScanner) {
    var hash: String?
    var fileName: String?
    var placement: Placement?
    var size: Int?
    guard
      scanner.readObject({ scanner, key in
        switch key {
        case "hash": scanner.read(&hash)
        case "fileName": scanner.read(&fileName)
        case "placement": scanner.read(&placement)
        case "size": scanner.read(&size)
        default: false
        }
      }), let hash, let fileName, let placement, let size
    else { return nil }
    self.init(hash: hash, fileName: fileName, placement: placement, size: size)
  }
}

extension VATRate {
  /// The rate a line names by its percent, the standard rate when it names none, `nil` for a
  /// percent that is no Swedish rate.
  static func scanned(_ percent: Int?) -> VATRate? {
    guard let percent else { return .standard }
    return VATRate(percent: percent)
  }
}
