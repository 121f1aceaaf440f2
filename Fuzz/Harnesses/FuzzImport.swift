// libFuzzer harness: an import document applied to a small book in memory: applied, or
// refused with a BookError naming its JSON path; never a crash.
@testable import Basics
@testable import Invoicing

let baseState: BookState = {
  var settings = CreditorSettings(
    name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: .cash)
  settings.bankgiro = "5050-1055"
  var transaction = BookTransaction(state: BookState(settings: settings))
  try! transaction.addCustomer(Customer(number: "K1", name: "Kund AB"))
  try! transaction.addProduct(
    Product(number: "TJ", name: "Tjänst", unitPrice: Amount(kronor: 1000), vatRate: .standard))
  return transaction.state
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var transaction = BookTransaction(state: baseState)
  if (try? BookImport.apply(bytes, to: &transaction)) != nil {
    for record in transaction.state.invoices.values { _ = record.open }
  }
  return 0
}
