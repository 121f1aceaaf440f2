import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// An export, once made, explains itself forever: whatever the book learns afterwards — later
/// payments dated back into the period, reminders, credit notes, a renamed customer, changed
/// settings and accounts — rebuilding it from the journal gives the bytes first written, SIE
/// file and bundle alike.
@Suite struct FrozenExportTests {
  @Test(arguments: Array(UInt64(1)...12))
  func laterEventsDoNotChangeAnExport(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      // The registers are in the book already; the rest of the year arrives in two halves.
      let (book, first, second) = try randomBookInHalves(seed: seed, method: method)
      try book.book.append(first)
      let (_, file) = try book.export(
        "2025-01-01", "2025-06-30", name: "h1.se", bundle: "h1.zip")
      let bundle = Array(try Data(contentsOf: URL(fileURLWithPath: book.file("h1.zip"))))
      try book.book.append(second)
      try book.book.transact { tx in
        var customer = tx.state.customers["K1"]!
        customer.name = "Nytt Namn AB"
        customer.address = PostalAddress(street: "Ny gata 9", postalCode: "999 99", city: "Kiruna")
        try tx.updateCustomer(customer)
        var settings = tx.state.settings
        settings.name = "Omdöpta Bolaget AB"
        settings.registeredOffice = "Malmö"
        settings.fSkatt = false
        settings.bankgiro = "5555-5551"
        settings.accounts.reminderFee = "3590"
        settings.accountNames["3001"] = "Ett annat namn"
        try tx.record(.settingsChanged(settings))
      }
      let rebuilt = try BookLedger(state: book.book.state).reproduce(
        export: 1, documents: book.file("book/" + Book.documentsDirectory))
      // Compared by hash, so that a failure names the case rather than printing the bytes.
      #expect(
        SHA256.hex(rebuilt.file) == SHA256.hex(file), "\(method) seed \(seed): the SIE file changed"
      )
      #expect(
        SHA256.hex(rebuilt.bundle ?? []) == SHA256.hex(bundle),
        "\(method) seed \(seed): the bundle changed")
    }
  }
}
