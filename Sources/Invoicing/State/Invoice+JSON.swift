import Basics

extension InvoiceLine {
  var jsonValue: JSONValue {
    var object: JSONObject = [
      "description": .string(description), "quantity": quantity.jsonValue, "unit": .string(unit),
      "unitPrice": unitPrice.jsonValue, "vatRate": .integer(vatRate.percent),
      "kind": .string(kind.rawValue),
    ]
    object.set("product", product.map(JSONValue.string))
    object.set("discountPercent", discountPercent?.jsonValue)
    object.set("costCentre", costCentre.map(JSONValue.string))
    object.set("project", project.map(JSONValue.string))
    if category != .sale { object["category"] = .string(category.rawValue) }
    if !parts.isEmpty {
      object["parts"] = .array(
        parts.map {
          .object([
            "product": .string($0.product), "kind": .string($0.kind.rawValue),
            "net": $0.net.jsonValue, "vatRate": .integer($0.vatRate.percent),
          ])
        })
    }
    return .object(object)
  }

  init(json: JSONReader) throws {
    self.init(
      product: try json.optionalString("product"), description: try json.string("description"),
      quantity: try json.decimal("quantity"), unit: try json.string("unit"),
      unitPrice: try json.amount("unitPrice"),
      discountPercent: try json.optionalDecimal("discountPercent"),
      vatRate: try Product.vatRate(json, "vatRate") ?? .standard,
      kind: try json.choice("kind", as: ProductKind.self),
      costCentre: try json.optionalString("costCentre"),
      project: try json.optionalString("project"),
      parts: try json.array("parts") { part in
        LinePart(
          product: try part.string("product"), kind: try part.choice("kind", as: ProductKind.self),
          net: try part.amount("net"), vatRate: try Product.vatRate(part, "vatRate") ?? .standard)
      },
      category: try json.optionalChoice("category", as: LineCategory.self) ?? .sale)
  }
}

extension Attachment {
  var jsonValue: JSONValue {
    .object([
      "hash": .string(hash), "fileName": .string(fileName),
      "placement": .string(placement.rawValue),
      "size": .integer(size),
    ])
  }

  init(json: JSONReader) throws {
    self.init(
      hash: try json.string("hash"), fileName: try json.string("fileName"),
      placement: try json.choice("placement", as: Placement.self), size: try json.int("size"))
  }
}

extension Invoice {
  var jsonValue: JSONValue {
    var object: JSONObject = ["id": .integer(id)]
    switch kind {
    case .invoice: object["kind"] = .string("invoice")
    case .credit: object["kind"] = .string("credit")
    case .creditNote(let original):
      object["kind"] = .string("creditNote")
      object["credits"] = .integer(original)
    }
    object.set("number", number.map { .integer($0) })
    object.set("externalId", externalId.map(JSONValue.string))
    object["customer"] = .string(customer)
    object["invoiceDate"] = invoiceDate.jsonValue
    object["dueDate"] = dueDate.jsonValue
    object["lines"] = .array(lines.map(\.jsonValue))
    object["currency"] = .string(currency)
    object.set("exchangeRate", exchangeRate?.jsonValue)
    object["saleType"] = .string(saleType.rawValue)
    if roundToKronor { object["roundToKronor"] = .bool(true) }
    object.set("ocr", ocr.map(JSONValue.string))
    object.set("reference", reference.map(JSONValue.string))
    object.set("text", text.map(JSONValue.string))
    object.set("reminderDate", reminderDate?.jsonValue)
    if !attachments.isEmpty { object["attachments"] = .array(attachments.map(\.jsonValue)) }
    return .object(object)
  }

  init(json: JSONReader) throws {
    let kind: InvoiceKind
    switch try json.string("kind") {
    case "invoice": kind = .invoice
    case "credit": kind = .credit
    case "creditNote": kind = .creditNote(of: try json.int("credits"))
    case let other: throw json.error("unknown kind \"\(other)\"", at: "kind")
    }
    self.init(
      id: try json.int("id"), kind: kind, customer: try json.string("customer"),
      invoiceDate: try json.day("invoiceDate"), dueDate: try json.day("dueDate"),
      lines: try json.array("lines") { line in try InvoiceLine(json: line) },
      currency: try json.string("currency"), exchangeRate: try json.optionalDecimal("exchangeRate"),
      saleType: try json.choice("saleType", as: SaleType.self),
      roundToKronor: try json.optionalBool("roundToKronor") ?? false,
      externalId: try json.optionalString("externalId"),
      reference: try json.optionalString("reference"),
      text: try json.optionalString("text"), reminderDate: try json.optionalDay("reminderDate"))
    number = try json.optionalInt("number")
    ocr = try json.optionalString("ocr")
    attachments = try json.array("attachments") { item in try Attachment(json: item) }
  }
}

extension SelfInvoice {
  var jsonValue: JSONValue {
    var object: JSONObject = [
      "id": .integer(id), "payee": .string(payee), "invoiceDate": invoiceDate.jsonValue,
      "payoutDate": payoutDate.jsonValue, "lines": .array(lines.map(\.jsonValue)),
    ]
    object.set("number", number.map(JSONValue.string))
    object.set("text", text.map(JSONValue.string))
    object.set("externalId", externalId.map(JSONValue.string))
    object.set("corrects", corrects.map { .integer($0) })
    return .object(object)
  }

  init(json: JSONReader) throws {
    self.init(
      id: try json.int("id"), payee: try json.string("payee"),
      invoiceDate: try json.day("invoiceDate"),
      payoutDate: try json.day("payoutDate"),
      lines: try json.array("lines") { line in try InvoiceLine(json: line) },
      text: try json.optionalString("text"), externalId: try json.optionalString("externalId"),
      corrects: try json.optionalInt("corrects"))
    number = try json.optionalString("number")
  }
}
