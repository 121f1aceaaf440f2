import Basics

extension InvoiceRecord {
  /// The record as listed: number, external id, customer, dates, state, total and open amount
  /// as decimal strings.
  public var summaryJSON: JSONValue {
    var object = JSONObject()
    object["number"] = invoice.number.map { .integer($0) } ?? .null
    object["id"] = .integer(invoice.id)
    object["externalId"] = invoice.externalId.map(JSONValue.string) ?? .null
    object["kind"] = .string(
      {
        switch invoice.kind {
        case .invoice: "invoice"
        case .credit: "credit"
        case .creditNote: "creditNote"
        }
      }())
    object["customer"] = .string(invoice.customer)
    object["invoiceDate"] = invoice.invoiceDate.jsonValue
    object["dueDate"] = invoice.dueDate.jsonValue
    object["state"] = .string(state.rawValue)
    object["currency"] = .string(invoice.currency)
    object["total"] = invoice.totals.total.jsonValue
    object["open"] = open.jsonValue
    object["ocr"] = invoice.ocr.map(JSONValue.string) ?? .null
    // The payments that paid it (undone ones left out), with the incoming payment behind each.
    object["payments"] = .array(
      payments.filter { $0.reversedOn == nil }.map { payment in
        var entry: JSONObject = [
          "id": .integer(payment.payment), "date": payment.date.jsonValue,
          "amount": payment.received.jsonValue, "means": .string(payment.means.rawValue),
        ]
        entry.set("incoming", payment.incoming.map(JSONValue.string))
        return .object(entry)
      })
    return .object(object)
  }

  /// Everything about the record: the summary, the lines, totals and what happened.
  public var detailJSON: JSONValue {
    guard case .object(var object) = summaryJSON else { return summaryJSON }
    if case .creditNote(let original) = invoice.kind { object["credits"] = .integer(original) }
    object["lines"] = .array(
      invoice.lines.map { line in
        var item: JSONObject = [
          "description": .string(line.description), "quantity": line.quantity.jsonValue,
          "unit": .string(line.unit), "unitPrice": line.unitPrice.jsonValue,
          "vatRate": .integer(line.vatRate.percent), "net": line.net.jsonValue,
        ]
        item.set("product", line.product.map(JSONValue.string))
        item.set("discountPercent", line.discountPercent?.jsonValue)
        item.set("costCentre", line.costCentre.map(JSONValue.string))
        item.set("project", line.project.map(JSONValue.string))
        if !line.parts.isEmpty {
          item["parts"] = .array(
            line.parts.map {
              .object([
                "product": .string($0.product), "net": $0.net.jsonValue,
                "vatRate": .integer($0.vatRate.percent),
              ])
            })
        }
        return .object(item)
      })
    let totals = invoice.totals
    object["net"] = totals.net.jsonValue
    object["vat"] = .array(
      totals.rates.map {
        .object([
          "rate": .integer($0.rate.percent), "net": $0.net.jsonValue, "vat": $0.vat.jsonValue,
        ])
      })
    object["rounding"] = totals.rounding.jsonValue
    object["saleType"] = .string(invoice.saleType.rawValue)
    object.set("exchangeRate", invoice.exchangeRate?.jsonValue)
    object["reminders"] = .array(
      reminders.map { .object(["date": $0.date.jsonValue, "fee": $0.fee.jsonValue]) })
    object.set("collectionDate", collectionDate?.jsonValue)
    object["payments"] = .array(
      payments.map {
        var item: JSONObject = [
          "payment": .integer($0.payment), "date": $0.date.jsonValue,
          "means": .string($0.means.rawValue),
          "received": $0.received.jsonValue, "applied": $0.applied.jsonValue,
        ]
        if !$0.rounding.isZero { item["rounding"] = $0.rounding.jsonValue }
        if !$0.overpaid.isZero { item["overpaid"] = $0.overpaid.jsonValue }
        if !$0.recovered.isZero { item["recovered"] = $0.recovered.jsonValue }
        item.set("receivedSEK", $0.receivedSEK?.jsonValue)
        return .object(item)
      })
    object["credited"] = .array(
      credits.map { .object(["date": $0.date.jsonValue, "amount": $0.amount.jsonValue]) })
    if let writeOff {
      object["writtenOff"] = .object([
        "date": writeOff.date.jsonValue, "amount": writeOff.amount.jsonValue,
      ])
    }
    object.set("doubtfulOn", doubtfulOn?.jsonValue)
    object.set("closedOn", closedOn?.jsonValue)
    object["attachments"] = .array(
      invoice.attachments.map {
        .object([
          "fileName": .string($0.fileName), "hash": .string($0.hash),
          "placement": .string($0.placement.rawValue),
        ])
      })
    return .object(object)
  }
}

extension SelfInvoiceRecord {
  public var summaryJSON: JSONValue {
    var object = JSONObject()
    object["number"] = selfInvoice.number.map(JSONValue.string) ?? .null
    object["id"] = .integer(selfInvoice.id)
    object["externalId"] = selfInvoice.externalId.map(JSONValue.string) ?? .null
    object["payee"] = .string(selfInvoice.payee)
    object["invoiceDate"] = selfInvoice.invoiceDate.jsonValue
    object["payoutDate"] = selfInvoice.payoutDate.jsonValue
    object["state"] = .string(state.rawValue)
    object["total"] = selfInvoice.totals.total.jsonValue
    object["payout"] = payoutAmount.jsonValue
    return .object(object)
  }
}
