import Basics

/// Applies an import document to a book as one unit: customers, cost centres, projects,
/// products, invoices, self-invoices and actions, in that order. Any bad row stops the import
/// with its JSON path, and nothing is written.
///
/// The document's schema is in `docs/import.md`.
public enum BookImport {
  /// Summary of what an import did.
  public struct Summary: Sendable {
    public var customers = 0
    public var products = 0
    public var costCentres = 0
    public var projects = 0
    public var invoices = 0
    public var selfInvoices = 0
    public var actions = 0
  }

  static let topLevel: Set<String> = [
    "customers", "products", "costCentres", "projects", "invoices", "selfInvoices", "actions",
  ]

  /// Reads `bytes` as an import document and records it in `transaction`.
  public static func apply(_ bytes: [UInt8], to transaction: inout BookTransaction) throws
    -> Summary
  {
    let document: JSONValue
    do {
      document = try JSONValue(parsing: bytes)
    } catch {
      throw JSONPathError(path: "$", message: "not valid JSON: \(error)")
    }
    let root = JSONReader(document)
    try root.allowOnly(topLevel)
    var summary = Summary()
    for customer in try root.array("customers", { try Customer(json: $0) }) {
      try at(root.path + ".customers[\(summary.customers)]") {
        try transaction.addCustomer(customer)
      }
      summary.customers += 1
    }
    for entry in try root.array("costCentres", { try DimensionEntry(json: $0) }) {
      try at("$.costCentres[\(summary.costCentres)]") { try transaction.addCostCentre(entry) }
      summary.costCentres += 1
    }
    for entry in try root.array("projects", { try DimensionEntry(json: $0) }) {
      try at("$.projects[\(summary.projects)]") { try transaction.addProject(entry) }
      summary.projects += 1
    }
    // Packages after the products they are made of, whatever the document's order.
    let products = try root.array("products") { ($0.path, try Product(json: $0)) }
    for (path, product) in products.filter({ $0.1.kind != .package })
      + products.filter({ $0.1.kind == .package })
    {
      try at(path) { try transaction.addProduct(product) }
      summary.products += 1
    }
    for (path, input) in try root.array("invoices", { ($0.path, try invoiceInput($0)) }) {
      try at(path) { _ = try transaction.draft(input) }
      summary.invoices += 1
    }
    for item in try root.array("selfInvoices", { $0 }) {
      try item.allowOnly(["externalId", "payee", "invoiceDate", "payoutDate", "lines", "text"])
      let lines = try item.array("lines") { try lineInput($0) }
      let payee = try item.string("payee")
      let invoiceDate = try item.day("invoiceDate")
      let payoutDate = try item.optionalDay("payoutDate")
      let text = try item.optionalString("text")
      let externalId = try item.optionalString("externalId")
      try at(item.path) {
        _ = try transaction.draftSelfInvoice(
          payee: payee, invoiceDate: invoiceDate, payoutDate: payoutDate, lines: lines, text: text,
          externalId: externalId)
      }
      summary.selfInvoices += 1
    }
    for action in try root.array("actions", { $0 }) {
      try perform(action, in: &transaction)
      summary.actions += 1
    }
    return summary
  }

  /// Runs a book change, naming `path` if the book refuses it.
  static func at(_ path: String, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as BookError {
      throw JSONPathError(path: path, message: error.message)
    }
  }

  static func lineInput(_ json: JSONReader) throws -> LineInput {
    try json.allowOnly([
      "product", "description", "quantity", "unit", "unitPrice", "discountPercent", "vatRate",
      "costCentre", "project", "category",
    ])
    return LineInput(
      product: try json.optionalString("product"),
      description: try json.optionalString("description"),
      quantity: try json.optionalDecimal("quantity") ?? .one, unit: try json.optionalString("unit"),
      unitPrice: try json.optionalAmount("unitPrice"),
      discountPercent: try json.optionalDecimal("discountPercent"),
      vatRate: try Product.vatRate(json, "vatRate"),
      costCentre: try json.optionalString("costCentre"),
      project: try json.optionalString("project"),
      category: try json.optionalChoice("category", as: LineCategory.self) ?? .sale)
  }

  static func invoiceInput(_ json: JSONReader) throws -> InvoiceInput {
    try json.allowOnly([
      "externalId", "customer", "invoiceDate", "dueDate", "lines", "currency", "exchangeRate",
      "reference", "text", "credit", "reminderDate",
    ])
    let lines = try json.array("lines") { try lineInput($0) }
    if lines.isEmpty { throw json.error("an invoice needs at least one line", at: "lines") }
    return InvoiceInput(
      externalId: try json.optionalString("externalId"), customer: try json.string("customer"),
      invoiceDate: try json.day("invoiceDate"), dueDate: try json.optionalDay("dueDate"),
      lines: lines,
      currency: try json.optionalString("currency"),
      exchangeRate: try json.optionalDecimal("exchangeRate"),
      reference: try json.optionalString("reference"), text: try json.optionalString("text"),
      reminderDate: try json.optionalDay("reminderDate"),
      isCredit: try json.optionalBool("credit") ?? false)
  }

  /// The id of the invoice an action names (external id, number, or `d7` for a draft).
  static func invoiceID(_ json: JSONReader, _ key: String, in transaction: BookTransaction) throws
    -> Int
  {
    let member = try json.member(key)
    let name: String
    switch member.value {
    case .number(let text): name = text
    default: name = try member.asString()
    }
    guard let record = transaction.state.invoice(named: name) else {
      throw member.error("no invoice \"\(name)\" (an external id or an invoice number)")
    }
    return record.invoice.id
  }

  static func perform(_ action: JSONReader, in transaction: inout BookTransaction) throws {
    let kind = try action.string("action")
    let date = try action.optionalDay("date")
    func needDate() throws -> Day {
      guard let date else { throw action.error("missing", at: "date") }
      return date
    }
    switch kind {
    case "attest":
      try action.allowOnly(["action", "invoice", "date"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      try at(action.path) { _ = try transaction.attest(id, on: day) }
    case "payment":
      try action.allowOnly(["action", "invoice", "date", "amount", "means", "amountSEK"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let amount = try action.amount("amount")
      let means = PaymentMeans(rawValue: try action.optionalString("means") ?? "bankgiro")
      let sek = try action.optionalAmount("amountSEK")
      let day = try needDate()
      try at(action.path) {
        _ = try transaction.pay(id, amount: amount, on: day, means: means, amountSEK: sek)
      }
    case "credit":
      try action.allowOnly(["action", "invoice", "date", "lines"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      var selection = CreditSelection.whole
      if try action.optionalMember("lines") != nil {
        selection = .lines(
          try action.array("lines") { line in
            if case .number = line.value { return (try line.asInt(), nil) }
            try line.allowOnly(["line", "quantity"])
            return (try line.int("line"), try line.optionalDecimal("quantity"))
          })
      }
      try at(action.path) {
        let note = try transaction.draftCreditNote(for: id, selection: selection, on: day)
        _ = try transaction.attest(note, on: day)
      }
    case "remind":
      try action.allowOnly(["action", "invoice", "date", "fee"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let fee = try action.optionalAmount("fee")
      let day = try needDate()
      try at(action.path) { try transaction.remind(id, on: day, fee: fee) }
    case "collect":
      try action.allowOnly(["action", "invoice", "date"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      try at(action.path) { try transaction.sendToCollection(id, on: day) }
    case "writeOff":
      try action.allowOnly(["action", "invoice", "date"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      try at(action.path) { try transaction.writeOff(id, on: day) }
    case "doubtful":
      try action.allowOnly(["action", "invoice", "date"])
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      try at(action.path) { try transaction.record(.markedDoubtful(id: id, date: day)) }
    case "clientFundsPayout":
      try action.allowOnly(["action", "date", "amount", "fee", "feeVAT"])
      let payout = ClientFundsPayout(
        date: try needDate(), amount: try action.amount("amount"),
        fee: try action.optionalAmount("fee") ?? .zero,
        feeVAT: try action.optionalAmount("feeVAT") ?? .zero)
      try at(action.path) { try transaction.record(.clientFundsPaidOut(payout)) }
    case "offset":
      try action.allowOnly(["action", "credit", "invoice", "date"])
      let credit = try invoiceID(action, "credit", in: transaction)
      let id = try invoiceID(action, "invoice", in: transaction)
      let day = try needDate()
      try at(action.path) { try transaction.offset(credit: credit, invoice: id, on: day) }
    case "refund":
      try action.allowOnly(["action", "customer", "amount", "date"])
      let customer = try action.string("customer")
      let amount = try action.amount("amount")
      let day = try needDate()
      try at(action.path) { try transaction.refund(customer: customer, amount: amount, on: day) }
    case "deleteDraft":
      try action.allowOnly(["action", "invoice"])
      let id = try invoiceID(action, "invoice", in: transaction)
      try at(action.path) { try transaction.deleteDraft(id) }
    case "attestSelfInvoice", "payout", "pausePayout", "resumePayout", "cancelSelfInvoice":
      try action.allowOnly(["action", "selfInvoice", "date", "amount"])
      let name = try action.string("selfInvoice")
      guard let id = transaction.state.selfInvoice(named: name)?.selfInvoice.id else {
        throw action.error("no self-invoice \"\(name)\"", at: "selfInvoice")
      }
      let amount = try action.optionalAmount("amount")
      try at(action.path) {
        switch kind {
        case "attestSelfInvoice":
          _ = try transaction.attestSelfInvoice(
            id, on: date ?? transaction.state.selfInvoices[id]!.selfInvoice.invoiceDate)
        case "payout":
          try transaction.record(
            .selfInvoicePaid(
              id: id, date: date ?? transaction.state.selfInvoices[id]!.selfInvoice.payoutDate))
        case "pausePayout": try transaction.record(.payoutPaused(id: id))
        case "resumePayout": try transaction.record(.payoutResumed(id: id))
        default:
          try transaction.record(
            .selfInvoiceCancelled(
              id: id, date: date ?? transaction.state.selfInvoices[id]!.selfInvoice.invoiceDate))
        }
      }
      _ = amount
    default:
      throw action.error(
        "unknown action \"\(kind)\"; actions are attest, payment, credit, remind, collect, doubtful, writeOff, offset, clientFundsPayout, refund, deleteDraft, attestSelfInvoice, payout, pausePayout, resumePayout, cancelSelfInvoice",
        at: "action")
    }
  }
}
