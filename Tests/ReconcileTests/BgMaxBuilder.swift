import Basics

/// Writes BgMax files for tests: records at their positions, sections with right totals unless
/// told otherwise, and the line ends, padding and encoding a test asks for.
struct BgMaxBuilder {
  enum LineEnds { case lf, crlf, none }

  var records = [String]()
  var bankgiro = "9912346"
  private var section = (payments: [Int64](), deductions: [Int64](), count: 0)
  private var totals = (payments: 0, deductions: 0, extra: 0, deposits: 0)

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

  mutating func start(test: Bool = false) {
    records.append(
      "01" + Self.field("BGMAX", 20) + "01" + "20250405120000123456" + (test ? "T" : "P"))
  }

  mutating func open(currency: String = "SEK") {
    records.append("05" + Self.number(Int64(bankgiro)!, 10) + Self.field("", 10) + currency)
    section = ([], [], 0)
  }

  /// A payment (20) or deduction (21).
  mutating func payment(
    _ ore: Int64, reference: String = "", code: Int = 2, channel: Int = 1, serial: Int64 = 1,
    sender: String = "0003783511", deduction: Bool = false
  ) {
    let referenceField =
      code == 2 ? Self.field(reference, 25, right: true) : Self.field(reference, 25)
    var record =
      (deduction ? "21" : "20") + Self.field(sender, 10) + referenceField + Self.number(ore, 18)
      + String(code) + String(channel) + Self.number(serial, 12) + "0"
    if deduction { record += "0" }
    records.append(record)
    if deduction {
      section.deductions.append(ore)
      totals.deductions += 1
    } else {
      section.payments.append(ore)
      totals.payments += 1
    }
    section.count += 1
  }

  mutating func extraReference(_ reference: String, ore: Int64 = 0, negative: Bool = false) {
    records.append(
      (negative ? "23" : "22") + "0003783511" + Self.field(reference, 25, right: true)
        + Self.number(ore, 18) + "21" + Self.number(1, 12) + "0")
    totals.extra += 1
  }

  mutating func text(_ text: String) { records.append("25" + Self.field(text, 50)) }
  mutating func name(_ name: String) { records.append("26" + Self.field(name, 35)) }
  mutating func organizationNumber(_ digits: String) {
    records.append("29" + Self.field(digits, 12, right: true, fill: "0"))
  }

  /// The deposit record; `amount` and `count` override the right ones.
  mutating func deposit(
    date: String = "20250405", serial: Int64 = 1, currency: String = "SEK", amount: Int64? = nil,
    count: Int? = nil
  ) {
    let right = section.payments.reduce(0, +) - section.deductions.reduce(0, +)
    records.append(
      "15" + Self.field("", 19) + "9900" + Self.number(1_234_567, 12) + date
        + Self.number(serial, 5) + Self.number(amount ?? right, 18) + currency
        + Self.number(Int64(count ?? section.count), 8) + " ")
    totals.deposits += 1
  }

  mutating func end(counts: [Int]? = nil) {
    let values = counts ?? [totals.payments, totals.deductions, totals.extra, totals.deposits]
    records.append("70" + values.map { Self.number(Int64($0), 8) }.joined())
  }

  /// The file's bytes: ISO-8859-1 (or UTF-8), padded to 80 unless `stripped`.
  func bytes(lineEnds: LineEnds = .lf, stripped: Bool = false, utf8: Bool = false) -> [UInt8] {
    var output = [UInt8]()
    for record in records {
      var line = stripped ? record : Self.field(record, 80)
      if stripped { while line.last == " " { line.removeLast() } }
      if utf8 {
        output += Array(line.utf8)
      } else {
        output += line.unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : UInt8(ascii: "?") }
      }
      switch lineEnds {
      case .lf: output.append(0x0A)
      case .crlf: output += [0x0D, 0x0A]
      case .none: break
      }
    }
    return output
  }

  /// A well-formed file: one section of three payments (OCR 100164, invoice number in text, no
  /// reference) and a deduction.
  static func sample() -> BgMaxBuilder {
    var builder = BgMaxBuilder()
    builder.start()
    builder.open()
    builder.payment(1_250_000, reference: "100164", serial: 1)
    builder.name("Åkessons Åkeri AB")
    builder.organizationNumber("5566778899")
    builder.payment(30_000, reference: "faktura 1002", code: 3, serial: 2)
    builder.text("Tack för senast")
    builder.payment(50_000, code: 0, channel: 3, serial: 3, sender: "0000000000")
    builder.payment(10_000, reference: "89853", code: 3, serial: 4, deduction: true)
    builder.deposit()
    builder.end()
    return builder
  }
}
