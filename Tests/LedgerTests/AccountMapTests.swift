import Basics
import Invoicing
import Testing

@testable import Ledger

/// Copies of a map share their fields until one is changed: a change reaches only the copy
/// changed, maps compare and hash by what they hold, and the JSON kept with an export reads
/// back as the map written.
@Suite struct AccountMapTests {
  @Test func aChangedCopyLeavesTheOriginal() throws {
    let state = try exampleState(method: .accrual).state
    let original = AccountMap(state: state)
    var copy = original
    #expect(copy == original && copy.hashValue == original.hashValue)
    copy.invoiceSeries = "X"
    copy.accounts.receivables = "1511"
    copy.products["TJ", default: ProductAccounts()].sales = "3041"
    #expect(original.invoiceSeries == AccountMap(state: state).invoiceSeries)
    #expect(original.accounts.receivables == "1510")
    #expect(original.products["TJ"]?.sales == AccountMap(state: state).products["TJ"]?.sales)
    #expect(copy.invoiceSeries == "X" && copy.accounts.receivables == "1511")
    #expect(copy != original)
    // Equal again when the same fields are set apart from the original's box.
    var again = AccountMap(state: state)
    again.invoiceSeries = "X"
    again.accounts.receivables = "1511"
    again.products["TJ", default: ProductAccounts()].sales = "3041"
    #expect(again == copy && again.hashValue == copy.hashValue)
  }

  @Test func theKeptJSONReadsBack() throws {
    var map = AccountMap(state: try exampleState(method: .cash).state)
    map.accountNames["3001"] = "Försäljning"
    map.bookUnmatchedPayments = false
    let read = try AccountMap(json: JSONReader(map.jsonValue))
    #expect(read == map)
    #expect(read.jsonValue == map.jsonValue)
  }
}
