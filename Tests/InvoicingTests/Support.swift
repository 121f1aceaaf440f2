import Basics
import Foundation
import Invoicing
import TestSupport

let fixedClock: @Sendable () -> String = { "2025-01-01T00:00:00Z" }

func d(_ text: String) -> Day { Day(iso: text)! }

/// A book with the registers of the posting notes' running example.
func exampleBook(
  in directory: TemporaryDirectory, method: BookkeepingMethod = .accrual, tolerance: Amount = .zero
) throws -> Book {
  var settings = CreditorSettings(
    name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: method)
  settings.bankgiro = "5050-1055"
  settings.paymentTolerance = tolerance
  let book = try Book.create(at: directory.file("book"), settings: settings, clock: fixedClock)
  try book.transact { tx in
    try tx.addCustomer(
      Customer(number: "K1", name: "Åkessons Åkeri AB", organizationNumber: "556677-8899"))
    try tx.addCustomer(Customer(number: "K2", name: "Berg HB"))
    try tx.addCostCentre(DimensionEntry(code: "100", name: "Stockholm"))
    try tx.addCostCentre(DimensionEntry(code: "200", name: "Butik"))
    try tx.addProject(DimensionEntry(code: "P1", name: "Bygget"))
    try tx.addProduct(
      Product(
        number: "TJ", name: "Konsulttjänst", unitPrice: Amount(kronor: 1000), vatRate: .standard))
    try tx.addProduct(
      Product(
        number: "LIV", name: "Livsmedel", unitPrice: Amount(kronor: 100), vatRate: .reduced,
        kind: .goods))
  }
  return book
}

/// F1001: 8 × 1 000.00 at 25 % (cost centre 100, project P1) and 10 × 100.00 at 12 % (cost centre 200).
let f1001 = InvoiceInput(
  customer: "K1", invoiceDate: Day(iso: "2025-03-10")!, dueDate: Day(iso: "2025-04-09")!,
  lines: [
    LineInput(product: "TJ", quantity: ExactDecimal(8), costCentre: "100", project: "P1"),
    LineInput(product: "LIV", quantity: ExactDecimal(10), costCentre: "200"),
  ])

let packageRoot = PackagePaths.root
