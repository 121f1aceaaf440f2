import Basics
import Invoicing

extension PostingEngine {
  /// The parts of an invoice: per VAT rate (in the order the lines first use it) its sales
  /// lines and its VAT, then the rounding to whole kronor.
  static func components(of invoice: Invoice) -> [KeyedAmount] {
    // The sales parts in line order, then gathered per rate: an invoice has few rates, looked
    // through rather than hashed, and no list is made per rate.
    struct Sale {
      var rate: VATRate
      var part: KeyedAmount
    }
    var sales = [Sale]()
    sales.reserveCapacity(invoice.lines.count)
    var rates = [VATRate]()
    for line in invoice.lines {
      func add(product: String?, kind: ProductKind, rate: VATRate, net: Amount) {
        let key = ComponentKey(
          role: .sale(product: product, kind: kind, rate: rate, category: line.category),
          costCentre: line.costCentre, project: line.project)
        sales.append(Sale(rate: rate, part: KeyedAmount(key: key, amount: net)))
        if !rates.contains(rate) { rates.append(rate) }
      }
      if line.parts.isEmpty {
        add(product: line.product, kind: line.kind, rate: line.vatRate, net: line.net)
      } else {
        for part in line.parts {
          add(product: part.product, kind: part.kind, rate: part.vatRate, net: part.net)
        }
      }
    }
    let totals = invoice.totals
    var result = [KeyedAmount]()
    result.reserveCapacity(sales.count + rates.count + 1)
    for rate in rates {
      for sale in sales where sale.rate == rate { result.append(sale.part) }
      if let vat = totals.rates.first(where: { $0.rate == rate })?.vat, !vat.isZero {
        result.append(KeyedAmount(key: ComponentKey(role: .vat(rate)), amount: vat))
      }
    }
    if !totals.rounding.isZero {
      result.append(KeyedAmount(key: ComponentKey(role: .rounding), amount: totals.rounding))
    }
    return result
  }

  /// What attesting an invoice takes from its record: the document it opens (before its parts
  /// are added), the invoice a credit note credits, and the parts. Worked out from the record
  /// alone, so that it can be worked out ahead on another core (``InvoiceReadAhead``), where
  /// the record is then let go of.
  struct Attestation: Sendable {
    var document: DocumentLedger
    var original: Int?
    var parts: [KeyedAmount]

    init(id: Int, record: InvoiceRecord) {
      let invoice = record.invoice
      let kind: DocumentLedger.Kind
      switch invoice.kind {
      case .invoice: kind = .invoice
      case .credit: kind = .credit
      case .creditNote(let of):
        kind = .creditNote
        original = of
      }
      document = DocumentLedger(
        kind: kind, id: id, customer: invoice.customer, name: invoice.displayName,
        recipient: record.recipient?.name, saleType: invoice.saleType,
        rate: invoice.exchangeRate ?? .one)
      parts = PostingEngine.components(of: invoice)
    }

    /// The document, the invoice credited and the parts, moved out of the attestation.
    consuming func taken() -> (document: DocumentLedger, original: Int?, parts: [KeyedAmount]) {
      (document, original, parts)
    }
  }

  /// Invoice, credit note or standalone credit attested: under the accrual method the
  /// receivable against revenue and VAT; under the cash method nothing yet.
  mutating func attest(_ id: Int, index: Int, on date: Day) throws(LedgerError) {
    let attestation =
      if let ready = readAhead?.take(id) { ready } else {
        Attestation(id: id, record: try invoice(id))
      }
    var (document, original, parts) = attestation.taken()
    let kind = document.kind
    // A credit note is booked with the accounts of the invoice it credits.
    let mapIndex = original.flatMap { documents[$0]?.mapIndex } ?? currentMap
    let map = maps[mapIndex]
    let booked = map.method == .accrual
    let total = parts.reduce(Amount.zero) { $0 + $1.amount }
    let totalSEK = document.isForeign ? (total.converted(at: document.rate)) : total
    // In SEK the parts are their own values (no list of them is made).
    let values =
      document.isForeign ? totalSEK.allocated(proportionallyTo: parts.map(\.amount)) : nil
    func value(_ place: Int) -> Amount { values?[place] ?? parts[place].amount }
    document.components.reserveCapacity(parts.count)
    // By place, not `enumerated()` (its sequence's type was looked up at run time on every
    // call), each field lent where it lies (`parts[place].key` of the array copied the part).
    parts.withUnsafeBufferPointer { parts in
      for place in parts.indices {
        document.add(
          parts[place].key, amount: parts[place].amount, sek: value(place), booked: booked)
      }
    }
    guard booked else {
      documents[id] = consume document
      return
    }
    document.mapIndex = mapIndex
    let title =
      switch kind {
      case .invoice: "Faktura"
      case .creditNote: "Kreditfaktura"
      default: "Kredit"
      }
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: voucherText(title, document, map))
    builder.add(map.accounts.receivables, totalSEK)
    parts.withUnsafeBufferPointer { parts in
      for place in parts.indices {
        addRow(parts[place].key, -value(place), of: document, map: map, to: &builder)
      }
    }
    documents[id] = consume document
    try emit(builder, activity: index)
  }

  /// A credit note attested: what it credits comes off its invoice line by line; what it
  /// credits beyond what was open becomes the customer's to use or be paid back.
  mutating func credit(
    note noteID: Int, invoice invoiceID: Int, applied: Amount, index: Int, on date: Day
  )
    throws(LedgerError)
  {
    var note = try document(noteID)
    var invoice = try document(invoiceID)
    let map = maps[mapIndex(forInvoice: invoiceID)]
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: "Kreditering \(invoice.name) med \(note.name) \(party(invoice, map))")
    if !applied.isZero {
      let noteParts = applied == -note.open ? note.takeAll() : note.take(-applied, feesFirst: false)
      let invoiceParts = invoice.take(
        matching: noteParts.map { KeyedAmount(key: $0.key, amount: -$0.amount) })
      documents[noteID] = note
      documents[invoiceID] = invoice
      clear(noteParts, of: note, map: map, to: &builder)
      clear(invoiceParts, of: invoice, map: map, to: &builder)
    }
    if !note.open.isZero {
      balances[note.customer, default: []].append(.credit(document: noteID, amount: -note.open))
    }
    releaseReserve(ofInvoice: invoiceID, map: map, to: &builder)
    try emit(builder, activity: index)
  }

  /// A reminder fee: no VAT; under the accrual method on the receivable at once, under the cash
  /// method when paid.
  mutating func chargeFee(_ fee: Amount, on id: Int, index: Int, date: Day) throws(LedgerError) {
    var document = try document(id)
    let map = maps[mapIndex(forInvoice: id)]
    let booked = maps[currentMap].method == .accrual
    let sek = document.isForeign ? (fee.converted(at: document.rate)) : fee
    document.add(ComponentKey(role: .fee), amount: fee, sek: sek, booked: booked)
    documents[id] = document
    guard booked else { return }
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: voucherText("Påminnelseavgift", document, map))
    builder.add(map.accounts.receivables, sek)
    builder.add(map.accounts.reminderFee, -sek)
    try emit(builder, activity: index)
  }

  /// A doubtful receivable (befarad kundförlust): the booked amount without VAT is reserved,
  /// with no effect on VAT. Nothing under the cash method before the year end.
  mutating func markDoubtful(_ id: Int, index: Int, date: Day) throws(LedgerError) {
    let document = try document(id)
    let reserve = document.components.filter { $0.booked && !$0.key.role.isVAT }
      .reduce(Amount.zero) { $0 + $1.sek }
    guard reserve > .zero else { return }
    let map = maps[mapIndex(forInvoice: id)]
    documents[id]?.reserve += reserve
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: voucherText("Befarad kundförlust", document, map))
    builder.add(map.accounts.expectedBadDebt, reserve)
    builder.add(map.accounts.doubtfulReceivables, -reserve)
    try emit(builder, activity: index)
  }

  /// A bad debt (konstaterad kundförlust): what is open and booked leaves the receivable; its
  /// output VAT is reduced at the original rates on the unpaid part only, the rest is the loss.
  /// What was never booked (cash method, before the year end) carried no VAT and books nothing.
  mutating func writeOff(_ id: Int, index: Int, date: Day) throws(LedgerError) {
    var document = try document(id)
    let map = maps[mapIndex(forInvoice: id)]
    let parts = document.takeAll()
    document.writtenOff = parts.map {
      Component(key: $0.key, amount: $0.amount, sek: $0.sek, booked: $0.booked)
    }
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: voucherText("Kundförlust", document, map))
    for part in parts where part.booked {
      if part.key.role.isVAT {
        addRow(part.key, part.sek, of: document, map: map, to: &builder)
      } else {
        builder.add(map.accounts.badDebt, part.sek)
      }
      builder.add(map.accounts.receivables, -part.sek)
    }
    if !document.reserve.isZero {
      builder.add(map.accounts.doubtfulReceivables, document.reserve)
      builder.add(map.accounts.expectedBadDebt, -document.reserve)
      document.reserve = .zero
    }
    documents[id] = document
    try emit(builder, activity: index)
  }

  /// A standalone credit used on an invoice of the same customer: both give up the amount.
  mutating func offset(
    credit creditID: Int, invoice invoiceID: Int, amount: Amount, index: Int, date: Day
  )
    throws(LedgerError)
  {
    var credit = try document(creditID)
    var invoice = try document(invoiceID)
    let map = maps[mapIndex(forInvoice: invoiceID)]
    let creditMap = maps[mapIndex(forInvoice: creditID)]
    let invoiceParts = invoice.take(amount)
    let creditParts = credit.take(-amount, feesFirst: false)
    documents[invoiceID] = invoice
    documents[creditID] = credit
    var builder = VoucherBuilder(
      series: map.invoiceSeries, date: date,
      text: "Kvittning \(credit.name) mot \(invoice.name) \(party(invoice, map))")
    clear(invoiceParts, of: invoice, map: map, to: &builder)
    clear(creditParts, of: credit, map: creditMap, to: &builder)
    releaseReserve(ofInvoice: invoiceID, map: map, to: &builder)
    try emit(builder, activity: index)
  }
}
