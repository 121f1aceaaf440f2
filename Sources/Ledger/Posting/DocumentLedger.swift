import Basics
import Invoicing

/// The ledger's view of one invoice, credit note, standalone credit or self-invoice: what is
/// still open of it, part by part, and which parts sit on the receivable (or payable) account.
///
/// Payments, credits, offsets and write-offs take parts off it; how they are booked depends on
/// whether a part was booked (clear 1510) or not yet (book revenue and VAT now).
struct DocumentLedger: Sendable {
  enum Kind: Sendable { case invoice, credit, creditNote, selfInvoice }

  let kind: Kind
  let id: Int
  let customer: String
  /// The number as texts show it: `1001`, `SF-K2-0001`.
  let name: String
  /// The name the document was issued to (the payee's, for a self-invoice), for voucher texts.
  let recipient: String?
  let saleType: SaleType
  /// SEK per unit of the document's currency.
  let rate: ExactDecimal
  var isForeign: Bool { rate != .one }
  var components: [Component] = []
  /// What was written off, for booking a later recovery.
  var writtenOff: [Component] = []
  /// The doubtful amount reserved on 1519 / 6352 (SEK).
  var reserve = Amount.zero
  /// The export whose account map books this document; set by its first voucher.
  var mapIndex: Int?

  init(
    kind: Kind, id: Int, customer: String, name: String, recipient: String?, saleType: SaleType,
    rate: ExactDecimal
  ) {
    self.kind = kind
    self.id = id
    self.customer = customer
    self.name = name
    self.recipient = recipient
    self.saleType = saleType
    self.rate = rate
  }

  /// What is open, in the document's currency.
  var open: Amount { components.reduce(.zero) { $0 + $1.amount } }

  /// Adds to the component with the same key and booking, or starts one.
  mutating func add(_ key: ComponentKey, amount: Amount, sek: Amount, booked: Bool) {
    guard !amount.isZero || !sek.isZero else { return }
    if let index = components.firstIndex(where: { $0.key == key && $0.booked == booked }) {
      components[index].amount += amount
      components[index].sek += sek
    } else {
      components.append(Component(key: key, amount: amount, sek: sek, booked: booked))
    }
  }

  // MARK: Taking parts

  /// Takes everything that is open.
  mutating func takeAll() -> [Part] {
    var parts = [Part]()
    parts.reserveCapacity(components.count)
    for component in components where !component.amount.isZero || !component.sek.isZero {
      parts.append(
        Part(
          key: component.key, amount: component.amount, sek: component.sek,
          booked: component.booked))
    }
    components.removeAll()
    return parts
  }

  /// Takes `amount` off the open parts: reminder fees first when `feesFirst`, the rest over the
  /// other parts in proportion to what is open of them (largest remainder, so the parts add up
  /// to `amount` exactly). Taking all that is open takes every part whole.
  mutating func take(_ amount: Amount, feesFirst: Bool = true) -> [Part] {
    guard !amount.isZero else { return [] }
    if amount == open { return takeAll() }
    var parts = [Part]()
    var rest = amount
    if feesFirst && amount > .zero {
      for index in components.indices where components[index].key.role == .fee {
        let piece = min(rest, max(components[index].amount, .zero))
        if piece > .zero {
          parts.append(cut(index, piece))
          rest -= piece
        }
      }
    }
    let others = components.indices.filter {
      (!feesFirst || components[$0].key.role != .fee) && !components[$0].amount.isZero
    }
    guard !rest.isZero, !others.isEmpty else {
      compact()
      return parts
    }
    let weights = others.map { components[$0].amount }
    let shares =
      weights.reduce(Amount.zero, +).isZero
      ? [rest] + Array(repeating: Amount.zero, count: others.count - 1)
      : rest.allocated(proportionallyTo: weights)
    for (index, share) in zip(others, shares) where !share.isZero {
      parts.append(cut(index, share))
    }
    compact()
    return parts
  }

  /// Takes the given amounts off the parts with the same keys (a credit note taking off the
  /// lines it mirrors); a key the document lacks is taken as a new negative part.
  mutating func take(matching pieces: [KeyedAmount]) -> [Part] {
    var parts = [Part]()
    for piece in pieces where !piece.amount.isZero {
      let indices = components.indices.filter { components[$0].key == piece.key }
      var rest = piece.amount
      for (position, index) in indices.enumerated() {
        let available = components[index].amount
        let piece: Amount
        if position == indices.count - 1 {
          piece = rest
        } else if available.ore.signum() == rest.ore.signum() {
          piece = rest.magnitude <= available.magnitude ? rest : available
        } else {
          piece = .zero
        }
        if !piece.isZero {
          parts.append(cut(index, piece))
          rest -= piece
        }
      }
      if !rest.isZero {
        components.append(Component(key: piece.key, amount: .zero, sek: .zero, booked: false))
        parts.append(cut(components.count - 1, rest))
      }
    }
    compact()
    return parts
  }

  /// Cuts `amount` off component `index`, with its SEK share.
  private mutating func cut(_ index: Int, _ amount: Amount) -> Part {
    let component = components[index]
    let sek: Amount
    if !isForeign {
      sek = amount
    } else if amount == component.amount {
      sek = component.sek
    } else if component.amount.isZero {
      sek = amount.converted(at: rate)
    } else {
      sek = component.sek.share(amount, of: component.amount)
    }
    components[index].amount -= amount
    components[index].sek -= sek
    return Part(key: component.key, amount: amount, sek: sek, booked: component.booked)
  }

  private mutating func compact() {
    components.removeAll { $0.amount.isZero && $0.sek.isZero }
  }
}
