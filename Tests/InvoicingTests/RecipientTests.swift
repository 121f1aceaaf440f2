import Basics
import TestSupport
import Testing

@testable import Invoicing

/// An attested invoice shows its customer as the customer was then; the invoices attested
/// between two changes of a customer share one copy of it.
@Suite struct RecipientTests {
  @Test func invoicesShowTheirCustomerAsAttestedAndShareOneCopyOfIt() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let (first, second, third, other) = try book.transact { tx in
      let first = try tx.draft(f1001)
      let second = try tx.draft(f1001)
      var input = f1001
      input.customer = "K2"
      let other = try tx.draft(input)
      _ = try tx.attest(first, on: d("2025-03-10"))
      _ = try tx.attest(second, on: d("2025-03-10"))
      _ = try tx.attest(other, on: d("2025-03-10"))
      try tx.updateCustomer(
        Customer(number: "K1", name: "Åkessons Åkeri & Son AB", organizationNumber: "556677-8899"))
      let third = try tx.draft(f1001)
      _ = try tx.attest(third, on: d("2025-03-11"))
      return (first, second, third, other)
    }
    // As applied, and as replayed from the journal.
    for state in [book.state, try Book.open(at: book.directory, checkpoint: .none).state] {
      let records = [first, second, third, other].map { state.invoices[$0]! }
      #expect(
        records.map { $0.recipient?.name } == [
          "Åkessons Åkeri AB", "Åkessons Åkeri AB", "Åkessons Åkeri & Son AB", "Berg HB",
        ])
      #expect(records[0].sharedRecipient === records[1].sharedRecipient)
      #expect(records[0].sharedRecipient !== records[2].sharedRecipient)
      #expect(records[0].sharedRecipient !== records[3].sharedRecipient)
    }
  }
}

/// A checkpoint numbers a customer in a shared box as it numbers the customer itself: boxes
/// are looked up by identity after the first time, and equal customers in other boxes or
/// written plainly get the same number.
@Suite struct SharedCustomerCheckpointTests {
  @Test func aSharedCustomerIsWrittenAsTheCustomerItHolds() {
    let first = Customer(number: "K1", name: "Åkeri AB")
    let second = Customer(number: "K2", name: "Bageri AB")
    let box = SharedCustomer(first)
    let otherBox = SharedCustomer(first)
    let secondBox = SharedCustomer(second)
    var shared = CheckpointWriter(reserving: 64)
    shared.customer(box)
    shared.customer(secondBox)
    shared.customer(box)
    shared.customer(otherBox)
    shared.customer(first)
    var plain = CheckpointWriter(reserving: 64)
    for customer in [first, second, first, first, first] { plain.customer(customer) }
    #expect(shared.bytes == plain.bytes)
    #expect(shared.written.customerCount == 2)
  }
}
