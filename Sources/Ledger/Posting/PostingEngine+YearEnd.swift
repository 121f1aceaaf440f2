import Invoicing

extension PostingEngine {
  /// Cash method, last day of the fiscal year: every invoice (and self-invoice) still unpaid is
  /// booked as a receivable (payable) with its revenue (cost) and VAT, in the year-end series,
  /// one row per document on the receivable. Paid next year, it clears the receivable and books
  /// no revenue or VAT again. Nothing under the accrual method.
  mutating func closeYear(endingOn end: Day) throws(LedgerError) {
    let map = maps[currentMap]
    guard map.method == .cash else { return }
    var builder = VoucherBuilder(
      series: map.yearEndSeries, date: end, text: "Obetalda fakturor vid årets slut \(end.iso)")
    var booked = [Int]()
    for id in documents.keys.sorted() {
      guard var document = documents[id] else { continue }
      let documentMap = maps[document.mapIndex ?? currentMap]
      var total = Amount.zero
      for index in document.components.indices where !document.components[index].booked {
        let component = document.components[index]
        guard !component.amount.isZero || !component.sek.isZero else { continue }
        addRow(component.key, -component.sek, of: document, map: documentMap, to: &builder)
        total += component.sek
        document.components[index].booked = true
      }
      guard !total.isZero else { continue }
      if document.mapIndex == nil { document.mapIndex = currentMap }
      builder.add(map.accounts.receivables, total, text: "\(document.name) \(document.customer)")
      documents[id] = document
      booked.append(id)
    }
    var bookedSelf = [Int]()
    for id in selfDocuments.keys.sorted() {
      guard var document = selfDocuments[id] else { continue }
      let documentMap = maps[document.mapIndex ?? currentMap]
      var total = Amount.zero
      for index in document.components.indices where !document.components[index].booked {
        let component = document.components[index]
        addRow(component.key, component.sek, of: document, map: documentMap, to: &builder)
        total += component.sek
        document.components[index].booked = true
      }
      guard !total.isZero else { continue }
      if document.mapIndex == nil { document.mapIndex = currentMap }
      builder.add(map.accounts.payables, -total, text: "\(document.name) \(document.customer)")
      selfDocuments[id] = document
      bookedSelf.append(id)
    }
    try emit(
      builder, activity: nil,
      documents: booked.map(DocumentRef.invoice) + bookedSelf.map(DocumentRef.selfInvoice))
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
      guard var document = documents[id] else { continue }
      let documentMap = maps[document.mapIndex ?? currentMap]
      var total = Amount.zero
      for index in document.components.indices where document.components[index].booked {
        let component = document.components[index]
        addRow(component.key, component.sek, of: document, map: documentMap, to: &builder)
        total += component.sek
        document.components[index].booked = false
      }
      builder.add(map.accounts.receivables, -total, text: "\(document.name) \(document.customer)")
      documents[id] = document
    }
    for id in reversal.selfDocuments {
      guard var document = selfDocuments[id] else { continue }
      let documentMap = maps[document.mapIndex ?? currentMap]
      var total = Amount.zero
      for index in document.components.indices where document.components[index].booked {
        let component = document.components[index]
        addRow(component.key, -component.sek, of: document, map: documentMap, to: &builder)
        total += component.sek
        document.components[index].booked = false
      }
      builder.add(map.accounts.payables, total, text: "\(document.name) \(document.customer)")
      selfDocuments[id] = document
    }
    try emit(
      builder, activity: nil,
      documents: reversal.documents.map(DocumentRef.invoice)
        + reversal.selfDocuments.map(DocumentRef.selfInvoice))
  }
}
