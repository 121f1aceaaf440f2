import Basics
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// A changed self-invoice payout is a correction document, and the payable ends at zero
/// (the reproduction: 1 000.00 + 25 % attested, then paid out as 1 200.00).
@Suite struct SelfInvoiceCorrectionTests {
  /// SF-S7-0001 of 1 250.00, corrected by SF-S7-0002 taking back 40.00 + 10.00 VAT.
  func corrected(_ method: BookkeepingMethod) throws -> (BookTransaction, Int) {
    var tx = try exampleState(method: method)
    let original = try tx.draftSelfInvoice(
      payee: "S7", invoiceDate: d("2025-03-01"), payoutDate: d("2025-03-20"),
      lines: [LineInput(description: "Virke", unitPrice: Amount(kronor: 1000), vatRate: .standard)])
    try tx.attestSelfInvoice(original, on: d("2025-03-01"))
    let correction = try tx.draftSelfInvoiceCorrection(
      of: original, date: d("2025-03-05"),
      lines: [
        LineInput(
          description: "Avdrag", quantity: ExactDecimal(-1), unitPrice: Amount(kronor: 40),
          vatRate: .standard)
      ])
    #expect(try tx.attestSelfInvoice(correction, on: d("2025-03-05")) == "SF-S7-0002")
    #expect(tx.state.selfInvoices[original]?.payoutAmount == Amount(kronor: 1200))
    return (tx, original)
  }

  @Test(arguments: [BookkeepingMethod.accrual, .cash])
  func thePayableEndsAtZero(method: BookkeepingMethod) throws {
    var (tx, original) = try corrected(method)
    try tx.record(.selfInvoicePaid(id: original, date: d("2025-03-20")))
    #expect(tx.state.selfInvoices.values.allSatisfy { $0.state == .paid })
    let totals = totalsPerAccount(try BookLedger(state: tx.state).journal(through: d("2025-12-31")))
    #expect(totals["2440"] == nil, "\(totals)")
    #expect(totals["4000"] == sek("960.00") && totals["2641"] == sek("240.00"), "\(totals)")
    #expect(totals["1930"] == sek("-1200.00"))
  }

  @Test func anUnpaidCorrectedSelfInvoiceIsBookedAtTheCashYearEndAsCorrected() throws {
    let (tx, _) = try corrected(.cash)
    let yearEnd = try BookLedger(state: tx.state).journal(through: d("2025-12-31"))
      .filter { $0.series == "J" }
    let totals = totalsPerAccount(yearEnd)
    #expect(totals["2440"] == sek("-1200.00"), "\(totals)")
    #expect(totals["4000"] == sek("960.00") && totals["2641"] == sek("240.00"))
  }

  @Test func anAmountIsNotEditedAndACorrectionLeavesSomethingToPay() throws {
    var (tx, original) = try corrected(.accrual)
    #expect {
      try tx.record(.payoutChanged(id: original, date: nil, amount: Amount(kronor: 1100)))
    } throws: { ($0 as? BookError)?.code == .payoutAmountFixed }
    #expect {
      try tx.draftSelfInvoiceCorrection(
        of: original, date: d("2025-03-06"),
        lines: [
          LineInput(
            description: "Allt", quantity: ExactDecimal(-1), unitPrice: Amount(kronor: 960),
            vatRate: .standard)
        ])
    } throws: { ($0 as? BookError)?.code == .correctionNotAllowed }
    // A correction is paid with its original, never alone.
    #expect {
      try tx.record(.selfInvoicePaid(id: 2, date: d("2025-03-20")))
    } throws: { ($0 as? BookError)?.code == .payoutNotChangeable }
    // Cancelling the original cancels its correction, and the booking is reversed whole.
    try tx.record(.selfInvoiceCancelled(id: original, date: d("2025-03-10")))
    #expect(tx.state.selfInvoices[2]?.state == .cancelled)
    let totals = totalsPerAccount(try BookLedger(state: tx.state).journal(through: d("2025-12-31")))
    #expect(totals.isEmpty, "\(totals)")
  }
}
