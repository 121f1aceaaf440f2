import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import Ledger

func d(_ text: String) -> Day { Day(iso: text)! }
func sek(_ text: String) -> Amount { Amount(parsing: text)! }

/// The posting notes' running example: creditor, customers K1 (domestic), EU1 (EU business),
/// BYGG (construction, reverse charge), S7 (a supplier paid by self-invoices); cost centres 100
/// and 200, project P1; products TJ (service, 1 000.00, 25 %), LIV (goods, 100.00, 12 %),
/// VARA (goods, 10 000.00) and the package P100 (60 % TJ, 40 % LIV).
func exampleState(
  method: BookkeepingMethod, tolerance: Amount = .zero, round: Bool = false, reversal: Bool = false
) throws -> BookTransaction {
  var settings = CreditorSettings(
    name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: method)
  settings.paymentTolerance = tolerance
  settings.roundToKronor = round
  settings.yearEndReversal = reversal
  settings.bankgiro = "5050-1055"
  var tx = BookTransaction(state: BookState(settings: settings))
  try tx.addCustomer(
    Customer(number: "K1", name: "Åkessons Åkeri AB", organizationNumber: "556677-8899"))
  try tx.addCustomer(
    Customer(number: "EU1", name: "Berliner GmbH", vatNumber: "DE123456789", market: .eu))
  try tx.addCustomer(Customer(number: "BYGG", name: "Byggbolaget AB", reverseCharge: true))
  try tx.addCustomer(Customer(number: "S7", name: "Leverantören HB"))
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
  try tx.addProduct(
    Product(
      number: "VARA", name: "Maskin", unitPrice: Amount(kronor: 10_000), vatRate: .standard,
      kind: .goods))
  try tx.addProduct(
    Product(
      number: "P100", name: "Paket", unitPrice: Amount(kronor: 1000), kind: .package,
      components: [
        PackageComponent(product: "TJ", share: ExactDecimal(parsing: "0.6")!),
        PackageComponent(product: "LIV", share: ExactDecimal(parsing: "0.4")!),
      ]))
  return tx
}

/// F1001: 8 × TJ (cost centre 100, project P1) and 10 × LIV (cost centre 200), due 2025-04-09.
let f1001 = InvoiceInput(
  customer: "K1", invoiceDate: Day(iso: "2025-03-10")!, dueDate: Day(iso: "2025-04-09")!,
  lines: [
    LineInput(product: "TJ", quantity: ExactDecimal(8), costCentre: "100", project: "P1"),
    LineInput(product: "LIV", quantity: ExactDecimal(10), costCentre: "200"),
  ])

extension BookTransaction {
  /// Drafts and attests; returns the id.
  @discardableResult
  mutating func issue(_ input: InvoiceInput, on date: Day? = nil) throws -> Int {
    let id = try draft(input)
    _ = try attest(id, on: date ?? input.invoiceDate)
    return id
  }
}

/// A posting row as the oracle table writes it: `3001 -8000.00 D1`.
struct OracleRow: Hashable, CustomStringConvertible {
  var account: String
  var amount: Amount
  var costCentre: String?
  var project: String?

  var description: String {
    "\(account) \(amount)" + (costCentre.map { " cc=\($0)" } ?? "")
      + (project.map { " p=\($0)" } ?? "")
  }

  init(_ row: VoucherRow) {
    account = row.account.text
    amount = row.amount
    costCentre = row.costCentre
    project = row.project
  }

  init(_ text: Substring) {
    let fields = text.split(separator: " ")
    account = String(fields[0])
    amount = Amount(
      parsing: fields[1].replacingOccurrences(of: "+", with: "").replacingOccurrences(
        of: "−", with: "-"))!
    switch fields.count > 2 ? fields[2] : "" {
    case "D1":
      costCentre = "100"
      project = "P1"
    case "D2":
      costCentre = "200"
    default:
      break
    }
  }

  /// `"1510 +11120.00; 3001 −8000.00 D1"` as rows, sorted.
  static func parse(_ text: String) -> [OracleRow] {
    text.split(separator: ";").map { OracleRow(Substring($0.trimmingCharacters(in: .whitespaces))) }
      .sorted {
        $0.description < $1.description
      }
  }

  static func of(_ vouchers: [Voucher]) -> [[OracleRow]] {
    vouchers.map { $0.rows.map(OracleRow.init).sorted { $0.description < $1.description } }
  }
}

/// The vouchers of a scenario made after its setup: the journal through `day` of the full
/// scenario, less the vouchers its setup alone gives.
func vouchers(
  _ method: BookkeepingMethod, tolerance: Amount = .zero, round: Bool = false,
  reversal: Bool = false,
  through day: Day, setup: (inout BookTransaction) throws -> Void = { _ in },
  event: (inout BookTransaction) throws -> Void
) throws -> [Voucher] {
  var tx = try exampleState(method: method, tolerance: tolerance, round: round, reversal: reversal)
  try setup(&tx)
  let before = try BookLedger(state: tx.state).journal(through: day).count
  try event(&tx)
  let all = try BookLedger(state: tx.state).journal(through: day)
  for voucher in all {
    #expect(voucher.rows.reduce(Amount.zero) { $0 + $1.amount } == .zero)
  }
  return Array(all.dropFirst(before))
}
