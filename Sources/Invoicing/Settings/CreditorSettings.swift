import Basics

/// The bookkeeping method: when sales are booked.
public enum BookkeepingMethod: String, Hashable, Sendable, CaseIterable {
  /// Faktureringsmetoden: invoices are booked when issued.
  case accrual
  /// Kontantmetoden: sales are booked when paid; unpaid invoices at the fiscal year's end.
  case cash
}

/// Where customers pay.
public enum PaymentMode: String, Hashable, Sendable, CaseIterable {
  /// The invoicing service's client-funds account; the money is paid out a bank day later.
  case clientFunds
  /// The creditor's own bankgiro.
  case ownBankgiro
}

/// A day of the year, `MM-DD`: where fiscal years start.
public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
  public var month: Int
  public var day: Int

  public init?(month: Int, day: Int) {
    guard (1...12).contains(month), (1...Day.daysIn(month: month, year: 2001)).contains(day) else {
      return nil
    }
    self.month = month
    self.day = day
  }

  /// Reads `MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let month = Int(parts[0]),
      let day = Int(parts[1])
    else { return nil }
    self.init(month: month, day: day)
  }

  public var description: String {
    (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
  }
}

/// A fiscal year: its first and last day.
public struct FiscalPeriod: Hashable, Sendable, CustomStringConvertible {
  public var start: Day
  public var end: Day

  public init(start: Day, end: Day) {
    self.start = start
    self.end = end
  }

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
  public var description: String { "\(start) – \(end)" }
}

/// The creditor (the company whose invoices the book holds) and its settings. Saved as the
/// book's `book.json`.
public struct CreditorSettings: Hashable, Sendable {
  public var name: String
  public var organizationNumber: String
  public var vatNumber: String?
  public var address: PostalAddress
  public var email: String?
  public var phone: String?
  /// The time zone the creditor's days are reckoned in (a command's default date is today
  /// there); Swedish time unless set.
  public var timeZone: TimeZoneRule = .default
  /// Whether a payment from the queue placed later is booked on the day it is placed, rather
  /// than on the day the money arrived (the default).
  public var matchesBookedOnMatchingDay = false
  /// Whether a payment nobody has placed is booked when it arrives (bank against customer
  /// advances, 2420); when off, it is booked only when placed, as a payment entered by hand.
  public var bookUnmatchedPayments = true
  public var bankgiro: String?
  public var plusgiro: String?
  public var paymentMode: PaymentMode
  /// The invoicing service's bankgiro, printed when customers pay into client funds.
  public var clientFundsBankgiro: String?
  public var fiscalYearStart: MonthDay
  /// The end of an extended (or shortened) first fiscal year, if any.
  public var firstFiscalYearEnd: Day?
  /// The start of the first fiscal year (with `firstFiscalYearEnd`; default: 18 months
  /// before its end).
  public var firstFiscalYearStart: Day?
  public var method: BookkeepingMethod
  public var paymentTermsDays: Int
  public var reminderFee: Amount
  /// A short payment within this much closes the invoice (the difference is rounding).
  public var paymentTolerance: Amount
  public var roundToKronor: Bool
  /// The first invoice number.
  public var firstInvoiceNumber: Int
  public var ocr: OCRScheme
  public var currency: String
  public var accounts: AccountSettings
  /// Voucher series: invoices, payments, year end, self-invoices.
  public var invoiceSeries: String
  public var paymentSeries: String
  public var yearEndSeries: String
  public var purchaseSeries: String
  /// Put cost centres and projects on result rows only (not on 1510, VAT, bank).
  public var dimensionsOnResultRowsOnly: Bool
  /// Cash method: reverse the year-end booking of unpaid invoices on the first day of the next
  /// year (and book their payments as ordinary cash receipts) instead of letting the payments
  /// clear the receivable. Off by default: it reports negative output VAT in the new year.
  public var yearEndReversal: Bool
  /// When reminders and collection happen without anyone asking (`sietool run-due`).
  public var reminderPlan = ReminderPlan()
  /// Names for accounts in exported files (`#KONTO`), by account number; BAS names the rest.
  public var accountNames: [String: String] = [:]
  /// Whether the company is approved for F-skatt (printed on its invoices).
  public var fSkatt = true
  /// The registered office (säte), which an aktiebolag's invoices and letters show.
  public var registeredOffice: String?
  /// For payments from abroad.
  public var iban: String?
  public var bic: String?
  /// The logo printed on documents: a JPEG or PNG in the book's `documents/`, by its stored
  /// name (`sietool settings logo FILE`).
  public var logo: String?
  /// Whether cost-centre and project codes are printed on the customer's documents.
  public var printDimensions = false

  public init(
    name: String, organizationNumber: String, method: BookkeepingMethod = .accrual,
    paymentMode: PaymentMode = .ownBankgiro
  ) {
    self.name = name
    self.organizationNumber = organizationNumber
    vatNumber = nil
    address = PostalAddress()
    email = nil
    phone = nil
    bankgiro = nil
    plusgiro = nil
    self.paymentMode = paymentMode
    clientFundsBankgiro = nil
    fiscalYearStart = MonthDay(month: 1, day: 1)!
    firstFiscalYearEnd = nil
    self.method = method
    paymentTermsDays = 30
    reminderFee = Amount(kronor: 60)
    paymentTolerance = .zero
    roundToKronor = false
    firstInvoiceNumber = 1001
    ocr = OCRScheme()
    currency = "SEK"
    accounts = AccountSettings()
    invoiceSeries = "F"
    paymentSeries = "I"
    yearEndSeries = "J"
    purchaseSeries = "L"
    dimensionsOnResultRowsOnly = true
    yearEndReversal = false
  }

  /// The fiscal year that `day` falls in.
  public func fiscalYear(containing day: Day) -> FiscalPeriod {
    var start = Day(
      year: day.year, month: fiscalYearStart.month,
      day: min(fiscalYearStart.day, Day.daysIn(month: fiscalYearStart.month, year: day.year)))!
    if start > day { start = start.adding(months: -12) }
    let period = FiscalPeriod(start: start, end: start.adding(months: 12).adding(days: -1))
    guard let first = firstFiscalYear else { return period }
    // The first year is its own; the years after it follow the regular start, and days before
    // it (which a book refuses) fall in regular years counted back from its start.
    if first.contains(day) { return first }
    if day < first.start {
      var end = first.start.adding(days: -1)
      while end.adding(months: -12) >= day { end = end.adding(months: -12) }
      return FiscalPeriod(start: end.adding(days: 1).adding(months: -12), end: end)
    }
    return period
  }

  /// An extended (or shortened) first fiscal year, when `firstFiscalYearEnd` is set: it ends
  /// then and starts on `firstFiscalYearStart`, or 18 months before its end (the longest a
  /// first year may be, bokföringslagen 3 kap.).
  public var firstFiscalYear: FiscalPeriod? {
    guard let end = firstFiscalYearEnd else { return nil }
    let start = firstFiscalYearStart ?? end.adding(days: 1).adding(months: -18)
    return FiscalPeriod(start: start, end: end)
  }

  /// What is wrong with the settings, if anything.
  public func validationProblem() -> (field: String, message: String)? {
    if name.trimmingBlanks.isEmpty { return ("name", "the company name is needed") }
    if SwedishIdentityNumber(organizationNumber) == nil {
      return (
        "orgNumber",
        "\"\(organizationNumber)\" is not an organisation number NNNNNN-NNNN with a valid check digit"
      )
    }
    if let bankgiro, Bankgiro(bankgiro) == nil {
      return ("bankgiro", "\"\(bankgiro)\" is not a bankgiro number")
    }
    if let clientFundsBankgiro, Bankgiro(clientFundsBankgiro) == nil {
      return ("clientFundsBankgiro", "\"\(clientFundsBankgiro)\" is not a bankgiro number")
    }
    if !(0...365).contains(paymentTermsDays) {
      return ("paymentTermsDays", "payment terms are 0 to 365 days")
    }
    if reminderFee < .zero { return ("reminderFee", "a fee cannot be negative") }
    for (account, name) in accountNames {
      guard AccountNumber(account).isBASAccount, !name.trimmingBlanks.isEmpty,
        !name.hasControlCharacters
      else {
        return (
          "accountNames." + account, "an account name is a 4-digit account and a text on one line"
        )
      }
    }
    if let iban, !IBAN.isValid(iban) {
      return (
        "iban",
        "\"\(iban)\" is not an IBAN (country, check digits and account, e.g. SE45 5000 0000 0583 9825 7466)"
      )
    }
    if let bic,
      !(bic.count == 8 || bic.count == 11)
        || !bic.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    {
      return ("bic", "\"\(bic)\" is not a BIC (8 or 11 letters and digits, e.g. ESSESESS)")
    }
    for (field, text) in [("registeredOffice", registeredOffice), ("logo", logo)] {
      if let text, text.trimmingBlanks.isEmpty || text.hasControlCharacters {
        return (field, "\(field) is a text on one line")
      }
    }
    if let problem = reminderPlan.validationProblem() {
      return ("reminderPlan." + problem.field, problem.message)
    }
    if firstFiscalYearStart != nil && firstFiscalYearEnd == nil {
      return (
        "firstFiscalYearStart", "a first fiscal year's start needs its end (firstFiscalYearEnd)"
      )
    }
    if let first = firstFiscalYear {
      let nextStart = first.end.adding(days: 1)
      guard nextStart.month == fiscalYearStart.month && nextStart.day == fiscalYearStart.day
      else {
        return (
          "firstFiscalYearEnd",
          "the first fiscal year must end the day before a regular one starts (\(fiscalYearStart))"
        )
      }
      guard first.start <= first.end, first.start >= nextStart.adding(months: -18) else {
        return (
          "firstFiscalYearStart",
          "a first fiscal year is at most 18 months (\(first.start) – \(first.end) is longer)"
        )
      }
    }
    if paymentTolerance < .zero { return ("paymentTolerance", "a tolerance cannot be negative") }
    if firstInvoiceNumber < 1 {
      return ("firstInvoiceNumber", "invoice numbers start at 1 or more")
    }
    if !isCurrencyCode(currency) { return ("currency", "\"\(currency)\" is not a currency code") }
    for (key, series) in [
      ("invoiceSeries", invoiceSeries), ("paymentSeries", paymentSeries),
      ("yearEndSeries", yearEndSeries), ("purchaseSeries", purchaseSeries),
    ] {
      if series.isEmpty || !series.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
        return (key, "a voucher series is letters and digits")
      }
    }
    return nil
  }
}
