/// A map from account numbers to values that is an array lookup for the usual numeric accounts
/// (below 100 000) and a dictionary for the rest: the validator touches it once per row.
struct AccountTable<Value> {
  private static var directLimit: Int { 100_000 }
  private var direct: [Value?]
  private var others: [AccountNumber: Value] = [:]
  /// The accounts with a value in the array part, in first-set order.
  private var directKeys: [Int] = []

  init() { direct = [Value?](repeating: nil, count: Self.directLimit) }

  /// The array slot of a numeric account below 100 000.
  private static func slot(_ account: AccountNumber) -> Int? {
    var value = 0
    var count = 0
    for byte in account.text.utf8 {
      let digit = byte &- 0x30
      guard digit < 10, count < 5 else { return nil }
      value = value * 10 + Int(digit)
      count += 1
    }
    return count > 0 && (count == 1 || account.text.utf8.first != 0x30) ? value : nil
  }

  subscript(account: AccountNumber) -> Value? {
    get {
      if let slot = Self.slot(account) { return direct[slot] }
      return others[account]
    }
    set {
      if let slot = Self.slot(account) {
        if direct[slot] == nil && newValue != nil { directKeys.append(slot) }
        direct[slot] = newValue
      } else {
        others[account] = newValue
      }
    }
  }

  /// Updates the value of `account`, starting from `initial` when it has none.
  mutating func update(_ account: AccountNumber, initial: Value, _ body: (inout Value) -> Void) {
    if let slot = Self.slot(account) {
      if direct[slot] == nil {
        direct[slot] = initial
        directKeys.append(slot)
      }
      body(&direct[slot]!)
    } else {
      body(&others[account, default: initial])
    }
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
