import Basics

/// Where a self-invoice stands.
public enum SelfInvoiceState: String, Hashable, Sendable, CaseIterable {
  case draft, attested, paused, cancelled, paid
}

/// A self-invoice (självfaktura): issued by the creditor in a supplier's name for a purchase,
/// and paid out on a date. Numbered in a series of its own per payee.
public struct SelfInvoice: Hashable, Sendable {
  public var id: Int
  /// The payee's customer number (the register holds customers and payees).
  public var payee: String
  /// `SF-<payee>-0001`, given when attested.
  public var number: String?
  public var invoiceDate: Day
  public var payoutDate: Day
  /// Purchase lines; their products' purchase accounts are used when booking.
  public var lines: [InvoiceLine]
  public var text: String?
  public var externalId: String?
  /// For a correction (rättelse): the id of the self-invoice it corrects. Its lines (negative
  /// to take back, positive to add) change what the original pays out; it is paid, or
  /// cancelled, with the original.
  public var corrects: Int?

  public init(
    id: Int, payee: String, invoiceDate: Day, payoutDate: Day, lines: [InvoiceLine],
    text: String? = nil, externalId: String? = nil, corrects: Int? = nil
  ) {
    self.id = id
    self.payee = payee
    number = nil
    self.invoiceDate = invoiceDate
    self.payoutDate = payoutDate
    self.lines = lines
    self.text = text
    self.externalId = externalId
    self.corrects = corrects
  }

  public var totals: InvoiceTotals { InvoiceTotals(lines: lines, roundToKronor: false) }
  public var displayName: String { number ?? "draft \(id)" }

  /// The series of a payee's self-invoices.
  public static func number(payee: String, sequence: Int) -> String {
    let digits = String(sequence)
    return "SF-\(payee)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// A self-invoice and what happened to it.
public struct SelfInvoiceRecord: Hashable, Sendable {
  public var selfInvoice: SelfInvoice
  public var state: SelfInvoiceState
  public var attestedOn: Day?
  /// The amount to pay out: the total with its attested corrections (or, in books written
  /// before corrections, an amount changed by hand).
  public var payoutAmount: Amount
  public var paidOn: Day?
  public var cancelledOn: Day?
  /// The ids of the attested corrections of this self-invoice, in order.
  public var corrections: [Int] = []
  /// The payee as it was when the self-invoice was attested: the document shows it ever after.
  public var payee: Customer?
  /// The settings in force when it was attested (see ``InvoiceRecord/issuedUnder``).
  public var issuedUnder: Int?
  /// The payout day the document named when it was attested (the day may move later; the
  /// document does not).
  public var issuedPayoutDate: Day?

  public init(selfInvoice: SelfInvoice) {
    self.selfInvoice = selfInvoice
    state = .draft
    payoutAmount = selfInvoice.totals.total
  }
}
