import Basics

/// Recognises payers: by organisation number, sender bankgiro, normalised name, and links
/// remembered from earlier manual matches. A name two customers share names neither.
struct PayerIndex: Sendable {
  private var byOrganization = [String: Set<String>]()
  private var byBankgiro = [String: Set<String>]()
  private var byName = [String: Set<String>]()
  private var links = [String: String]()

  init(payers: [KnownPayer], links: [String: String]) {
    for payer in payers {
      if let number = payer.organizationNumber.map(Self.digits), !number.isEmpty {
        byOrganization[String(number.suffix(10)), default: []].insert(payer.customer)
      }
      if let bankgiro = payer.bankgiro.map(Self.digits), !bankgiro.isEmpty {
        byBankgiro[bankgiro, default: []].insert(payer.customer)
      }
      let name = Self.normalizedName(payer.name)
      if !name.isEmpty { byName[name, default: []].insert(payer.customer) }
    }
    self.links = links
  }

  /// The customer a payer is, and why; `nil` when unknown or ambiguous.
  func customer(of payer: Payer) -> (customer: String, reason: String)? {
    if let number = payer.organizationNumber.map(Self.digits),
      let found = byOrganization[String(number.suffix(10))], found.count == 1
    {
      return (found.first!, "the payer's organisation number is customer \(found.first!)'s")
    }
    if let bankgiro = payer.bankgiro.map(Self.digits), let found = byBankgiro[bankgiro],
      found.count == 1
    {
      return (found.first!, "the payer's bankgiro is customer \(found.first!)'s")
    }
    if let key = Self.linkKey(payer), let customer = links[key] {
      return (customer, "the payer was matched to customer \(customer) before")
    }
    if let name = payer.name.map(Self.normalizedName), !name.isEmpty, let found = byName[name],
      found.count == 1
    {
      return (found.first!, "the payer's name is customer \(found.first!)'s")
    }
    return nil
  }

  /// The key a remembered link is kept under: organisation number, bankgiro, account, or name.
  static func linkKey(_ payer: Payer) -> String? {
    if let number = payer.organizationNumber, !number.isEmpty { return "org:" + digits(number) }
    if let bankgiro = payer.bankgiro, !bankgiro.isEmpty { return "bg:" + digits(bankgiro) }
    if let account = payer.account, !account.isEmpty { return "account:" + account }
    if let name = payer.name.map(normalizedName), !name.isEmpty { return "name:" + name }
    return nil
  }

  static func digits(_ text: String) -> String { text.filter { $0.isASCII && $0.isNumber } }

  /// A name folded for comparison: lower case, å/ä/ö and accents folded, company forms
  /// (AB, HB, KB, Aktiebolag, Firma) dropped, `EFTERNAMN, FÖRNAMN` turned round, blanks
  /// collapsed.
  static func normalizedName(_ name: String) -> String {
    var text = name
    if let comma = text.firstIndex(of: ","), text.filter({ $0 == "," }).count == 1 {
      text = String(text[text.index(after: comma)...]) + " " + String(text[..<comma])
    }
    let folded = text.lowercased().unicodeScalars.map { scalar -> Character in
      switch scalar {
      case "å", "ä", "à", "á", "â": "a"
      case "ö", "ø", "ó", "ò", "ô": "o"
      case "é", "è", "ê", "ë": "e"
      case "ü", "ú": "u"
      default:
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : " "
      }
    }
    let stop: Set<String> = [
      "ab", "hb", "kb", "aktiebolag", "firma", "handelsbolag", "kommanditbolag", "publ",
    ]
    return String(folded).split(separator: " ").map(String.init).filter { !stop.contains($0) }
      .joined(separator: " ")
  }
}
