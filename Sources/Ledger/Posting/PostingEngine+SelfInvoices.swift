import Basics
import Invoicing

extension PostingEngine {
  /// The parts of a self-invoice: its lines as purchases, and input VAT per rate.
  static func components(of selfInvoice: SelfInvoice) -> [KeyedAmount] {
    var result = [KeyedAmount]()
    var productsByRate = [VATRate: Set<String?>]()
    for line in selfInvoice.lines {
      let pieces: [(product: String?, rate: VATRate, net: Amount)] =
        line.parts.isEmpty
        ? [(line.product, line.vatRate, line.net)]
        : line.parts.map { ($0.product, $0.vatRate, $0.net) }
      for piece in pieces {
        result.append(
          KeyedAmount(
            key: ComponentKey(
              role: .purchase(product: piece.product), costCentre: line.costCentre,
              project: line.project),
            amount: piece.net))
        productsByRate[piece.rate, default: []].insert(piece.product)
      }
    }
    for rate in selfInvoice.totals.rates where !rate.vat.isZero {
      // A product's own input VAT account is used when all lines at the rate share it.
      let products = productsByRate[rate.rate] ?? []
      let product = products.count == 1 ? products.first! : nil
      result.append(
        KeyedAmount(key: ComponentKey(role: .inputVAT(product: product)), amount: rate.vat))
    }
    return result
  }

  /// A self-invoice attested: under the accrual method the purchase, its input VAT and the
  /// payable; under the cash method nothing until it is paid.
  mutating func attestSelfInvoice(_ id: Int, index: Int, date: Day) throws(LedgerError) {
    guard let record = state.selfInvoices[id] else {
      throw LedgerError(.inconsistentBook, .selfInvoice("d\(id)"), "no self-invoice with id \(id)")
    }
    let selfInvoice = record.selfInvoice
    var document = DocumentLedger(
      kind: .selfInvoice, id: id, customer: selfInvoice.payee, name: selfInvoice.displayName,
      recipient: record.payee?.name, saleType: .domestic, rate: .one)
    let map = maps[currentMap]
    let booked = map.method == .accrual
    let parts = Self.components(of: selfInvoice)
    for part in parts {
      document.add(part.key, amount: part.amount, sek: part.amount, booked: booked)
    }
    if booked { document.mapIndex = currentMap }
    selfDocuments[id] = document
    guard booked else { return }
    var builder = VoucherBuilder(
      series: map.purchaseSeries, date: date,
      text: "Självfaktura \(selfInvoice.displayName) \(party(document, map))")
    for part in parts { addRow(part.key, part.amount, of: document, map: map, to: &builder) }
    builder.add(map.accounts.payables, -selfInvoice.totals.total)
    try emit(builder, activity: index)
  }

  /// A self-invoice paid out: the payable cleared, or (cash method) the purchase and its VAT
  /// booked now.
  mutating func paySelfInvoice(_ id: Int, amount: Amount, index: Int, date: Day) throws(LedgerError)
  {
    guard var document = selfDocuments[id] else {
      throw LedgerError(
        .inconsistentBook, .selfInvoice("d\(id)"),
        "self-invoice \(id) is paid before it was attested")
    }
    let map = maps[mapIndex(forSelfInvoice: id)]
    var builder = VoucherBuilder(
      series: map.purchaseSeries, date: date,
      text: voucherText("Utbetalning", document, map))
    let corrections = state.selfInvoices[id]?.corrections ?? []
    if corrections.isEmpty {
      // Books written before corrections may have paid out an amount set by hand.
      let parts = document.take(amount, feesFirst: false)
      selfDocuments[id] = document
      clear(parts, of: document, map: map, to: &builder)
    } else {
      // The original and its corrections are paid out together, each in full.
      let parts = document.takeAll()
      selfDocuments[id] = document
      clear(parts, of: document, map: map, to: &builder)
      for correction in corrections {
        guard var other = selfDocuments[correction] else { continue }
        let parts = other.takeAll()
        selfDocuments[correction] = other
        clear(parts, of: other, map: maps[mapIndex(forSelfInvoice: correction)], to: &builder)
      }
    }
    builder.add(map.accounts.bank, -amount)
    try emit(builder, activity: index)
  }

  /// A self-invoice cancelled before it was paid: what was booked is reversed.
  mutating func cancelSelfInvoice(_ id: Int, index: Int, date: Day) throws(LedgerError) {
    guard var document = selfDocuments[id] else { return }
    let map = maps[mapIndex(forSelfInvoice: id)]
    let parts = document.takeAll()
    selfDocuments[id] = document
    var builder = VoucherBuilder(
      series: map.purchaseSeries, date: date,
      text: voucherText("Makulerad", document, map))
    for part in parts where part.booked {
      builder.add(map.accounts.payables, part.sek)
      addRow(part.key, -part.sek, of: document, map: map, to: &builder)
    }
    try emit(builder, activity: index)
  }
}
