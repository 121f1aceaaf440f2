import Basics
import Invoicing

extension PostingEngine {
  /// Cash method, last day of the fiscal year: every invoice (and self-invoice) still unpaid is
  /// booked as a receivable (payable) with its revenue (cost) and VAT, in the year-end series,
  /// one row per document on the receivable. Paid next year, it clears the receivable and books
  /// no revenue or VAT again. Nothing under the accrual method.
  mutating func closeYear(endingOn end: Day) throws(LedgerError) {
    let map = maps[currentMap]
    guard map.method == .cash else { return }
    var booked = [Int]()
    var bookedSelf = [Int]()
    if map.edition >= 2 {
      // One voucher per document, so that each can be followed to its invoice.
      let all =
        documents.keys.sorted().map { (DocumentRef.invoice($0), documents[$0]!) }
        + selfDocuments.keys.sorted().map { (DocumentRef.selfInvoice($0), selfDocuments[$0]!) }
      for (reference, document) in all {
        var builder = VoucherBuilder(
          series: map.yearEndSeries, date: end,
          text: voucherText("Obetald vid årets slut", document, map))
        let flipped =
          if case .invoice(let id) = reference {
            flip(invoice: id, toBooked: true, map: map, into: &builder)
          } else {
            flip(selfInvoice: document.id, toBooked: true, map: map, into: &builder)
          }
        guard flipped else { continue }
        try emit(builder, activity: nil, documents: [reference])
        if case .invoice(let id) = reference {
          booked.append(id)
        } else {
          bookedSelf.append(document.id)
        }
      }
    } else {
      var builder = VoucherBuilder(
        series: map.yearEndSeries, date: end, text: "Obetalda fakturor vid årets slut \(end.iso)")
      booked = documents.keys.sorted().filter {
        flip(invoice: $0, toBooked: true, map: map, into: &builder)
      }
      bookedSelf = selfDocuments.keys.sorted().filter {
        flip(selfInvoice: $0, toBooked: true, map: map, into: &builder)
      }
      try emit(
        builder, activity: nil,
        documents: booked.map(DocumentRef.invoice) + bookedSelf.map(DocumentRef.selfInvoice))
    }
    if map.yearEndReversal && !(booked.isEmpty && bookedSelf.isEmpty) {
      pendingReversals.append((end.adding(days: 1), booked, bookedSelf))
    }
  }

  /// The optional reversal of a year-end booking on the first day of the next year: what is
  /// still open leaves the receivable again, to be booked as revenue when paid.
  mutating func reverseYearEnd(on date: Day) throws(LedgerError) {
    guard let position = pendingReversals.firstIndex(where: { $0.date == date }) else { return }
    let reversal = pendingReversals.remove(at: position)
    let map = maps[currentMap]
    var builder = VoucherBuilder(
      series: map.yearEndSeries, date: date,
      text: "Återföring obetalda fakturor \(date.adding(days: -1).iso)")
    for id in reversal.documents {
      _ = flip(invoice: id, toBooked: false, map: map, into: &builder)
    }
    for id in reversal.selfDocuments {
      _ = flip(selfInvoice: id, toBooked: false, map: map, into: &builder)
    }
    try emit(
      builder, activity: nil,
      documents: reversal.documents.map(DocumentRef.invoice)
        + reversal.selfDocuments.map(DocumentRef.selfInvoice))
  }

  private mutating func flip(
    invoice id: Int, toBooked: Bool, map: AccountMap, into builder: inout VoucherBuilder
  )
    -> Bool
  {
    guard var document = documents[id] else { return false }
    let flipped = flip(&document, toBooked: toBooked, map: map, into: &builder)
    if flipped { documents[id] = document }
    return flipped
  }

  private mutating func flip(
    selfInvoice id: Int, toBooked: Bool, map: AccountMap, into builder: inout VoucherBuilder
  ) -> Bool {
    guard var document = selfDocuments[id] else { return false }
    let flipped = flip(&document, toBooked: toBooked, map: map, into: &builder)
    if flipped { selfDocuments[id] = document }
    return flipped
  }

  /// Moves what is open of a document onto the receivable (payable) account, or back off it:
  /// its parts booked on their own accounts against one row per document on the balance
  /// account. Returns whether anything moved.
  private func flip(
    _ document: inout DocumentLedger, toBooked: Bool, map: AccountMap,
    into builder: inout VoucherBuilder
  ) -> Bool {
    let indexes = document.components.indices.filter {
      document.components[$0].booked != toBooked && !document.components[$0].sek.isZero
    }
    guard !indexes.isEmpty else { return false }
    // Sales parts are credits when booked, self-invoice parts debits; a reversal turns them.
    let sign: Int64 = (document.kind == .selfInvoice ? 1 : -1) * (toBooked ? 1 : -1)
    let documentMap = maps[document.mapIndex ?? currentMap]
    var balance = Amount.zero
    for index in indexes {
      let component = document.components[index]
      addRow(component.key, component.sek * sign, of: document, map: documentMap, to: &builder)
      balance -= component.sek * sign
      document.components[index].booked = toBooked
    }
    if document.mapIndex == nil { document.mapIndex = currentMap }
    let account = document.kind == .selfInvoice ? map.accounts.payables : map.accounts.receivables
    builder.add(account, balance, text: "\(document.name) \(party(document, map))")
    return true
  }
}
