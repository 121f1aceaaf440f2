import Basics

/// One difference between two SIE documents.
public struct SIEDifference: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case headerChanged = "header-changed"
    case accountAdded = "account-added"
    case accountRemoved = "account-removed"
    case accountRenamed = "account-renamed"
    case balanceAdded = "balance-added"
    case balanceRemoved = "balance-removed"
    case balanceChanged = "balance-changed"
    case voucherAdded = "voucher-added"
    case voucherRemoved = "voucher-removed"
    case voucherChanged = "voucher-changed"
  }

  public var kind: Kind
  /// What differs: `"#FNAMN"`, `"1510"`, `"#UB 0 1510"`, `"A 17"`.
  public var key: String
  /// The value in the first document (`nil` when absent there).
  public var old: String?
  /// The value in the second document (`nil` when absent there).
  public var new: String?

  /// `account-renamed 1510: "Kundfordringar" → "Kundfordr."`
  public var description: String {
    "\(kind.rawValue) \(key): \(old.map { "\"\($0)\"" } ?? "-") → \(new.map { "\"\($0)\"" } ?? "-")"
  }
}

extension SIEDocument {
  /// What changed from `self` to `other`: identification, accounts, balances and vouchers.
  ///
  /// Vouchers are matched by series and number (by date and position when unnumbered) and
  /// compared by date, text and effective rows, irrespective of row order.
  public func differences(to other: SIEDocument) -> [SIEDifference] {
    var result = [SIEDifference]()
    func header(_ key: String, _ a: String?, _ b: String?) {
      if a != b { result.append(SIEDifference(kind: .headerChanged, key: key, old: a, new: b)) }
    }
    header("#FNAMN", companyName, other.companyName)
    header("#ORGNR", organizationNumber?.number, other.organizationNumber?.number)
    header("#SIETYP", sieType.map(String.init), other.sieType.map(String.init))
    header("#VALUTA", currency, other.currency)
    for index in Set(fiscalYears.map(\.index) + other.fiscalYears.map(\.index)).sorted(by: >) {
      let a = fiscalYear(index).map { "\($0.start) – \($0.end)" }
      let b = other.fiscalYear(index).map { "\($0.start) – \($0.end)" }
      header("#RAR \(index)", a, b)
    }

    let names = accountNames
    let otherNames = other.accountNames
    for account in Set(names.keys).union(otherNames.keys).sorted() {
      switch (names[account], otherNames[account]) {
      case (nil, let b?):
        result.append(SIEDifference(kind: .accountAdded, key: account.text, old: nil, new: b))
      case (let a?, nil):
        result.append(SIEDifference(kind: .accountRemoved, key: account.text, old: a, new: nil))
      case (let a?, let b?) where a != b:
        result.append(SIEDifference(kind: .accountRenamed, key: account.text, old: a, new: b))
      default:
        break
      }
    }

    let balanceSums = balanceTable()
    let otherBalanceSums = other.balanceTable()
    for key in Set(balanceSums.keys).union(otherBalanceSums.keys).sorted() {
      let a = balanceSums[key].map(formatOre)
      let b = otherBalanceSums[key].map(formatOre)
      switch (a, b) {
      case (nil, _?): result.append(SIEDifference(kind: .balanceAdded, key: key, old: nil, new: b))
      case (_?, nil):
        result.append(SIEDifference(kind: .balanceRemoved, key: key, old: a, new: nil))
      case (let x?, let y?) where x != y:
        result.append(SIEDifference(kind: .balanceChanged, key: key, old: x, new: y))
      default: break
      }
    }

    let vouchersA = voucherTable()
    let vouchersB = other.voucherTable()
    // Vouchers in their numbers' order: A 2 before A 10.
    for key in Set(vouchersA.keys).union(vouchersB.keys).sorted(by: Self.naturallyOrdered) {
      switch (vouchersA[key], vouchersB[key]) {
      case (nil, let b?):
        result.append(SIEDifference(kind: .voucherAdded, key: key, old: nil, new: b.summary))
      case (let a?, nil):
        result.append(SIEDifference(kind: .voucherRemoved, key: key, old: a.summary, new: nil))
      case (let a?, let b?) where a.fingerprint != b.fingerprint:
        result.append(
          SIEDifference(kind: .voucherChanged, key: key, old: a.summary, new: b.summary))
      default:
        break
      }
    }
    return result
  }

  /// Whether `a` comes before `b` when runs of digits compare as numbers ("A 2" < "A 10").
  static func naturallyOrdered(_ a: String, _ b: String) -> Bool {
    func chunks(_ text: String) -> [(text: String, number: Int?)] {
      var result = [(text: String, number: Int?)]()
      var current = ""
      var digits = false
      for character in text {
        let isDigit = character.isASCII && character.isNumber
        if !current.isEmpty && isDigit != digits {
          result.append((current, digits ? Int(current.prefix(18)) : nil))
          current = ""
        }
        digits = isDigit
        current.append(character)
      }
      if !current.isEmpty { result.append((current, digits ? Int(current.prefix(18)) : nil)) }
      return result
    }
    for (x, y) in zip(chunks(a), chunks(b)) where x.text != y.text {
      if let m = x.number, let n = y.number, m != n { return m < n }
      return x.text < y.text
    }
    return chunks(a).count < chunks(b).count
  }

  /// Balances summed by `"#IB 0 1510"`-style keys (object lists included).
  private func balanceTable() -> [String: Int128] {
    var table = [String: Int128]()
    for record in records {
      switch record {
      case .balance(let balance):
        let label = balance.kind == .opening ? "#IB" : balance.kind == .closing ? "#UB" : "#RES"
        table["\(label) \(balance.year) \(balance.account)", default: 0] += Int128(
          balance.amount.ore)
      case .objectBalance(let balance):
        let label = balance.kind == .opening ? "#OIB" : "#OUB"
        let key = "\(label) \(balance.year) \(balance.account) \(balance.objects.listText)"
        table[key, default: 0] += Int128(balance.amount.ore)
      case .periodBalance(let balance):
        let label = balance.kind == .actual ? "#PSALDO" : "#PBUDGET"
        let key =
          "\(label) \(balance.year) \(balance.period) \(balance.account) \(balance.objects.listText)"
        table[key, default: 0] += Int128(balance.amount.ore)
      default:
        break
      }
    }
    return table
  }

  private struct VoucherFacts {
    var summary: String
    var fingerprint: [String]
  }

  private func voucherTable() -> [String: VoucherFacts] {
    var table = [String: VoucherFacts]()
    var occurrences = [String: Int]()
    for voucher in vouchers {
      let base =
        voucher.number.isEmpty
        ? "\(voucher.series) (\(voucher.date?.iso ?? "no date"))"
        : "\(voucher.series) \(voucher.number)"
      let seen = occurrences[base, default: 0] + 1
      occurrences[base] = seen
      let key = seen == 1 ? base : "\(base) #\(seen)"
      let rows = voucher.effectiveRows.map {
        "\($0.account) \($0.objects.listText) \($0.amount)"
      }
      let summary =
        "\(voucher.date?.iso ?? "-") \"\(voucher.text)\" " + rows.joined(separator: ", ")
      table[key] = VoucherFacts(
        summary: summary,
        fingerprint: [voucher.date?.iso ?? "", voucher.text] + rows.sorted())
    }
    return table
  }
}

extension [ObjectReference] {
  /// `{1 "100" 6 "P1"}`.
  var listText: String {
    "{" + map { "\($0.dimension) \"\($0.code)\"" }.joined(separator: " ") + "}"
  }
}
