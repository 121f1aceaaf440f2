import Basics
import Invoicing

/// What a part of a document's amount is, before any account is chosen for it: the ledger
/// keeps amounts by role and resolves accounts with the document's ``AccountMap`` only when it
/// books them.
enum ComponentRole: Hashable, Sendable {
  /// A line (or package part) sold: revenue.
  case sale(product: String?, kind: ProductKind, rate: VATRate, category: LineCategory)
  /// Output VAT at a rate.
  case vat(VATRate)
  /// The rounding to whole kronor.
  case rounding
  /// Reminder fees.
  case fee
  /// A self-invoice line bought: cost.
  case purchase(product: String?)
  /// Input VAT on a self-invoice line.
  case inputVAT(product: String?)

  var isVAT: Bool {
    switch self {
    case .vat, .inputVAT: true
    default: false
    }
  }
}

/// A role with its dimensions: what amounts are kept by.
struct ComponentKey: Hashable, Sendable {
  var role: ComponentRole
  var costCentre: String?
  var project: String?
}

/// What is still open of one part of a document, in the document's currency and in SEK at the
/// document's rate, and whether it has been booked on the receivable (or payable) account.
struct Component: Sendable {
  var key: ComponentKey
  var amount: Amount
  var sek: Amount
  /// Booked on 1510 (or 2440): always under the accrual method, after the year end under the
  /// cash method.
  var booked: Bool
}

/// A piece taken off a component by a payment, credit, offset or write-off.
struct Part: Sendable {
  var key: ComponentKey
  var amount: Amount
  /// The SEK value at the document's rate.
  var sek: Amount
  var booked: Bool
}

/// A document behind a voucher: an invoice (credit note, credit) or a self-invoice, by id.
public enum DocumentRef: Hashable, Sendable {
  case invoice(Int)
  case selfInvoice(Int)

  /// The documents an activity books.
  static func behind(_ activity: Activity) -> [DocumentRef] {
    switch activity {
    case .attested(let id, _), .reminderFee(let id, _, _), .payment(let id, _),
      .doubtful(let id, _, _),
      .writtenOff(let id, _, _):
      [.invoice(id)]
    case .credited(let note, let invoice, _, _, _): [.invoice(invoice), .invoice(note)]
    case .offset(let credit, let invoice, _, _): [.invoice(invoice), .invoice(credit)]
    case .paymentReversed(let id, _, _): [.invoice(id)]
    case .refund, .clientFundsPayout, .incomingReceived, .incomingRemoved: []
    case .selfInvoiceAttested(let id, _), .selfInvoicePaid(let id, _, _),
      .selfInvoiceCancelled(let id, _):
      [.selfInvoice(id)]
    }
  }
}
