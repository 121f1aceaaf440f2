// libFuzzer harness: one journal line decoded, and its event applied to a book's state: a
// line is read, refused or reported, and never crashes the reader; the scanner and the parser
// agree on every line the scanner reads.
@testable import Basics
@testable import Invoicing

let baseState: BookState = {
  var settings = CreditorSettings(
    name: "Exempelbolaget AB", organizationNumber: "556677-8899", method: .accrual)
  settings.bankgiro = "5050-1055"
  var state = BookState(settings: settings)
  var transaction = BookTransaction(state: state)
  try! transaction.addCustomer(Customer(number: "K1", name: "Kund AB"))
  try! transaction.addProduct(
    Product(number: "TJ", name: "Tjänst", unitPrice: Amount(kronor: 1000), vatRate: .standard))
  state = transaction.state
  return state
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // A line read straight from its bytes is the entry the JSON tree reads.
  if let scanned = bytes.withUnsafeBufferPointer({ Journal.scanLine($0, number: 1) }) {
    guard case .entry(let parsed, let previous) = Journal.parseLine(bytes[...], number: 1),
      parsed.version == scanned.entry.version, parsed.sequence == scanned.entry.sequence,
      parsed.time == scanned.entry.time, parsed.event == scanned.entry.event,
      previous == scanned.previous
    else { fatalError("the scanner and the parser read the line differently") }
  }
  let decoded = Journal.decodeLine(bytes[...], number: 1)
  if case .entry(let entry, _) = decoded.content {
    var state = baseState
    if (try? state.apply(entry.event)) != nil {
      // An event the state took must leave totals and balances that can be read.
      for record in state.invoices.values { _ = record.open }
    }
  }
  return 0
}
