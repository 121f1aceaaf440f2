/// A map from accounts to values that is an array lookup for the usual numeric accounts
/// (below 100 000) and a dictionary for the rest: the validator touches it once per row.
struct AccountTable<Value> {
  private var direct: [Value?]
  private var others: [AccountNumber: Value] = [:]
  /// The slots with a value, in first-set order.
  private var directKeys: [Int] = []

  init() { direct = [Value?](repeating: nil, count: 100_000) }

  subscript(key: AccountKey) -> Value? {
    get { key.other.map { others[$0] } ?? direct[key.slot] }
    set {
      if let other = key.other {
        others[other] = newValue
      } else {
        if direct[key.slot] == nil && newValue != nil { directKeys.append(key.slot) }
        direct[key.slot] = newValue
      }
    }
  }

  subscript(account: AccountNumber) -> Value? {
    get { self[AccountKey(account)] }
    set { self[AccountKey(account)] = newValue }
  }

  /// Updates the value of `key`, starting from `initial` when it has none.
  mutating func update(_ key: AccountKey, initial: Value, _ body: (inout Value) -> Void) {
    if let other = key.other {
      body(&others[other, default: initial])
    } else {
      if direct[key.slot] == nil {
        direct[key.slot] = initial
        directKeys.append(key.slot)
      }
      body(&direct[key.slot]!)
    }
  }

  mutating func update(_ account: AccountNumber, initial: Value, _ body: (inout Value) -> Void) {
    update(AccountKey(account), initial: initial, body)
  }

  /// Every account with a value, in ascending order.
  var entries: [(account: AccountNumber, value: Value)] {
    var result = directKeys.compactMap { slot in
      direct[slot].map { (account: AccountNumber(slot), value: $0) }
    }
    result += others.map { (account: $0.key, value: $0.value) }
    return result.sorted { $0.account < $1.account }
  }
}
