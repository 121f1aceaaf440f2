import Basics

/// The book's chart of accounts for posting: BAS 2022 defaults, each configurable (the posting
/// notes' "setting" keys). Read when the accounting basis is created.
public struct AccountSettings: Hashable, Sendable {
  public var receivables = "1510"
  public var bank = "1930"
  /// The claim on money the invoicing service holds for the creditor (not BAS: a choice).
  public var clientFundsClaim = "1689"
  /// The credit side of a doubtful receivable (befarad kundförlust).
  public var doubtfulReceivables = "1519"
  public var customerAdvances = "2420"
  public var payables = "2440"
  public var outputVAT25 = "2611"
  public var outputVAT12 = "2621"
  public var outputVAT6 = "2631"
  public var inputVAT = "2641"
  public var sales25 = "3001"
  public var sales12 = "3002"
  public var sales6 = "3003"
  public var salesExempt = "3004"
  public var salesNonEUGoods = "3105"
  public var salesEUGoods = "3108"
  public var salesNonEUServices = "3305"
  public var salesEUServices = "3308"
  public var salesReverseCharge = "3231"
  public var rounding = "3740"
  /// Not in BAS; Björn Lundén's choice, others use 3590 or 3990.
  public var reminderFee = "3930"
  public var recoveredBadDebt = "3950"
  public var exchangeGain = "3960"
  public var purchases = "4000"
  public var serviceFees = "6064"
  public var badDebt = "6351"
  /// A doubtful receivable's expected loss (befarad kundförlust), no VAT effect.
  public var expectedBadDebt = "6352"
  public var exchangeLoss = "7960"
  public var interest = "8313"

  public init() {}

  /// Every setting by its JSON key.
  nonisolated(unsafe) public static let keys:
    [(key: String, path: WritableKeyPath<AccountSettings, String>)] = [
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
  public func outputVAT(_ rate: VATRate) -> String? {
    switch rate {
    case .standard: outputVAT25
    case .reduced: outputVAT12
    case .low: outputVAT6
    case .zero: nil
    }
  }

  /// The default domestic sales account of a rate.
  public func sales(_ rate: VATRate) -> String {
    switch rate {
    case .standard: sales25
    case .reduced: sales12
    case .low: sales6
    case .zero: salesExempt
    }
  }

  public var jsonValue: JSONValue {
    var object = JSONObject()
    for (key, path) in AccountSettings.keys { object[key] = .string(self[keyPath: path]) }
    return .object(object)
  }

  public init(json: JSONReader) throws {
    try json.allowOnly(Set(AccountSettings.keys.map(\.key)))
    for (key, path) in AccountSettings.keys {
      if let account = try json.optionalString(key) {
        guard isAccountNumber(account) else {
          throw json.error("\"\(account)\" is not an account number", at: key)
        }
        self[keyPath: path] = account
      }
    }
  }
}

/// The standard names of the accounts the package books on (BAS 2022), for `#KONTO`.
public enum BASNames {
  public static let names: [String: String] = [
    "1510": "Kundfordringar", "1519": "Nedskrivning av kundfordringar",
    "1680": "Andra kortfristiga fordringar", "1689": "Övriga kortfristiga fordringar",
    "1920": "PlusGiro", "1930": "Företagskonto/checkkonto/affärskonto", "1940": "Övriga bankkonton",
    "2420": "Förskott från kunder", "2440": "Leverantörsskulder",
    "2611": "Utgående moms på försäljning inom Sverige, 25 %",
    "2621": "Utgående moms på försäljning inom Sverige, 12 %",
    "2631": "Utgående moms på försäljning inom Sverige, 6 %", "2641": "Debiterad ingående moms",
    "2650": "Redovisningskonto för moms", "3001": "Försäljning inom Sverige, 25 % moms",
    "3002": "Försäljning inom Sverige, 12 % moms", "3003": "Försäljning inom Sverige, 6 % moms",
    "3004": "Försäljning inom Sverige, momsfri", "3105": "Försäljning varor till land utanför EU",
    "3106": "Försäljning varor till annat EU-land, momspliktig",
    "3108": "Försäljning varor till annat EU-land, momsfri",
    "3231": "Försäljning inom byggsektorn, omvänd skattskyldighet moms",
    "3305": "Försäljning tjänster till land utanför EU",
    "3308": "Försäljning tjänster till annat EU-land",
    "3540": "Faktureringsavgifter", "3590": "Övriga fakturerade kostnader",
    "3740": "Öres- och kronutjämning", "3930": "Påminnelseavgifter",
    "3950": "Återvunna, tidigare avskrivna kundfordringar",
    "3960": "Valutakursvinster på fordringar och skulder av rörelsekaraktär",
    "3990": "Övriga ersättningar, bidrag och intäkter", "4000": "Inköp av varor från Sverige",
    "4600": "Legoarbeten och underentreprenader", "6062": "Inkasso och KFM-avgifter",
    "6064": "Factoringavgifter", "6351": "Konstaterade förluster på kundfordringar",
    "6352": "Befarade förluster på kundfordringar", "6570": "Bankkostnader",
    "7960": "Valutakursförluster på fordringar och skulder av rörelsekaraktär",
    "8313": "Ränteintäkter från kortfristiga fordringar",
  ]
}
