import Basics

extension CreditorSettings: JSONRepresentable {
  public var jsonValue: JSONValue {
    var object: JSONObject = ["name": .string(name), "orgNumber": .string(organizationNumber)]
    object.set("vatNumber", vatNumber.map(JSONValue.string))
    if !address.isEmpty { object["address"] = address.jsonValue }
    object.set("email", email.map(JSONValue.string))
    object.set("phone", phone.map(JSONValue.string))
    object.set("bankgiro", bankgiro.map(JSONValue.string))
    object.set("plusgiro", plusgiro.map(JSONValue.string))
    object["paymentMode"] = .string(paymentMode.rawValue)
    object.set("clientFundsBankgiro", clientFundsBankgiro.map(JSONValue.string))
    object["fiscalYearStart"] = .string(fiscalYearStart.description)
    object.set("firstFiscalYearStart", firstFiscalYearStart?.jsonValue)
    object.set("firstFiscalYearEnd", firstFiscalYearEnd?.jsonValue)
    object["method"] = .string(method.rawValue)
    object["paymentTermsDays"] = .integer(paymentTermsDays)
    object["reminderFee"] = reminderFee.jsonValue
    object["paymentTolerance"] = paymentTolerance.jsonValue
    object["roundToKronor"] = .bool(roundToKronor)
    object["firstInvoiceNumber"] = .integer(firstInvoiceNumber)
    object["ocrLengthDigit"] = .bool(ocr.lengthDigit)
    object["ocrMinimumLength"] = .integer(ocr.minimumBaseLength)
    object["currency"] = .string(currency)
    object["accounts"] = accounts.jsonValue
    object["invoiceSeries"] = .string(invoiceSeries)
    object["paymentSeries"] = .string(paymentSeries)
    object["yearEndSeries"] = .string(yearEndSeries)
    object["purchaseSeries"] = .string(purchaseSeries)
    object["dimensionsOnResultRowsOnly"] = .bool(dimensionsOnResultRowsOnly)
    object["yearEndReversal"] = .bool(yearEndReversal)
    // Written only when not the default, so that older books' settings read back the same.
    if timeZone != .default { object["timeZone"] = .string(timeZone.description) }
    if matchesBookedOnMatchingDay { object["matchesBookedOnMatchingDay"] = .bool(true) }
    if !bookUnmatchedPayments { object["bookUnmatchedPayments"] = .bool(false) }
    if !reminderPlan.isEmpty { object["reminderPlan"] = reminderPlan.jsonValue }
    if !fSkatt { object["fSkatt"] = .bool(false) }
    object.set("registeredOffice", registeredOffice.map(JSONValue.string))
    object.set("iban", iban.map(JSONValue.string))
    object.set("bic", bic.map(JSONValue.string))
    object.set("logo", logo.map(JSONValue.string))
    if printDimensions { object["printDimensions"] = .bool(true) }
    if !accountNames.isEmpty {
      var names = JSONObject()
      for account in accountNames.keys.sorted() { names[account] = .string(accountNames[account]!) }
      object["accountNames"] = .object(names)
    }
    return .object(object)
  }

  public static let fields: Set<String> = [
    "name", "orgNumber", "vatNumber", "address", "email", "phone", "bankgiro", "plusgiro",
    "paymentMode", "clientFundsBankgiro", "fiscalYearStart", "firstFiscalYearStart",
    "firstFiscalYearEnd", "method",
    "paymentTermsDays", "reminderFee", "paymentTolerance", "roundToKronor", "firstInvoiceNumber",
    "ocrLengthDigit", "ocrMinimumLength", "currency", "accounts", "invoiceSeries", "paymentSeries",
    "yearEndSeries", "purchaseSeries", "dimensionsOnResultRowsOnly", "yearEndReversal", "timeZone",
    "matchesBookedOnMatchingDay", "bookUnmatchedPayments", "reminderPlan", "accountNames", "fSkatt",
    "registeredOffice", "iban",
    "bic", "logo", "printDimensions",
  ]

  public init(json: JSONReader) throws {
    try json.allowOnly(CreditorSettings.fields)
    self.init(name: try json.string("name"), organizationNumber: try json.string("orgNumber"))
    vatNumber = try json.optionalString("vatNumber")
    if let member = try json.optionalMember("address") { address = try PostalAddress(json: member) }
    email = try json.optionalString("email")
    phone = try json.optionalString("phone")
    bankgiro = try json.optionalString("bankgiro")
    plusgiro = try json.optionalString("plusgiro")
    if try json.optionalMember("paymentMode") != nil {
      paymentMode = try json.choice("paymentMode", as: PaymentMode.self)
    }
    clientFundsBankgiro = try json.optionalString("clientFundsBankgiro")
    if let text = try json.optionalString("fiscalYearStart") {
      guard let start = MonthDay(text) else {
        throw json.error("expected MM-DD, e.g. 07-01", at: "fiscalYearStart")
      }
      fiscalYearStart = start
    }
    firstFiscalYearStart = try json.optionalDay("firstFiscalYearStart")
    firstFiscalYearEnd = try json.optionalDay("firstFiscalYearEnd")
    if try json.optionalMember("method") != nil {
      method = try json.choice("method", as: BookkeepingMethod.self)
    }
    paymentTermsDays = try json.optionalInt("paymentTermsDays") ?? paymentTermsDays
    reminderFee = try json.optionalAmount("reminderFee") ?? reminderFee
    paymentTolerance = try json.optionalAmount("paymentTolerance") ?? paymentTolerance
    roundToKronor = try json.optionalBool("roundToKronor") ?? false
    firstInvoiceNumber = try json.optionalInt("firstInvoiceNumber") ?? firstInvoiceNumber
    ocr = OCRScheme(
      lengthDigit: try json.optionalBool("ocrLengthDigit") ?? true,
      minimumBaseLength: try json.optionalInt("ocrMinimumLength") ?? 0)
    currency = try json.optionalString("currency") ?? "SEK"
    if let member = try json.optionalMember("accounts") {
      accounts = try AccountSettings(json: member)
    }
    invoiceSeries = try json.optionalString("invoiceSeries") ?? invoiceSeries
    paymentSeries = try json.optionalString("paymentSeries") ?? paymentSeries
    yearEndSeries = try json.optionalString("yearEndSeries") ?? yearEndSeries
    purchaseSeries = try json.optionalString("purchaseSeries") ?? purchaseSeries
    yearEndReversal = try json.optionalBool("yearEndReversal") ?? false
    dimensionsOnResultRowsOnly = try json.optionalBool("dimensionsOnResultRowsOnly") ?? true
    matchesBookedOnMatchingDay = try json.optionalBool("matchesBookedOnMatchingDay") ?? false
    bookUnmatchedPayments = try json.optionalBool("bookUnmatchedPayments") ?? true
    if let member = try json.optionalMember("reminderPlan") {
      reminderPlan = try ReminderPlan(json: member)
    }
    fSkatt = try json.optionalBool("fSkatt") ?? true
    registeredOffice = try json.optionalString("registeredOffice")
    iban = try json.optionalString("iban")
    bic = try json.optionalString("bic")
    logo = try json.optionalString("logo")
    printDimensions = try json.optionalBool("printDimensions") ?? false
    if let names = try json.optionalMember("accountNames") {
      guard case .object(let object) = names.value else {
        throw names.error("expected an object of account numbers and names")
      }
      for (account, _) in object { accountNames[account] = try names.string(account) }
    }
    if let text = try json.optionalString("timeZone") {
      guard let zone = TimeZoneRule(identifier: text) else {
        throw json.error(
          "expected Europe/Stockholm, UTC or an offset such as +01:00", at: "timeZone")
      }
      timeZone = zone
    }
    if let problem = validationProblem() { throw json.error(problem.message, at: problem.field) }
  }
}
