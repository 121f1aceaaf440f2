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

/// An amount of a document's part: what an invoice or self-invoice is made of before it is
/// opened, and what a credit note takes off the invoice it credits. (A structure rather than
/// a tuple: arrays of them are copied with code made for them, not through the tuple's layout
/// worked out at run time.)
struct KeyedAmount: Sendable {
  var key: ComponentKey
  var amount: Amount
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
  /// The reminder with index `index` (0 the first) of an invoice (edition 2).
  case reminder(invoice: Int, index: Int)

  /// The documents an activity books: in edition 1 its invoice (or self-invoice); since
  /// edition 2 also the reminder behind a fee, the credit notes that reduced what a payment
  /// paid under the cash method, and the corrections paid out with a self-invoice.
  ///
  /// - Parameter creditNotes: for the cash method's payments (edition 2), the credit notes
  ///   the book knew before the payment (credited activities earlier in the journal).
  static func behind(
    _ activity: Activity, edition: Int, state: BookState, creditNotes: () -> [Int] = { [] }
  ) -> [DocumentRef] {
    switch activity {
    case .reminderFee(let id, let date, _) where edition >= 2:
      let index = state.invoices[id]?.reminders.firstIndex { $0.date == date }
      return [.invoice(id)] + (index.map { [.reminder(invoice: id, index: $0)] } ?? [])
    case .payment(let id, _) where edition >= 2:
      return [.invoice(id)] + creditNotes().map(DocumentRef.invoice)
    case .selfInvoicePaid(let id, _, _) where edition >= 2:
      return [.selfInvoice(id)]
        + (state.selfInvoices[id]?.corrections ?? []).map(DocumentRef.selfInvoice)
    case .attested(let id, _), .reminderFee(let id, _, _), .payment(let id, _),
      .doubtful(let id, _, _),
      .writtenOff(let id, _, _):
      return [.invoice(id)]
    case .credited(let note, let invoice, _, _, _): return [.invoice(invoice), .invoice(note)]
    case .offset(let credit, let invoice, _, _): return [.invoice(invoice), .invoice(credit)]
    case .paymentReversed(let id, _, _): return [.invoice(id)]
    case .refund, .clientFundsPayout, .incomingReceived, .incomingRemoved: return []
    case .selfInvoiceAttested(let id, _), .selfInvoicePaid(let id, _, _),
      .selfInvoiceCancelled(let id, _):
      return [.selfInvoice(id)]
    }
  }
}
