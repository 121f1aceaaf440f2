import Basics

extension SIERecord {
  /// The record as a JSON object: `"label"` and its fields by name. Dates are `YYYY-MM-DD`,
  /// amounts and quantities decimal strings, object lists arrays of `{"dimension", "code"}`;
  /// absent optional fields are left out, unknown trailing fields go in `"extra"`.
  public var jsonValue: JSONValue {
    var object = JSONObject()
    object["label"] = .string(label?.text ?? unknownLabel)
    switch self {
    case .flag(let value, let extra):
      object["value"] = .integer(value)
      object.add(extra: extra)
    case .program(let program):
      object["name"] = .string(program.name)
      object["version"] = .string(program.version)
      object.add(extra: program.extra)
    case .format(let value, let extra), .prose(let value, let extra),
      .companyType(let value, let extra), .companyID(let value, let extra),
      .industryCode(let value, let extra), .companyName(let value, let extra),
      .chartType(let value, let extra), .currency(let value, let extra):
      object["value"] = .string(value)
      object.add(extra: extra)
    case .generated(let generation):
      object["date"] = .string(generation.date.iso)
      object.add("sign", generation.sign)
      object.add(extra: generation.extra)
    case .sieType(let value, let extra), .taxYear(let value, let extra):
      object["value"] = .integer(value)
      object.add(extra: extra)
    case .organizationNumber(let number):
      object["number"] = .string(number.number)
      object.add("acquisitionNumber", number.acquisitionNumber)
      object.add("workplaceNumber", number.workplaceNumber)
      object.add(extra: number.extra)
    case .address(let address):
      object["contact"] = .string(address.contact)
      object["street"] = .string(address.street)
      object["postal"] = .string(address.postal)
      object["phone"] = .string(address.phone)
      object.add(extra: address.extra)
    case .fiscalYear(let year):
      object["index"] = .integer(year.index)
      object["start"] = .string(year.start.iso)
      object["end"] = .string(year.end.iso)
      object.add(extra: year.extra)
    case .balanceDate(let day, let extra):
      object["value"] = .string(day.iso)
      object.add(extra: extra)
    case .account(let account):
      object["account"] = .string(account.number.text)
      object["name"] = .string(account.name)
      object.add(extra: account.extra)
    case .accountProperty(let property):
      object["account"] = .string(property.account.text)
      switch property.kind {
      case .type(let type): object["type"] = .string(type.rawValue)
      case .unit(let unit): object["unit"] = .string(unit)
      case .sru(let code): object["sru"] = .string(code)
      }
      object.add(extra: property.extra)
    case .dimension(let dimension):
      object["dimension"] = .integer(dimension.number)
      object["name"] = .string(dimension.name)
      if let parent = dimension.parent { object["parent"] = .integer(parent) }
      object.add(extra: dimension.extra)
    case .object(let item):
      object["dimension"] = .integer(item.reference.dimension)
      object["code"] = .string(item.reference.code)
      object["name"] = .string(item.name)
      object.add(extra: item.extra)
    case .balance(let balance):
      object["year"] = .integer(balance.year)
      object["account"] = .string(balance.account.text)
      object["amount"] = .string(balance.amount.description)
      object.add(quantity: balance.quantity)
      object.add(extra: balance.extra)
    case .objectBalance(let balance):
      object["year"] = .integer(balance.year)
      object["account"] = .string(balance.account.text)
      object["objects"] = balance.objects.jsonValue
      object["amount"] = .string(balance.amount.description)
      object.add(quantity: balance.quantity)
      object.add(extra: balance.extra)
    case .periodBalance(let balance):
      object["year"] = .integer(balance.year)
      object["period"] = .string(balance.period.description)
      object["account"] = .string(balance.account.text)
      object["objects"] = balance.objects.jsonValue
      object["amount"] = .string(balance.amount.description)
      object.add(quantity: balance.quantity)
      object.add(extra: balance.extra)
    case .voucher(let voucher):
      object["series"] = .string(voucher.series)
      object["number"] = .string(voucher.number)
      object["date"] = voucher.date.map { .string($0.iso) } ?? .null
      object["text"] = .string(voucher.text)
      if let registered = voucher.registrationDate {
        object["registrationDate"] = .string(registered.iso)
      }
      object.add("sign", voucher.sign)
      object.add(extra: voucher.extra)
      object["rows"] = .array(voucher.rows.map(\.jsonValue))
    case .unknown:
      break
    }
    if case .unknown(let unknown) = self { object.add(extra: unknown.fields, key: "fields") }
    return .object(object)
  }

  private var unknownLabel: String {
    if case .unknown(let unknown) = self { return unknown.label }
    return ""
  }
}

extension TransactionRow {
  /// The row as a JSON object (see ``SIERecord/jsonValue``).
  public var jsonValue: JSONValue {
    var object = JSONObject()
    object["label"] = .string(kind == .normal ? "#TRANS" : kind == .added ? "#RTRANS" : "#BTRANS")
    object["account"] = .string(account.text)
    object["objects"] = objects.jsonValue
    object["amount"] = .string(amount.description)
    if let date { object["date"] = .string(date.iso) }
    object.add("text", text)
    object.add(quantity: quantity)
    object.add("sign", sign)
    object.add(extra: extra)
    return .object(object)
  }
}

extension [ObjectReference] {
  var jsonValue: JSONValue {
    .array(map { .object(["dimension": .integer($0.dimension), "code": .string($0.code)]) })
  }
}

extension JSONObject {
  fileprivate mutating func add(_ key: String, _ text: String) {
    if !text.isEmpty { self[key] = .string(text) }
  }

  fileprivate mutating func add(quantity: ExactDecimal?) {
    if let quantity { self["quantity"] = .string(quantity.description) }
  }

  fileprivate mutating func add(extra: [RawField], key: String = "extra") {
    guard !extra.isEmpty || key == "fields" else { return }
    self[key] = .array(
      extra.map { field in
        switch field {
        case .text(let text): .string(text)
        case .list(let items): .array(items.map(JSONValue.string))
        }
      })
  }
}
