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
      missing.append("the seller's VAT registration number (settings set vatNumber SE…01)")
    }
    if let buyer {
      if buyer.address.isEmpty { missing.append("the buyer's address") }
      if (buyer.reverseCharge || buyer.market == .eu) && (buyer.vatNumber?.isEmpty ?? true) {
        missing.append("the buyer's VAT number (the invoice is under reverse charge)")
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
        "invoice \(invoice) lacks what an invoice must show (ML 17 kap. 24 §): "
        + missing.joined(separator: "; "))
  }
}
