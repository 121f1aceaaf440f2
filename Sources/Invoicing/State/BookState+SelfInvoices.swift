import Basics

extension BookState {
  /// The events of self-invoices: drafts, attestation (and corrections), payouts.
  mutating func applySelfInvoice(_ event: Event) throws(BookError) {
    switch event {
    case .selfInvoiceDrafted(let selfInvoice):
      guard selfInvoice.id == nextSelfInvoiceID else {
        throw BookError(
          .eventOutOfSequence, .selfInvoice("d\(selfInvoice.id)"),
          "self-invoice id \(selfInvoice.id) out of sequence")
      }
      try checkSelfInvoice(selfInvoice)
      if let original = selfInvoice.corrects { try checkCorrection(selfInvoice, of: original) }
      insertSelfInvoice(selfInvoice)
    case .selfInvoiceUpdated(let selfInvoice):
      let record = try selfInvoiceRecord(selfInvoice.id)
      guard record.state == .draft else {
        throw BookError(
          .selfInvoiceAttested, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is attested; it cannot change")
      }
      try checkSelfInvoice(selfInvoice)
      updateSelfInvoice(selfInvoice.id) {
        $0.selfInvoice = selfInvoice
        $0.payoutAmount = selfInvoice.totals.total
      }
    case .selfInvoiceAttested(let id, let number, let date):
      let record = try selfInvoiceRecord(id)
      guard record.state == .draft else {
        throw BookError(
          .selfInvoiceAttested, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is attested already")
      }
      let payee = record.selfInvoice.payee
      let sequence = (payeeSequences[payee] ?? 0) + 1
      guard number == SelfInvoice.number(payee: payee, sequence: sequence) else {
        throw BookError(
          .eventOutOfSequence, .selfInvoice(number),
          "self-invoice number \(number) out of sequence for payee \(payee)")
      }
      if let original = record.selfInvoice.corrects {
        try checkCorrection(record.selfInvoice, of: original)
      }
      setPayeeSequence(payee, sequence)
      let snapshot = customers[payee]
      let issuedUnder = settingsHistory.count - 1
      updateSelfInvoice(id) {
        $0.payee = snapshot
        $0.issuedUnder = issuedUnder
        $0.issuedPayoutDate = $0.selfInvoice.payoutDate
        $0.selfInvoice.number = number
        $0.state = .attested
        $0.attestedOn = date
      }
      if let original = record.selfInvoice.corrects {
        updateSelfInvoice(original) {
          $0.payoutAmount += record.selfInvoice.totals.total
          $0.corrections.append(id)
        }
      }
      log(.selfInvoiceAttested(id: id, date: date))
    case .payoutChanged(let id, let date, let amount):
      if let amount { try checkAmount(amount, "the payout") }
      if let date { try checkDay(date, "the payout date") }
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested || record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); its payout can change only until paid"
        )
      }
      if let amount, amount <= .zero {
        throw BookError(.invalidPayout, .none, "a payout amount must be more than zero")
      }
      if let date, date < record.selfInvoice.invoiceDate {
        throw BookError(
          .payoutBeforeInvoiceDate, .none, "the payout cannot come before the invoice date")
      }
      updateSelfInvoice(id) {
        if let date { $0.selfInvoice.payoutDate = date }
        if let amount { $0.payoutAmount = amount }
      }
    case .payoutPaused(let id):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "only an attested, unpaid self-invoice can be paused")
      }
      updateSelfInvoice(id) { $0.state = .paused }
    case .payoutResumed(let id):
      let record = try selfInvoiceRecord(id)
      guard record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is not paused")
      }
      updateSelfInvoice(id) { $0.state = .attested }
    case .selfInvoiceCancelled(let id, let date):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested || record.state == .paused else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); only an unpaid attested one can be cancelled"
        )
      }
      // Its corrections go with it.
      for document in [id] + record.corrections {
        updateSelfInvoice(document) {
          $0.state = .cancelled
          $0.cancelledOn = date
        }
        log(.selfInvoiceCancelled(id: document, date: date))
      }
    case .selfInvoicePaid(let id, let date):
      let record = try selfInvoiceRecord(id)
      try refuseCorrection(record)
      guard record.state == .attested else {
        throw BookError(
          .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
          "self-invoice \(record.selfInvoice.displayName) is \(record.state.rawValue); only an attested one is paid out"
        )
      }
      for document in [id] + record.corrections {
        updateSelfInvoice(document) {
          $0.state = .paid
          $0.paidOn = date
        }
      }
      log(.selfInvoicePaid(id: id, date: date, amount: record.payoutAmount))
    default:
      return  // only the cases above are passed here
    }
  }

  func selfInvoiceRecord(_ id: Int) throws(BookError) -> SelfInvoiceRecord {
    guard let record = selfInvoices[id] else {
      throw BookError(.noSuchSelfInvoice, .selfInvoice("d\(id)"), "no self-invoice with id \(id)")
    }
    return record
  }

  /// A correction is paid out, paused and cancelled with its original, never alone.
  func refuseCorrection(_ record: SelfInvoiceRecord) throws(BookError) {
    guard let original = record.selfInvoice.corrects else { return }
    let name = selfInvoices[original]?.selfInvoice.displayName ?? "d\(original)"
    throw BookError(
      .payoutNotChangeable, .selfInvoice(record.selfInvoice.displayName),
      "\(record.selfInvoice.displayName) corrects \(name); its payout is the original's")
  }

  /// A correction names an attested, unpaid self-invoice of the same payee that is not a
  /// correction itself, and leaves more than zero to pay out.
  func checkCorrection(_ correction: SelfInvoice, of original: Int) throws(BookError) {
    guard let record = selfInvoices[original], record.selfInvoice.corrects == nil,
      record.state == .attested || record.state == .paused,
      record.selfInvoice.payee == correction.payee
    else {
      throw BookError(
        .correctionNotAllowed, .selfInvoice("d\(correction.id)"),
        "a correction is made to an attested, unpaid self-invoice of the same payee (not to d\(original) as it stands)"
      )
    }
    guard record.payoutAmount + correction.totals.total > .zero else {
      throw BookError(
        .correctionNotAllowed, .selfInvoice(record.selfInvoice.displayName),
        "\(record.selfInvoice.displayName) pays out \(record.payoutAmount); a correction of \(correction.totals.total) leaves nothing to pay (cancel it instead)"
      )
    }
  }

  func checkSelfInvoice(_ selfInvoice: SelfInvoice) throws(BookError) {
    try checkDay(selfInvoice.invoiceDate, "the invoice date")
    try checkDay(selfInvoice.payoutDate, "the payout date")
    try Self.checkLines(selfInvoice.lines)
    guard customers.contains(key: selfInvoice.payee) else {
      throw BookError(
        .noSuchCustomer, .customer(selfInvoice.payee),
        "no payee \(selfInvoice.payee) in the customer register")
    }
    guard !selfInvoice.lines.isEmpty else {
      throw BookError(.noLines, .none, "a self-invoice needs at least one line")
    }
    guard selfInvoice.payoutDate >= selfInvoice.invoiceDate else {
      throw BookError(
        .payoutBeforeInvoiceDate, .none, "the payout cannot come before the invoice date")
    }
    // A correction takes back with negative quantities.
    for (index, line) in selfInvoice.lines.enumerated()
    where line.quantity <= .zero && (selfInvoice.corrects == nil || line.quantity.isZero) {
      throw BookError(
        .invalidQuantity, .line(index + 1), "line \(index + 1): the quantity must be more than zero"
      )
    }
  }
}
