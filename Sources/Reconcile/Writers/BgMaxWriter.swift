import Basics

/// Writes BgMax files (ISO-8859-1, 80-character records, CRLF): for demonstrations, tests and
/// benchmarks — a bank writes the real ones. Totals are always right.
///
/// ```swift
/// var writer = BgMaxWriter(bankgiro: "9912346", created: "20251215060000000000")
/// writer.add(BgMaxWriter.Payment(amount: Amount(kronor: 100), reference: "100164"), on: day)
/// let bytes = writer.bytes()
/// ```
public struct BgMaxWriter: Sendable {
  public struct Payment: Sendable {
    public var amount: Amount
    public var reference: String
    /// 2 for an OCR the bank checked, 3 for free text, 0 for none (manual §1.3).
    public var referenceCode: Int
    public var payerName: String?
    public var payerOrganizationNumber: String?
    public var texts: [String]

    public init(
      amount: Amount, reference: String = "", referenceCode: Int = 2, payerName: String? = nil,
      payerOrganizationNumber: String? = nil, texts: [String] = []
    ) {
      self.amount = amount
      self.reference = reference
      self.referenceCode = referenceCode
      self.payerName = payerName
      self.payerOrganizationNumber = payerOrganizationNumber
      self.texts = texts
    }
  }

  public var bankgiro: String
  public var created: String
  private var sections: [(date: Day, payments: [Payment])] = []

  public init(bankgiro: String, created: String) {
    self.bankgiro = bankgiro.filter(\.isNumber)
    self.created = created
  }

  /// Adds a payment to the deposit of `date` (one deposit per day).
  public mutating func add(_ payment: Payment, on date: Day) {
    if let index = sections.firstIndex(where: { $0.date == date }) {
      sections[index].payments.append(payment)
    } else {
      sections.append((date, [payment]))
    }
  }

  static func field(_ text: String, _ width: Int, right: Bool = false, fill: Character = " ")
    -> String
  {
    let text = String(text.prefix(width))
    let pad = String(repeating: fill, count: width - text.count)
    return right ? pad + text : text + pad
  }

  static func number(_ value: Int64, _ width: Int) -> String {
    field(String(value), width, right: true, fill: "0")
  }

  public func bytes() -> [UInt8] {
    var records = ["01" + Self.field("BGMAX", 20) + "01" + Self.field(created, 20) + "P"]
    var serial: Int64 = 0
    var count = 0
    for (deposit, section) in sections.enumerated() {
      records.append("05" + Self.number(Int64(bankgiro) ?? 0, 10) + Self.field("", 10) + "SEK")
      var sum: Int64 = 0
      for payment in section.payments {
        serial += 1
        let reference =
          payment.referenceCode == 2
          ? Self.field(payment.reference, 25, right: true) : Self.field(payment.reference, 25)
        records.append(
          "20" + Self.number(0, 10) + reference + Self.number(payment.amount.ore, 18)
            + String(payment.referenceCode) + "1" + Self.number(serial, 12) + "0")
        for text in payment.texts { records.append("25" + Self.field(text, 50)) }
        if let name = payment.payerName { records.append("26" + Self.field(name, 35)) }
        if let number = payment.payerOrganizationNumber {
          records.append("29" + Self.field(number.filter(\.isNumber), 12, right: true, fill: "0"))
        }
        sum += payment.amount.ore
        count += 1
      }
      let date = section.date.iso.filter(\.isNumber)
      records.append(
        "15" + Self.field("", 19) + "9900" + Self.number(0, 12) + date
          + Self.number(Int64(deposit + 1), 5) + Self.number(sum, 18) + "SEK"
          + Self.number(Int64(section.payments.count), 8) + " ")
    }
    records.append(
      "70" + Self.number(Int64(count), 8) + Self.number(0, 8) + Self.number(0, 8)
        + Self.number(Int64(sections.count), 8))
    var output = [UInt8]()
    for record in records {
      let line = Self.field(record, 80)
      output += line.unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : UInt8(ascii: "?") }
      output += [0x0D, 0x0A]
    }
    return output
  }
}
