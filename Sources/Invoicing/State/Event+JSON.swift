import Basics

extension Event {
  /// The types of the events of this module, as the journal names them.
  static let typeNames: [String] = [
    "settingsChanged", "customerAdded", "customerUpdated", "productAdded", "productUpdated",
    "costCentreAdded", "projectAdded", "invoiceDrafted", "draftUpdated", "draftDeleted",
    "invoiceAttested", "reminderSent", "sentToCollection", "paymentRegistered", "writtenOff",
    "markedDoubtful", "clientFundsPaidOut", "offset", "refunded", "attachmentAdded",
    "selfInvoiceDrafted", "selfInvoiceUpdated", "selfInvoiceAttested", "payoutChanged",
    "payoutPaused", "payoutResumed", "selfInvoiceCancelled", "selfInvoicePaid", "batch",
  ]

  /// The event's type as the journal names it.
  public var type: String {
    switch self {
    case .settingsChanged: "settingsChanged"
    case .customerAdded: "customerAdded"
    case .customerUpdated: "customerUpdated"
    case .productAdded: "productAdded"
    case .productUpdated: "productUpdated"
    case .costCentreAdded: "costCentreAdded"
    case .projectAdded: "projectAdded"
    case .invoiceDrafted: "invoiceDrafted"
    case .draftUpdated: "draftUpdated"
    case .draftDeleted: "draftDeleted"
    case .invoiceAttested: "invoiceAttested"
    case .reminderSent: "reminderSent"
    case .sentToCollection: "sentToCollection"
    case .paymentRegistered: "paymentRegistered"
    case .writtenOff: "writtenOff"
    case .markedDoubtful: "markedDoubtful"
    case .clientFundsPaidOut: "clientFundsPaidOut"
    case .offset: "offset"
    case .refunded: "refunded"
    case .attachmentAdded: "attachmentAdded"
    case .selfInvoiceDrafted: "selfInvoiceDrafted"
    case .selfInvoiceUpdated: "selfInvoiceUpdated"
    case .selfInvoiceAttested: "selfInvoiceAttested"
    case .payoutChanged: "payoutChanged"
    case .payoutPaused: "payoutPaused"
    case .payoutResumed: "payoutResumed"
    case .selfInvoiceCancelled: "selfInvoiceCancelled"
    case .selfInvoicePaid: "selfInvoicePaid"
    case .incoming(let event): event.type
    case .other(let type, _): type
    case .batch: "batch"
    }
  }

  /// The event's payload as JSON.
  public var payload: JSONValue {
    switch self {
    case .settingsChanged(let settings): settings.jsonValue
    case .customerAdded(let customer), .customerUpdated(let customer): customer.jsonValue
    case .productAdded(let product), .productUpdated(let product): product.jsonValue
    case .costCentreAdded(let entry), .projectAdded(let entry): entry.jsonValue
    case .invoiceDrafted(let invoice), .draftUpdated(let invoice): invoice.jsonValue
    case .draftDeleted(let id), .payoutPaused(let id), .payoutResumed(let id):
      .object(["id": .integer(id)])
    case .invoiceAttested(let id, let number, let ocr, let date):
      .object([
        "id": .integer(id), "number": .integer(number), "ocr": .string(ocr), "date": date.jsonValue,
      ])
    case .reminderSent(let id, let date, let fee):
      .object(["id": .integer(id), "date": date.jsonValue, "fee": fee.jsonValue])
    case .sentToCollection(let id, let date), .writtenOff(let id, let date),
      .markedDoubtful(let id, let date),
      .selfInvoiceCancelled(let id, let date), .selfInvoicePaid(let id, let date):
      .object(["id": .integer(id), "date": date.jsonValue])
    case .incoming(let event): event.payload
    case .paymentRegistered(let payment):
      {
        var object: JSONObject = [
          "id": .integer(payment.id), "invoice": .integer(payment.invoice),
          "date": payment.date.jsonValue,
          "amount": payment.amount.jsonValue, "means": .string(payment.means.rawValue),
        ]
        object.set("amountSEK", payment.amountSEK?.jsonValue)
        return .object(object)
      }()
    case .clientFundsPaidOut(let payout):
      .object([
        "date": payout.date.jsonValue, "amount": payout.amount.jsonValue,
        "fee": payout.fee.jsonValue, "feeVAT": payout.feeVAT.jsonValue,
      ])
    case .offset(let credit, let invoice, let date):
      .object(["credit": .integer(credit), "invoice": .integer(invoice), "date": date.jsonValue])
    case .refunded(let customer, let amount, let date):
      .object(["customer": .string(customer), "amount": amount.jsonValue, "date": date.jsonValue])
    case .attachmentAdded(let invoice, let attachment):
      .object(["invoice": .integer(invoice), "attachment": attachment.jsonValue])
    case .selfInvoiceDrafted(let selfInvoice), .selfInvoiceUpdated(let selfInvoice):
      selfInvoice.jsonValue
    case .selfInvoiceAttested(let id, let number, let date):
      .object(["id": .integer(id), "number": .string(number), "date": date.jsonValue])
    case .payoutChanged(let id, let date, let amount):
      {
        var object: JSONObject = ["id": .integer(id)]
        object.set("date", date?.jsonValue)
        object.set("amount", amount?.jsonValue)
        return .object(object)
      }()
    case .other(_, let payload): payload
    case .batch(let events):
      .array(events.map { .object(["type": .string($0.type), "payload": $0.payload]) })
    }
  }

  /// Reads an event from its type and payload.
  public init(type: String, payload json: JSONReader) throws {
    switch type {
    case "settingsChanged": self = .settingsChanged(try CreditorSettings(json: json))
    case "customerAdded": self = .customerAdded(try Customer(json: json))
    case "customerUpdated": self = .customerUpdated(try Customer(json: json))
    case "productAdded": self = .productAdded(try Product(json: json))
    case "productUpdated": self = .productUpdated(try Product(json: json))
    case "costCentreAdded": self = .costCentreAdded(try DimensionEntry(json: json))
    case "projectAdded": self = .projectAdded(try DimensionEntry(json: json))
    case "invoiceDrafted": self = .invoiceDrafted(try Invoice(json: json))
    case "draftUpdated": self = .draftUpdated(try Invoice(json: json))
    case "draftDeleted": self = .draftDeleted(id: try json.int("id"))
    case "invoiceAttested":
      self = .invoiceAttested(
        id: try json.int("id"), number: try json.int("number"), ocr: try json.string("ocr"),
        date: try json.day("date"))
    case "reminderSent":
      self = .reminderSent(
        id: try json.int("id"), date: try json.day("date"), fee: try json.amount("fee"))
    case "sentToCollection":
      self = .sentToCollection(id: try json.int("id"), date: try json.day("date"))
    case "paymentRegistered":
      self = .paymentRegistered(
        PaymentEvent(
          id: try json.int("id"), invoice: try json.int("invoice"), date: try json.day("date"),
          amount: try json.amount("amount"),
          means: PaymentMeans(rawValue: try json.string("means")),
          amountSEK: try json.optionalAmount("amountSEK")))
    case "writtenOff": self = .writtenOff(id: try json.int("id"), date: try json.day("date"))
    case "markedDoubtful":
      self = .markedDoubtful(id: try json.int("id"), date: try json.day("date"))
    case "clientFundsPaidOut":
      self = .clientFundsPaidOut(
        ClientFundsPayout(
          date: try json.day("date"), amount: try json.amount("amount"),
          fee: try json.optionalAmount("fee") ?? .zero,
          feeVAT: try json.optionalAmount("feeVAT") ?? .zero))
    case "offset":
      self = .offset(
        credit: try json.int("credit"), invoice: try json.int("invoice"), date: try json.day("date")
      )
    case "refunded":
      self = .refunded(
        customer: try json.string("customer"), amount: try json.amount("amount"),
        date: try json.day("date"))
    case "attachmentAdded":
      self = .attachmentAdded(
        invoice: try json.int("invoice"), try Attachment(json: try json.member("attachment")))
    case "selfInvoiceDrafted": self = .selfInvoiceDrafted(try SelfInvoice(json: json))
    case "selfInvoiceUpdated": self = .selfInvoiceUpdated(try SelfInvoice(json: json))
    case "selfInvoiceAttested":
      self = .selfInvoiceAttested(
        id: try json.int("id"), number: try json.string("number"), date: try json.day("date"))
    case "payoutChanged":
      self = .payoutChanged(
        id: try json.int("id"), date: try json.optionalDay("date"),
        amount: try json.optionalAmount("amount"))
    case "payoutPaused": self = .payoutPaused(id: try json.int("id"))
    case "payoutResumed": self = .payoutResumed(id: try json.int("id"))
    case "selfInvoiceCancelled":
      self = .selfInvoiceCancelled(id: try json.int("id"), date: try json.day("date"))
    case "selfInvoicePaid":
      self = .selfInvoicePaid(id: try json.int("id"), date: try json.day("date"))
    case "batch":
      self = .batch(
        try json.elements { element in
          try Event(type: try element.string("type"), payload: try element.member("payload"))
        })
    default:
      if let event = try IncomingEvent(type: type, payload: json) {
        self = .incoming(event)
      } else {
        self = .other(type: type, payload: json.value)
      }
    }
  }
}
