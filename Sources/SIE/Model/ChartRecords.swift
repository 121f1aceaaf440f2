import Basics

/// `#KONTO`: an account and its name.
public struct Account: Hashable, Sendable {
  public var number: AccountNumber
  public var name: String
  public var extra: [RawField]

  public init(number: AccountNumber, name: String, extra: [RawField] = []) {
    self.number = number
    self.name = name
    self.extra = extra
  }
}

/// The kind of account `#KTYP` declares.
public enum AccountType: String, Hashable, Sendable, CaseIterable {
  /// T, tillgång.
  case asset = "T"
  /// S, skuld (liabilities and equity).
  case liability = "S"
  /// K, kostnad.
  case cost = "K"
  /// I, intäkt.
  case income = "I"

  /// Whether accounts of this type are balance-sheet accounts (carried over between years).
  public var isBalanceSheet: Bool { self == .asset || self == .liability }
}

/// `#KTYP`, `#ENHET` or `#SRU`: a property of an account.
public struct AccountProperty: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `#KTYP`.
    case type(AccountType)
    /// `#ENHET`: the unit of the account's quantities.
    case unit(String)
    /// `#SRU`: a tax-form code.
    case sru(String)
  }

  public var account: AccountNumber
  public var kind: Kind
  public var extra: [RawField]

  public init(account: AccountNumber, _ kind: Kind, extra: [RawField] = []) {
    self.account = account
    self.kind = kind
    self.extra = extra
  }
}

/// `#DIM` or `#UNDERDIM`: a dimension (cost centres, projects, …).
public struct Dimension: Hashable, Sendable {
  public var number: Int
  public var name: String
  /// The superior dimension of a `#UNDERDIM`; `nil` for `#DIM`.
  public var parent: Int?
  public var extra: [RawField]

  public init(number: Int, name: String, parent: Int? = nil, extra: [RawField] = []) {
    self.number = number
    self.name = name
    self.parent = parent
    self.extra = extra
  }

  /// The standard name of a reserved dimension number (SIE §8.17), if any.
  public static func reservedName(_ number: Int) -> String? {
    switch number {
    case 1: "Kostnadsställe"
    case 2: "Kostnadsbärare"
    case 3, 4, 5: "Reserverad"
    case 6: "Projekt"
    case 7: "Anställd"
    case 8: "Kund"
    case 9: "Leverantör"
    case 10: "Faktura"
    case 11...19: "Reserverad"
    default: nil
    }
  }
}

/// `#OBJEKT`: an object of a dimension, such as cost centre `"100"`.
public struct DimensionObject: Hashable, Sendable {
  public var reference: ObjectReference
  public var name: String
  public var extra: [RawField]

  public init(dimension: Int, code: String, name: String, extra: [RawField] = []) {
    self.reference = ObjectReference(dimension: dimension, code: code)
    self.name = name
    self.extra = extra
  }
}
