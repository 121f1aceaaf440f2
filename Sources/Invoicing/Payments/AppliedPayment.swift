import Basics

/// A payment as it touched one invoice.
///
/// Held in 40 bytes, for a large book holds millions of them (in its activities and its
/// invoices' payments): the means as a code when it is one of the known ones, and what most
/// payments do not have (rounding, an overpayment, a recovery, a SEK value, the incoming
/// payment, a reversal, a means of another name) in a box made only when one of them is there.
/// Payments compare and hash by their values.
public struct AppliedPayment: Hashable, Sendable {
  /// The payment's id in the book.
  public var payment: Int
  public var date: Day
  /// The means as a code when it is one of the known ones (`KnownMeans`), else 0 and the
  /// means in `rare`.
  private var meansCode: UInt8
  /// What the customer paid, in the invoice's currency.
  public var received: Amount
  /// What went to the invoice's open amount.
  public var applied: Amount
  /// The parts most payments do not have; `nil` when none is there.
  private var rare: Rare?

  init(
    payment: Int, date: Day, means: PaymentMeans, received: Amount, applied: Amount,
    rounding: Amount = .zero, overpaid: Amount = .zero, recovered: Amount = .zero,
    receivedSEK: Amount? = nil, incoming: String? = nil, reversedOn: Day? = nil
  ) {
    self.payment = payment
    self.date = date
    self.received = received
    self.applied = applied
    meansCode = KnownMeans.code(of: means)
    rare = Rare.holding(
      RareParts(
        means: meansCode == 0 ? means : nil, rounding: rounding, overpaid: overpaid,
        recovered: recovered, receivedSEK: receivedSEK, incoming: incoming,
        reversedOn: reversedOn))
  }

  public var means: PaymentMeans {
    get { KnownMeans.means(meansCode) ?? rare?.parts.means ?? PaymentMeans(rawValue: "") }
    set {
      meansCode = KnownMeans.code(of: newValue)
      let code = meansCode
      change { $0.means = code == 0 ? newValue : nil }
    }
  }

  /// A short payment within tolerance, closed as rounding.
  public var rounding: Amount {
    get { rare?.parts.rounding ?? .zero }
    set { change { $0.rounding = newValue } }
  }

  /// The excess, to the customer's balance.
  public var overpaid: Amount {
    get { rare?.parts.overpaid ?? .zero }
    set { change { $0.overpaid = newValue } }
  }

  /// On a written-off invoice: the part that recovers the loss (the rest is ``overpaid``).
  public var recovered: Amount {
    get { rare?.parts.recovered ?? .zero }
    set { change { $0.recovered = newValue } }
  }

  /// The SEK value of `received` for foreign-currency invoices (at the payment rate).
  public var receivedSEK: Amount? {
    get { rare?.parts.receivedSEK }
    set { change { $0.receivedSEK = newValue } }
  }

  /// The incoming payment (from a payment file) it came from.
  public var incoming: String? {
    get { rare?.parts.incoming }
    set { change { $0.incoming = newValue } }
  }

  /// The day it was undone (a match taken back); it then counts for nothing.
  public var reversedOn: Day? {
    get { rare?.parts.reversedOn }
    set { change { $0.reversedOn = newValue } }
  }

  /// Changes the rare parts: a new box, or none when no part is left.
  private mutating func change(_ body: (inout RareParts) -> Void) {
    var parts = rare?.parts ?? RareParts()
    body(&parts)
    rare = Rare.holding(parts)
  }
}

/// The payment means a payment holds as a code: 1… for these, in this order.
private enum KnownMeans {
  static func code(of means: PaymentMeans) -> UInt8 {
    switch means.rawValue {
    case "bankgiro": 1
    case "clientFunds": 2
    case "swish": 3
    case "card": 4
    case "autogiro": 5
    case "cash": 6
    case "balance": 7
    case "incoming": 8
    default: 0
    }
  }

  static func means(_ code: UInt8) -> PaymentMeans? {
    switch code {
    case 1: .bankgiro
    case 2: .clientFunds
    case 3: .swish
    case 4: .card
    case 5: .autogiro
    case 6: .cash
    case 7: .balance
    case 8: .incoming
    default: nil
    }
  }
}

/// What most payments do not have, all at their defaults when none is there.
private struct RareParts: Hashable, Sendable {
  var means: PaymentMeans?
  var rounding = Amount.zero
  var overpaid = Amount.zero
  var recovered = Amount.zero
  var receivedSEK: Amount?
  var incoming: String?
  var reversedOn: Day?

  /// Whether every part is at its default.
  var isEmpty: Bool {
    means == nil && rounding.isZero && overpaid.isZero && recovered.isZero
      && receivedSEK == nil && incoming == nil && reversedOn == nil
  }
}

/// A payment's rare parts, held by reference; never all at their defaults (a payment without
/// any holds no box), so that payments compare and hash by their values.
private final class Rare: Hashable, Sendable {
  let parts: RareParts

  private init(_ parts: RareParts) { self.parts = parts }

  /// A box of `parts`, or none when every part is at its default. (Checked before a box is
  /// made: a failing class initializer has allocated already.)
  static func holding(_ parts: RareParts) -> Rare? { parts.isEmpty ? nil : Rare(parts) }

  static func == (a: Rare, b: Rare) -> Bool { a.parts == b.parts }
  func hash(into hasher: inout Hasher) { hasher.combine(parts) }
}
