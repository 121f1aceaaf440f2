import Basics

/// Where a customer is, which decides the VAT treatment of a sale.
public enum Market: String, Hashable, Sendable, CaseIterable {
  /// Sweden: Swedish VAT.
  case domestic
  /// Another EU country: reverse charge for businesses, no Swedish VAT.
  case eu
  /// Outside the EU: export, no Swedish VAT.
  case nonEU
}

/// A customer of the creditor, or a payee of self-invoices (the register is shared).
public struct Customer: Hashable, Sendable, JSONRepresentable {
  public var number: String
  public var name: String
  /// Organisation or personal number; Swedish ones are checked.
  public var organizationNumber: String?
  public var vatNumber: String?
  public var address: PostalAddress
  public var email: String?
  public var market: Market
  /// Domestic reverse charge (construction services): no VAT on the invoice.
  public var reverseCharge: Bool
  /// Overrides of the creditor's defaults.
  public var paymentTermsDays: Int?
  public var reminderFee: Amount?
  public var currency: String?
  /// The bankgiro self-invoice payouts go to, for payees.
  public var bankgiro: String?
  /// The fields of the creditor's reminder plan that differ for this customer.
  public var reminderPlan: ReminderPlan?
  /// The language of the customer's documents: Swedish unless English.
  public var language: DocumentLanguage = .swedish

  public init(
    number: String, name: String, organizationNumber: String? = nil, vatNumber: String? = nil,
    address: PostalAddress = PostalAddress(), email: String? = nil, market: Market = .domestic,
    reverseCharge: Bool = false, paymentTermsDays: Int? = nil, reminderFee: Amount? = nil,
    currency: String? = nil, bankgiro: String? = nil
  ) {
    self.number = number
    self.name = name
    self.organizationNumber = organizationNumber
    self.vatNumber = vatNumber
    self.address = address
    self.email = email
    self.market = market
    self.reverseCharge = reverseCharge
    self.paymentTermsDays = paymentTermsDays
    self.reminderFee = reminderFee
    self.currency = currency
    self.bankgiro = bankgiro
  }

  public static let fields: Set<String> = [
    "number", "name", "orgNumber", "vatNumber", "address", "email", "market", "reverseCharge",
    "paymentTermsDays", "reminderFee", "currency", "bankgiro", "reminderPlan", "language",
  ]

  public init(json: JSONReader) throws {
    try json.allowOnly(Customer.fields)
    number = try json.string("number")
    name = try json.string("name")
    organizationNumber = try json.optionalString("orgNumber")
    vatNumber = try json.optionalString("vatNumber")
    address =
      try json.optionalMember("address").map { reader in try PostalAddress(json: reader) }
      ?? PostalAddress()
    email = try json.optionalString("email")
    market =
      try json.optionalMember("market") == nil
      ? .domestic : try json.choice("market", as: Market.self)
    reverseCharge = try json.optionalBool("reverseCharge") ?? false
    paymentTermsDays = try json.optionalInt("paymentTermsDays")
    reminderFee = try json.optionalAmount("reminderFee")
    currency = try json.optionalString("currency")
    bankgiro = try json.optionalString("bankgiro")
    if let member = try json.optionalMember("reminderPlan") {
      reminderPlan = try ReminderPlan(json: member)
    }
    language = try json.optionalChoice("language", as: DocumentLanguage.self) ?? .swedish
    if let problem = validationProblem() { throw json.error(problem.message, at: problem.field) }
  }

  /// What is wrong with the customer's fields, if anything.
  public func validationProblem() -> (field: String, message: String)? {
    if number.isEmpty || number.contains(where: { $0.isWhitespace }) {
      return ("number", "a customer number is needed, without spaces")
    }
    if name.trimmingBlanks.isEmpty { return ("name", "a name is needed") }
    if let organizationNumber, market == .domestic, SwedishIdentityNumber(organizationNumber) == nil
    {
      return (
        "orgNumber",
        "\"\(organizationNumber)\" is not a Swedish organisation or personal number (NNNNNN-NNNN with a valid check digit)"
      )
    }
    if let days = paymentTermsDays, !(0...365).contains(days) {
      return ("paymentTermsDays", "payment terms are 0 to 365 days")
    }
    if let fee = reminderFee, fee < .zero { return ("reminderFee", "a fee cannot be negative") }
    if let problem = reminderPlan?.validationProblem() {
      return ("reminderPlan." + problem.field, problem.message)
    }
    if let currency, !isCurrencyCode(currency) {
      return ("currency", "\"\(currency)\" is not a currency code such as SEK or EUR")
    }
    if let bankgiro, Bankgiro(bankgiro) == nil {
      return ("bankgiro", "\"\(bankgiro)\" is not a bankgiro number")
    }
    return nil
  }

  public var jsonValue: JSONValue {
    var object: JSONObject = ["number": .string(number), "name": .string(name)]
    object.set("orgNumber", organizationNumber.map(JSONValue.string))
    object.set("vatNumber", vatNumber.map(JSONValue.string))
    if !address.isEmpty { object["address"] = address.jsonValue }
    object.set("email", email.map(JSONValue.string))
    if market != .domestic { object["market"] = .string(market.rawValue) }
    if reverseCharge { object["reverseCharge"] = .bool(true) }
    object.set("paymentTermsDays", paymentTermsDays.map { .integer($0) })
    object.set("reminderFee", reminderFee?.jsonValue)
    object.set("currency", currency.map(JSONValue.string))
    object.set("bankgiro", bankgiro.map(JSONValue.string))
    if let reminderPlan, !reminderPlan.isEmpty { object["reminderPlan"] = reminderPlan.jsonValue }
    if language != .swedish { object["language"] = .string(language.rawValue) }
    return .object(object)
  }
}

/// Whether `code` looks like an ISO 4217 currency code.
func isCurrencyCode(_ code: String) -> Bool {
  code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }
}
