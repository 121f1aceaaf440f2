import Basics

/// Dense numbers for accounts: numeric accounts below 100 000 (the usual ones) are their own
/// number; every other account gets the next number from 100 000 up, in order of first sight.
struct AccountIndexer {
  private var others: [AccountNumber: Int] = [:]
  private var names: [AccountNumber] = []

  mutating func index(_ key: AccountKey) -> Int {
    guard let other = key.other else { return key.slot }
    return index(other: other)
  }

  mutating func index(_ account: AccountNumber) -> Int { index(AccountKey(account)) }

  private mutating func index(other: AccountNumber) -> Int {
    if let found = others[other] { return found }
    let index = 100_000 + names.count
    others[other] = index
    names.append(other)
    return index
  }

  func number(_ index: Int) -> AccountNumber {
    index < 100_000 ? AccountNumber(index) : names[index - 100_000]
  }
}

/// Values by dense account number (see ``AccountIndexer``): an array lookup per row. The array
/// grows to the highest account used, so that a chart of four-digit accounts costs a few pages.
struct AccountTable<Value> {
  private var values = [Value?]()
  /// The indexes with a value, in first-set order.
  private var used: [Int] = []

  subscript(index: Int) -> Value? {
    get { index < values.count ? values[index] : nil }
    set {
      if index >= values.count { grow(to: index) }
      if values[index] == nil && newValue != nil { used.append(index) }
      values[index] = newValue
    }
  }

  /// Updates the value at `index`, starting from `initial` when it has none.
  mutating func update(_ index: Int, initial: Value, _ body: (inout Value) -> Void) {
    if index >= values.count { grow(to: index) }
    if values[index] == nil {
      values[index] = initial
      used.append(index)
    }
    body(&values[index]!)
  }

  private mutating func grow(to index: Int) {
    let count = max(index + 1, values.count * 2, 1024)
    values += [Value?](repeating: nil, count: count - values.count)
  }

  /// Every index with a value.
  var entries: [(index: Int, value: Value)] {
    used.compactMap { index in values[index].map { (index, $0) } }
  }
}
