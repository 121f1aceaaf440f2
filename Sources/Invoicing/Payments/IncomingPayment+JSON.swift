import Basics

extension IncomingPayment {
  var jsonValue: JSONValue {
    var object: JSONObject = [
      "id": .string(id), "date": date.jsonValue, "amount": amount.jsonValue,
      "currency": .string(currency),
    ]
    object.set("reference", reference.map(JSONValue.string))
    object.set("referenceKind", referenceKind.map(JSONValue.string))
    if !extraReferences.isEmpty {
      object["extraReferences"] = .array(extraReferences.map(JSONValue.string))
    }
    if !texts.isEmpty { object["texts"] = .array(texts.map(JSONValue.string)) }
    object.set("payerName", payerName.map(JSONValue.string))
    object.set("payerOrgNumber", payerOrganizationNumber.map(JSONValue.string))
    object.set("payerBankgiro", payerBankgiro.map(JSONValue.string))
    object.set("payerAccount", payerAccount.map(JSONValue.string))
    object["file"] = .string(file)
    object["format"] = .string(format)
    object["deposit"] = .string(deposit)
    if !deductions.isEmpty {
      object["deductions"] = .array(
        deductions.map {
          .object(["reference": .string($0.reference), "amount": $0.amount.jsonValue])
        })
    }
    return .object(object)
  }

  init(json: JSONReader) throws {
    self.init(
      id: try json.string("id"), date: try json.day("date"), amount: try json.amount("amount"),
      currency: try json.string("currency"), reference: try json.optionalString("reference"),
      texts: try json.optionalMember("texts") == nil
        ? [] : try json.array("texts") { try $0.asString() },
      file: try json.string("file"), format: try json.string("format"),
      deposit: try json.string("deposit"))
    referenceKind = try json.optionalString("referenceKind")
    if try json.optionalMember("extraReferences") != nil {
      extraReferences = try json.array("extraReferences") { try $0.asString() }
    }
    payerName = try json.optionalString("payerName")
    payerOrganizationNumber = try json.optionalString("payerOrgNumber")
    payerBankgiro = try json.optionalString("payerBankgiro")
    payerAccount = try json.optionalString("payerAccount")
    if try json.optionalMember("deductions") != nil {
      deductions = try json.array("deductions") {
        Deduction(reference: try $0.string("reference"), amount: try $0.amount("amount"))
      }
    }
  }
}

extension IncomingSuggestion {
  var jsonValue: JSONValue {
    .object([
      "invoices": .array(invoices.map(JSONValue.integer)),
      "amounts": .array(amounts.map(\.jsonValue)), "score": .integer(score),
      "reasons": .array(reasons.map(JSONValue.string)),
    ])
  }

  init(json: JSONReader) throws {
    self.init(
      invoices: try json.array("invoices") { try $0.asInt() },
      amounts: try json.array("amounts") { try $0.asAmount() }, score: try json.int("score"),
      reasons: try json.array("reasons") { try $0.asString() })
  }
}

extension IncomingMatch {
  var jsonValue: JSONValue {
    var object: JSONObject = [
      "payment": .string(payment),
      "parts": .array(
        parts.map { .object(["invoice": .integer($0.invoice), "amount": $0.amount.jsonValue]) }),
      "date": date.jsonValue, "decidedOn": decidedOn.jsonValue, "reason": .string(reason),
      "automatic": .bool(automatic),
    ]
    if !credits.isEmpty {
      object["credits"] = .array(
        credits.map { .object(["credit": .integer($0.credit), "invoice": .integer($0.invoice)]) })
    }
    object.set("score", score.map(JSONValue.integer))
    return .object(object)
  }

  init(json: JSONReader) throws {
    self.init(
      payment: try json.string("payment"),
      parts: try json.array("parts") {
        Part(invoice: try $0.int("invoice"), amount: try $0.amount("amount"))
      },
      credits: try json.optionalMember("credits") == nil
        ? []
        : try json.array("credits") {
          CreditUse(credit: try $0.int("credit"), invoice: try $0.int("invoice"))
        },
      date: try json.day("date"), decidedOn: try json.day("decidedOn"),
      reason: try json.string("reason"), score: try json.optionalInt("score"),
      automatic: try json.optionalBool("automatic") ?? false)
  }
}

extension IncomingEvent {
  var type: String {
    switch self {
    case .received: "incomingReceived"
    case .matched: "incomingMatched"
    case .unmatched: "incomingUnmatched"
    case .ignored: "incomingIgnored"
    case .refunded: "incomingRefunded"
    case .refundPending: "incomingRefundPending"
    case .restUsed: "incomingRestUsed"
    }
  }

  var payload: JSONValue {
    switch self {
    case .received(let receipt):
      var suggestions = JSONObject()
      for id in receipt.suggestions.keys.sorted() {
        suggestions[id] = .array(receipt.suggestions[id]!.map(\.jsonValue))
      }
      var deposits = JSONObject()
      for key in receipt.deposits.keys.sorted() { deposits[key] = .string(receipt.deposits[key]!) }
      return .object([
        "files": .array(
          receipt.files.map {
            .object([
              "hash": .string($0.hash), "name": .string($0.name), "format": .string($0.format),
            ])
          }),
        "deposits": .object(deposits), "payments": .array(receipt.payments.map(\.jsonValue)),
        "suggestions": .object(suggestions), "matches": .array(receipt.matches.map(\.jsonValue)),
      ])
    case .matched(let match): return match.jsonValue
    case .unmatched(let payment, let date, let reason):
      return .object([
        "payment": .string(payment), "date": date.jsonValue, "reason": .string(reason),
      ])
    case .ignored(let payment, let account, let reason, let date):
      return .object([
        "payment": .string(payment), "account": .string(account.text), "reason": .string(reason),
        "date": date.jsonValue,
      ])
    case .refunded(let payment, let date), .refundPending(let payment, let date):
      return .object(["payment": .string(payment), "date": date.jsonValue])
    case .restUsed(let payment, let invoice, let amount, let date):
      return .object([
        "payment": .string(payment), "invoice": .integer(invoice), "amount": amount.jsonValue,
        "date": date.jsonValue,
      ])
    }
  }

  init?(type: String, payload json: JSONReader) throws {
    switch type {
    case "incomingReceived":
      var suggestions = [String: [IncomingSuggestion]]()
      if case .object(let object) = try json.member("suggestions").value {
        for (id, _) in object {
          suggestions[id] = try json.member("suggestions").array(id) {
            try IncomingSuggestion(json: $0)
          }
        }
      }
      var deposits = [String: String]()
      if case .object(let object) = try json.member("deposits").value {
        for (key, _) in object { deposits[key] = try json.member("deposits").string(key) }
      }
      self = .received(
        IncomingReceipt(
          files: try json.array("files") {
            IncomingReceipt.File(
              hash: try $0.string("hash"), name: try $0.string("name"),
              format: try $0.string("format"))
          },
          deposits: deposits,
          payments: try json.array("payments") { try IncomingPayment(json: $0) },
          suggestions: suggestions,
          matches: try json.array("matches") { try IncomingMatch(json: $0) }))
    case "incomingMatched": self = .matched(try IncomingMatch(json: json))
    case "incomingUnmatched":
      self = .unmatched(
        payment: try json.string("payment"), date: try json.day("date"),
        reason: try json.string("reason"))
    case "incomingIgnored":
      self = .ignored(
        payment: try json.string("payment"), account: AccountNumber(try json.string("account")),
        reason: try json.string("reason"), date: try json.day("date"))
    case "incomingRefunded":
      self = .refunded(payment: try json.string("payment"), date: try json.day("date"))
    case "incomingRefundPending":
      self = .refundPending(payment: try json.string("payment"), date: try json.day("date"))
    case "incomingRestUsed":
      self = .restUsed(
        payment: try json.string("payment"), invoice: try json.int("invoice"),
        amount: try json.amount("amount"), date: try json.day("date"))
    default:
      return nil
    }
  }
}
