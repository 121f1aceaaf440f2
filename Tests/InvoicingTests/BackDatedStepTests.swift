import Basics
import Testing

@testable import Invoicing

/// Steps dated back (what `run-due` records after a gap): they are judged by how the invoice
/// stood on their day, not by how it stands now.
@Suite struct BackDatedStepTests {
  /// Invoice 1001 of 1 250.00 (attested 2025-03-10, due 2025-04-09), paid in full 2025-05-02.
  func paidInvoice() throws -> (BookTransaction, Int) {
    var settings = CreditorSettings(name: "Exempelbolaget AB", organizationNumber: "556677-8899")
    settings.paymentTolerance = .zero
    var tx = BookTransaction(state: BookState(settings: settings))
    try tx.addCustomer(Customer(number: "K1", name: "Kund AB"))
    let id = try tx.draft(
      InvoiceInput(
        customer: "K1", invoiceDate: d("2025-03-10"), dueDate: d("2025-04-09"),
        lines: [
          LineInput(description: "Arbete", unitPrice: Amount(kronor: 1000), vatRate: .standard)
        ]))
    try tx.attest(id, on: d("2025-03-10"))
    try tx.pay(id, amount: Amount(kronor: 1250), on: d("2025-05-02"))
    #expect(tx.state.invoices[id]?.state == .paid)
    return (tx, id)
  }

  @Test func aReminderDatedWhileOpenReopensTheInvoiceForItsFee() throws {
    var (tx, id) = try paidInvoice()
    try tx.record(.reminderSent(id: id, date: d("2025-04-20"), fee: Amount(kronor: 60)))
    let record = try #require(tx.state.invoices[id])
    #expect(record.state == .reminded)
    #expect(record.open == Amount(kronor: 60))
    #expect(record.closedOn == nil)
  }

  @Test func aReminderDatedAfterThePaymentIsRefused() throws {
    var (tx, id) = try paidInvoice()
    #expect {
      try tx.record(.reminderSent(id: id, date: d("2025-05-02"), fee: .zero))
    } throws: { ($0 as? BookError)?.code == .reminderNotAllowed }
  }

  @Test func remindersStayInDateOrder() throws {
    var (tx, id) = try paidInvoice()
    try tx.record(.reminderSent(id: id, date: d("2025-04-25"), fee: .zero))
    #expect {
      try tx.record(.reminderSent(id: id, date: d("2025-04-20"), fee: .zero))
    } throws: { ($0 as? BookError)?.code == .reminderNotAllowed }
  }

  @Test func aCollectionDatedWhileOpenKeepsThePaidInvoicePaid() throws {
    var (tx, id) = try paidInvoice()
    try tx.record(.sentToCollection(id: id, date: d("2025-04-30")))
    let record = try #require(tx.state.invoices[id])
    #expect(record.state == .paid)
    #expect(record.collectionDate == d("2025-04-30"))
    // A reminder on or after that day finds the invoice in collection.
    #expect(!record.wasOpen(on: d("2025-04-30")))
    #expect {
      try tx.record(.sentToCollection(id: id, date: d("2025-05-03")))
    } throws: { ($0 as? BookError)?.code == .collectionNotAllowed }
  }
}
