import Basics

extension BookState {
  /// What an attested invoice lacks of the particulars the VAT act requires an invoice to show
  /// (mervärdesskattelagen 17 kap. 24 §), in words: the seller's VAT registration number, the
  /// buyer's address, and under reverse charge the buyer's VAT number. Empty when nothing is
  /// missing (or the invoice is unknown).
  public func missingParticulars(ofInvoice id: Int) -> [String] {
    guard let record = invoices[id] else { return [] }
    let buyer = record.recipient ?? customers[record.invoice.customer]
    var missing = [String]()
    if settings.vatNumber?.isEmpty ?? true {
      missing.append("the seller's VAT registration number (ML; settings set vatNumber SE…01)")
    }
    // An aktiebolag's documents show its registered office (aktiebolagslagen 27 kap. 1 §).
    let name = settings.name.trimmingBlanks
    if settings.registeredOffice == nil
      && (name.hasSuffix(" AB") || name.hasPrefix("AB ")
        || name.lowercased().contains("aktiebolag"))
    {
      missing.append(
        "the registered office of an aktiebolag (ABL 27 kap. 1 §; settings set registeredOffice Stockholm)"
      )
    }
    if let buyer {
      if buyer.address.isEmpty { missing.append("the buyer's address (ML)") }
      if (buyer.reverseCharge || buyer.market == .eu) && (buyer.vatNumber?.isEmpty ?? true) {
        missing.append("the buyer's VAT number (ML: the invoice is under reverse charge)")
      }
    }
    return missing
  }
}

extension BookWarning {
  /// The warning for an attested invoice that lacks particulars the law requires.
  public static func missingParticulars(_ missing: [String], invoice: String) -> BookWarning? {
    guard !missing.isEmpty else { return nil }
    return BookWarning(
      code: .invoiceParticularsMissing,
      message:
        "invoice \(invoice) lacks what the law requires it to show (ML = mervärdesskattelagen 17 kap. 24 §): "
        + missing.joined(separator: "; "))
  }
}
