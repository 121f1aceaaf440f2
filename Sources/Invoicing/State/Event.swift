import Basics

/// Something that happened in a book. The journal is the list of events; the book's state is
/// their replay. Events are never edited: a correction is a new event.
///
/// The registers' and settings' cases are `indirect`: an event is as large as its largest
/// inline case, and a journal of a million invoice steps should not move settings-sized values.
public enum Event: Hashable, Sendable {
  indirect case settingsChanged(CreditorSettings)
  indirect case customerAdded(Customer)
  indirect case customerUpdated(Customer)
  indirect case productAdded(Product)
  indirect case productUpdated(Product)
  case costCentreAdded(DimensionEntry)
  case projectAdded(DimensionEntry)
  indirect case invoiceDrafted(Invoice)
  indirect case draftUpdated(Invoice)
  case draftDeleted(id: Int)
  case invoiceAttested(id: Int, number: Int, ocr: String, date: Day)
  case reminderSent(id: Int, date: Day, fee: Amount)
  case sentToCollection(id: Int, date: Day)
  case paymentRegistered(PaymentEvent)
  case writtenOff(id: Int, date: Day)
  /// The open amount is doubtful (befarad kundförlust): still owed, but expected to be lost.
  case markedDoubtful(id: Int, date: Day)
  /// The invoicing service paid out money it held for the creditor (client funds).
  case clientFundsPaidOut(ClientFundsPayout)
  /// A standalone credit used on an invoice of the same customer.
  case offset(credit: Int, invoice: Int, date: Day)
  /// Money from a customer's balance paid back.
  case refunded(customer: String, amount: Amount, date: Day)
  case attachmentAdded(invoice: Int, Attachment)
  indirect case selfInvoiceDrafted(SelfInvoice)
  indirect case selfInvoiceUpdated(SelfInvoice)
  case selfInvoiceAttested(id: Int, number: String, date: Day)
  case payoutChanged(id: Int, date: Day?, amount: Amount?)
  case payoutPaused(id: Int)
  case payoutResumed(id: Int)
  case selfInvoiceCancelled(id: Int, date: Day)
  case selfInvoicePaid(id: Int, date: Day)
  /// Payments from payment files and the queue of those not placed.
  case incoming(IncomingEvent)
  /// An event of a module above this one (the ledger's exports), kept as it is.
  case other(type: String, payload: JSONValue)
  /// Several events applied as one unit (an import).
  case batch([Event])
}

extension Event {
  /// The earliest day the event is dated (a document's date, a payment's, a step's), if it
  /// has one.
  public var earliestDay: Day? {
    switch self {
    case .invoiceDrafted(let invoice), .draftUpdated(let invoice): invoice.invoiceDate
    case .invoiceAttested(_, _, _, let date), .reminderSent(_, let date, _),
      .sentToCollection(_, let date), .writtenOff(_, let date), .markedDoubtful(_, let date),
      .offset(_, _, let date), .refunded(_, _, let date), .selfInvoiceAttested(_, _, let date),
      .selfInvoiceCancelled(_, let date), .selfInvoicePaid(_, let date):
      date
    case .paymentRegistered(let payment): payment.date
    case .selfInvoiceDrafted(let document), .selfInvoiceUpdated(let document):
      document.invoiceDate
    case .batch(let events): events.compactMap(\.earliestDay).min()
    default: nil
    }
  }
}

/// A payout of client funds to the creditor's own bank account: `amount` leaves the client
/// funds, less the service's `fee` and the VAT on it.
public struct ClientFundsPayout: Hashable, Sendable {
  public var date: Day
  public var amount: Amount
  public var fee: Amount
  public var feeVAT: Amount

  public init(date: Day, amount: Amount, fee: Amount = .zero, feeVAT: Amount = .zero) {
    self.date = date
    self.amount = amount
    self.fee = fee
    self.feeVAT = feeVAT
  }

  /// What reaches the creditor's bank.
  public var net: Amount { amount - fee - feeVAT }
}

/// A payment registered on an invoice.
public struct PaymentEvent: Hashable, Sendable {
  public var id: Int
  public var invoice: Int
  public var date: Day
  /// What the customer paid, in the invoice's currency.
  public var amount: Amount
  public var means: PaymentMeans
  /// For an invoice in another currency: the SEK that arrived.
  public var amountSEK: Amount?

  public init(
    id: Int, invoice: Int, date: Day, amount: Amount, means: PaymentMeans, amountSEK: Amount? = nil
  ) {
    self.id = id
    self.invoice = invoice
    self.date = date
    self.amount = amount
    self.means = means
    self.amountSEK = amountSEK
  }
}
