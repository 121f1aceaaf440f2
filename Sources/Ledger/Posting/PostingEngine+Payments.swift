import Basics
import Invoicing

extension PostingEngine {
  /// A payment on an invoice: money in (bank, or the client-funds claim), the invoice's parts
  /// cleared — reminder fees first, then the lines in proportion — a short payment within the
  /// tolerance to rounding, an overpayment to advances, money for a written-off invoice to
  /// recovery.
  mutating func pay(_ payment: AppliedPayment, on id: Int, index: Int, date: Day)
    throws(LedgerError)
  {
    // Out of the table until it is put back below, so that taking parts off it changes it in
    // place instead of copying it. Booked with the map fixed when it was first booked, else
    // the current one (a payment does not fix it).
    var document = try takeDocument(id)
    let map = maps[document.mapIndex ?? currentMap]
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date,
      text: voucherText("Inbetalning", document, map))
    let received =
      payment.receivedSEK
      ?? (document.isForeign
        ? (payment.received.converted(at: document.rate)) : payment.received)
    func share(_ part: Amount) -> Amount {
      part.isZero
        ? .zero : (payment.received.isZero ? part : received.share(part, of: payment.received))
    }
    let overpaid = share(payment.overpaid)
    let recovered = share(payment.recovered)
    let applied = received - overpaid - recovered
    let rounding =
      payment.rounding.isZero
      ? Amount.zero
      : (document.isForeign
        ? (payment.applied.isZero
          ? (payment.rounding.converted(at: document.rate))
          : applied.share(payment.rounding, of: payment.applied))
        : payment.rounding)
    // The money.
    if payment.means == .balance {
      try useBalance(received, of: document.customer, map: map, to: &builder)
    } else if payment.means == .incoming {
      // From the queue: off advances, or from the bank when arrivals are not booked.
      builder.add(
        map.bookUnmatchedPayments ? map.accounts.customerAdvances : map.accounts.bank, received)
    } else {
      let account =
        payment.means == .clientFunds ? map.accounts.clientFundsClaim : map.accounts.bank
      builder.add(account, received)
    }
    builder.add(map.accounts.rounding, rounding)
    // What it pays.
    let settled = payment.applied + payment.rounding
    var taken = [Part]()
    if !settled.isZero {
      taken = document.take(settled)
      clear(taken, of: document, valueSEK: applied + rounding, map: map, to: &builder)
    }
    if !recovered.isZero {
      recover(payment.recovered, worth: recovered, of: &document, map: map, to: &builder)
    }
    if !overpaid.isZero {
      builder.add(map.accounts.customerAdvances, -overpaid)
      balances[document.customer, default: []].append(.advance(overpaid))
    }
    let customer = reversedPayments.contains(payment.payment) ? document.customer : nil
    documents[id] = consume document
    releaseReserve(ofInvoice: id, map: map, to: &builder)
    if let customer {
      paymentPostings[payment.payment] = PaymentPosting(
        rows: builder.rows, parts: taken, overpaid: overpaid, customer: customer)
    }
    try emit(builder, activity: index)
  }

  /// Money for a written-off invoice: where the loss had reduced VAT, the VAT is due again and
  /// the rest is a recovered bad debt; a part never booked (cash method) is simply revenue.
  private func recover(
    _ amount: Amount, worth value: Amount, of document: inout DocumentLedger, map: AccountMap,
    to builder: inout VoucherBuilder
  ) {
    var lost = document
    lost.components = document.writtenOff
    let parts = lost.take(amount, feesFirst: false)
    document.writtenOff = lost.components
    let values = value.allocated(proportionallyTo: parts.map(\.amount))
    for (part, partValue) in zip(parts, values) {
      if !part.booked {
        addRow(part.key, -partValue, of: document, map: map, to: &builder)
      } else if part.key.role.isVAT {
        addRow(part.key, -partValue, of: document, map: map, to: &builder)
      } else {
        builder.add(map.accounts.recoveredBadDebt, -partValue)
      }
    }
    let covered = parts.reduce(Amount.zero) { $0 + $1.amount }
    if covered.isZero { builder.add(map.accounts.recoveredBadDebt, -value) }
  }

  /// Uses `amount` (SEK) of a customer's balance, oldest first: advances are taken back; a
  /// credit note's excess is cleared off the credit note.
  mutating func useBalance(
    _ amount: Amount, of customer: String, map: AccountMap, to builder: inout VoucherBuilder
  ) throws(LedgerError) {
    var rest = amount
    var items = balances[customer] ?? []
    while rest > .zero, !items.isEmpty {
      switch items[0] {
      case .advance(let available):
        let taken = min(rest, available)
        builder.add(map.accounts.customerAdvances, taken)
        rest -= taken
        if taken == available {
          items.removeFirst()
        } else {
          items[0] = .advance(available - taken)
        }
      case .credit(let id, let available):
        let taken = min(rest, available)
        var note = try document(id)
        let parts = note.take(-taken, feesFirst: false)
        documents[id] = note
        clear(parts, of: note, map: maps[mapIndex(forInvoice: id)], to: &builder)
        rest -= taken
        if taken == available {
          items.removeFirst()
        } else {
          items[0] = .credit(document: id, amount: available - taken)
        }
      }
    }
    balances[customer] = items
    guard rest.isZero else {
      throw LedgerError(
        .inconsistentBook, .customer(customer),
        "customer \(customer) has \(amount - rest) to use, not \(amount)")
    }
  }

  /// Money from a customer's balance paid back.
  mutating func refund(_ amount: Amount, to customer: String, index: Int, date: Day)
    throws(LedgerError)
  {
    let map = maps[currentMap]
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date, text: "Återbetalning \(customer)")
    try useBalance(amount, of: customer, map: map, to: &builder)
    builder.add(map.accounts.bank, -amount)
    try emit(builder, activity: index)
  }

  /// Client funds paid out: the bank gets what is left after the service's fee and its VAT.
  mutating func payOut(_ payout: ClientFundsPayout, index: Int, date: Day) throws(LedgerError) {
    let map = maps[currentMap]
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date, text: "Utbetalning klientmedel")
    builder.add(map.accounts.bank, payout.net)
    builder.add(map.accounts.serviceFees, payout.fee)
    builder.add(map.accounts.inputVAT, payout.feeVAT)
    builder.add(map.accounts.clientFundsClaim, -payout.amount)
    try emit(builder, activity: index)
  }
}

/// What an invoice payment booked: its rows, the parts it took off the invoice, and the
/// overpayment it left as the customer's advance.
struct PaymentPosting: Sendable {
  var rows: [VoucherRow]
  var parts: [Part]
  var overpaid: Amount
  var customer: String
}

extension PostingEngine {
  /// An incoming payment nobody has placed yet: money in, owed back as an advance until it is.
  mutating func receiveUnmatched(_ payment: String, amount: Amount, index: Int, date: Day)
    throws(LedgerError)
  {
    let map = maps[currentMap]
    guard map.bookUnmatchedPayments else { return }
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date, text: "Inbetalning ej matchad \(payment)")
    builder.add(map.accounts.bank, amount)
    builder.add(map.accounts.customerAdvances, -amount)
    try emit(builder, activity: index)
  }

  /// An incoming payment out of the queue: paid back, or booked elsewhere by the user — either
  /// way the advance is reversed.
  mutating func removeUnmatched(
    _ payment: String, amount: Amount, refunded: Bool, index: Int, date: Day
  ) throws(LedgerError) {
    let map = maps[currentMap]
    guard map.bookUnmatchedPayments else { return }
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date,
      text: (refunded ? "Återbetalning " : "Bokförd annanstans ") + payment)
    builder.add(map.accounts.customerAdvances, amount)
    builder.add(map.accounts.bank, -amount)
    try emit(builder, activity: index)
  }

  /// Undoes an invoice payment: the opposite of what it booked, its money back on customer
  /// advances (where an unplaced payment waits), and the parts it took back on the invoice.
  mutating func reversePayment(_ payment: Int, on id: Int, index: Int, date: Day)
    throws(LedgerError)
  {
    guard let posting = paymentPostings[payment] else {
      throw LedgerError(
        .inconsistentBook, .payment(String(payment)),
        "payment \(payment) is undone before it was booked")
    }
    var document = try document(id)
    let map = maps[mapIndex(forInvoice: id)]
    var builder = VoucherBuilder(
      series: map.paymentSeries, date: date,
      text: voucherText("Återförd inbetalning", document, map))
    for row in posting.rows {
      let money = row.account == map.accounts.bank || row.account == map.accounts.clientFundsClaim
      builder.add(
        money ? map.accounts.customerAdvances : row.account, -row.amount,
        costCentre: row.costCentre,
        project: row.project, text: row.text)
    }
    for part in posting.parts {
      document.add(part.key, amount: part.amount, sek: part.sek, booked: part.booked)
    }
    documents[id] = document
    if !posting.overpaid.isZero {
      var items = balances[posting.customer] ?? []
      var rest = posting.overpaid
      for position in items.indices.reversed() where rest > .zero {
        if case .advance(let available) = items[position] {
          let taken = min(rest, available)
          items[position] = .advance(available - taken)
          rest -= taken
        }
      }
      items.removeAll { if case .advance(let left) = $0 { left.isZero } else { false } }
      balances[posting.customer] = items
    }
    paymentPostings[payment] = nil
    try emit(builder, activity: index)
  }
}
