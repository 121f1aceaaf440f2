import Basics

/// The book's chart of accounts for posting: BAS 2022 defaults, each configurable (the posting
/// notes' "setting" keys). Read when the accounting basis is created.
public struct AccountSettings: Hashable, Sendable {
  public var receivables: AccountNumber = "1510"
  public var bank: AccountNumber = "1930"
  /// The claim on money the invoicing service holds for the creditor (not BAS: a choice).
  public var clientFundsClaim: AccountNumber = "1689"
  /// The credit side of a doubtful receivable (befarad kundförlust).
  public var doubtfulReceivables: AccountNumber = "1519"
  public var customerAdvances: AccountNumber = "2420"
  public var payables: AccountNumber = "2440"
  public var outputVAT25: AccountNumber = "2611"
  public var outputVAT12: AccountNumber = "2621"
  public var outputVAT6: AccountNumber = "2631"
  public var inputVAT: AccountNumber = "2641"
  public var sales25: AccountNumber = "3001"
  public var sales12: AccountNumber = "3002"
  public var sales6: AccountNumber = "3003"
  public var salesExempt: AccountNumber = "3004"
  public var salesNonEUGoods: AccountNumber = "3105"
  public var salesEUGoods: AccountNumber = "3108"
  public var salesNonEUServices: AccountNumber = "3305"
  public var salesEUServices: AccountNumber = "3308"
  public var salesReverseCharge: AccountNumber = "3231"
  public var rounding: AccountNumber = "3740"
  /// Not in BAS; Björn Lundén's choice, others use 3590 or 3990.
  public var reminderFee: AccountNumber = "3930"
  public var recoveredBadDebt: AccountNumber = "3950"
  public var exchangeGain: AccountNumber = "3960"
  public var purchases: AccountNumber = "4000"
  public var serviceFees: AccountNumber = "6064"
  public var badDebt: AccountNumber = "6351"
  /// A doubtful receivable's expected loss (befarad kundförlust), no VAT effect.
  public var expectedBadDebt: AccountNumber = "6352"
  public var exchangeLoss: AccountNumber = "7960"
  public var interest: AccountNumber = "8313"

  public init() {}

  /// Every setting by its JSON key.
  nonisolated(unsafe) public static let keys:
    [(key: String, path: WritableKeyPath<AccountSettings, AccountNumber>)] = [
      ("receivables", \.receivables), ("bank", \.bank), ("clientFundsClaim", \.clientFundsClaim),
      ("doubtfulReceivables", \.doubtfulReceivables), ("customerAdvances", \.customerAdvances),
      ("payables", \.payables),
      ("outputVAT25", \.outputVAT25), ("outputVAT12", \.outputVAT12), ("outputVAT6", \.outputVAT6),
      ("inputVAT", \.inputVAT), ("sales25", \.sales25), ("sales12", \.sales12),
      ("sales6", \.sales6),
      ("salesExempt", \.salesExempt), ("salesNonEUGoods", \.salesNonEUGoods),
      ("salesEUGoods", \.salesEUGoods), ("salesNonEUServices", \.salesNonEUServices),
      ("salesEUServices", \.salesEUServices), ("salesReverseCharge", \.salesReverseCharge),
      ("rounding", \.rounding), ("reminderFee", \.reminderFee),
      ("recoveredBadDebt", \.recoveredBadDebt), ("exchangeGain", \.exchangeGain),
      ("purchases", \.purchases), ("serviceFees", \.serviceFees), ("badDebt", \.badDebt),
      ("expectedBadDebt", \.expectedBadDebt),
      ("exchangeLoss", \.exchangeLoss), ("interest", \.interest),
    ]

  /// The output VAT account of a rate (`nil` for 0 %).
  public func outputVAT(_ rate: VATRate) -> AccountNumber? {
    switch rate {
    case .standard: outputVAT25
    case .reduced: outputVAT12
    case .low: outputVAT6
    case .zero: nil
    }
  }

  /// The default domestic sales account of a rate.
  public func sales(_ rate: VATRate) -> AccountNumber {
    switch rate {
    case .standard: sales25
    case .reduced: sales12
    case .low: sales6
    case .zero: salesExempt
    }
  }

  public var jsonValue: JSONValue {
    var object = JSONObject()
    for (key, path) in AccountSettings.keys { object[key] = .string(self[keyPath: path].text) }
    return .object(object)
  }

  public init(json: JSONReader) throws {
    try json.allowOnly(Set(AccountSettings.keys.map(\.key)))
    for (key, path) in AccountSettings.keys {
      if let account = try json.optionalString(key) {
        guard AccountNumber(account).isBASAccount else {
          throw json.error(
            "\"\(account)\" is not an account number (four digits, e.g. 3001)", at: key)
        }
        self[keyPath: path] = AccountNumber(account)
      }
    }
  }
}
