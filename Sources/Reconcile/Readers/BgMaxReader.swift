import Basics

/// Reads BgMax files (Bankgirot's *Bankgiro Inbetalningar*, technical manual 2019): start record
/// 01, sections of an opening 05, payments 20 and deductions 21 with their extra references
/// 22/23, texts 25 and payer records 26–29, closed by a deposit 15; the end record 70.
///
/// The whole file is checked before anything is returned: exactly one 01 and one 70, every
/// section closed, each deposit equal to its payments less its deductions, its count and the end
/// record's counts right. A file that fails any of these is refused whole. Unknown record types
/// are passed over with a note, as the manual asks.
///
/// ```swift
/// let file = try BgMaxReader.read(bytes)
/// for payment in file.payments { print(payment.amount, payment.reference?.text ?? "-") }
/// ```
public enum BgMaxReader {
  /// Whether the bytes look like BgMax: the first record is `01BGMAX`.
  public static func recognizes(_ bytes: [UInt8]) -> Bool {
    var start = bytes[...]
    if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
    while let first = start.first {
      if first == 0x0A || first == 0x0D || first == 0x20 {
        start = start.dropFirst()
      } else if first == UInt8(ascii: "["), let end = start.firstIndex(of: 0x0A) {
        start = start[(end + 1)...]  // a ruler line
      } else {
        break
      }
    }
    return start.starts(with: Array("01BGMAX".utf8))
  }

  public static func read(_ bytes: [UInt8]) throws(ReconcileError) -> PaymentFile {
    var reader = State()
    let lines = FixedWidthLines(bytes)
    if lines.damagedText {
      reader.notes.append(
        ReaderNote(message: "the text has replacement characters (å, ä, ö lost in a re-encoding)"))
    }
    try lines.forEach { line throws(ReconcileError) in try reader.take(line) }
    var file = try reader.finish()
    let garbled = file.payments.compactMap(\.payer.name).filter(looksMisencoded)
    if !garbled.isEmpty {
      file.notes.append(
        ReaderNote(
          message:
            "payer names look mis-encoded (text decoded with the wrong code page): \(garbled.prefix(3).joined(separator: ", "))"
        ))
    }
    return file
  }

  /// Whether a name has the marks of ISO-8859-1 text decoded as another code page (`PlÂt`,
  /// `Vingbyv‰gen`, `Ã¥`).
  static func looksMisencoded(_ name: String) -> Bool {
    name.unicodeScalars.contains { ["Â", "Ã", "‰", "¤", "¶", "Œ", "š", "\u{FFFD}"].contains($0) }
  }

  /// The reader's state while going through the records.
  struct State {
    var created = ""
    var isTest = false
    var sawStart = false
    var sawEnd = false
    var endCounts: [Int64] = []
    var section: Section?
    var deposits = [Deposit]()
    var notes = [ReaderNote]()
    var counts = (payments: 0, deductions: 0, extra: 0, deposits: 0)

    struct Section {
      var bankgiro: String
      var plusgiro: String?
      var currency: String
      var line: Int
      var payments = [BankPayment]()
    }

    func fail(_ code: ReconcileError.Code, _ line: Int, _ message: String) -> ReconcileError {
      ReconcileError(code, ErrorSubject.line(line), "line \(line): \(message)")
    }

    mutating func take(_ line: FixedWidthLines.Line) throws(ReconcileError) {
      let record = line.bytes
      let code = record.recordType
      // The payment records come first: they are most of a file.
      switch code {
      case 0x3230: return try addPayment(record, deduction: false, line: line.number)  // 20
      case 0x3235, 0x3236, 0x3237, 0x3238, 0x3239:  // 25–29
        if sawStart && !sawEnd {
          return try addPayerDetail(code, record, line: line.number)
        }
      default: break
      }
      let type = String(decoding: record.field(1, 2), as: UTF8.self)
      if sawEnd {
        throw fail(.bgmaxStructure, line.number, "a \(type) record after the end record 70")
      }
      if !sawStart && type != "01" {
        throw fail(.bgmaxStructure, line.number, "the file does not begin with a start record 01")
      }
      switch type {
      case "01":
        guard !sawStart else {
          throw fail(.bgmaxStructure, line.number, "a second start record 01")
        }
        sawStart = true
        created = record.text(25, 44)
        isTest = record.text(45, 45) == "T"
      case "05":
        guard section == nil else {
          throw fail(.bgmaxStructure, line.number, "an opening record 05 inside an open section")
        }
        let plusgiro = record.text(13, 22)
        section = Section(
          bankgiro: BgMaxReader.number(record.field(3, 12)),
          plusgiro: plusgiro.isEmpty ? nil : BgMaxReader.number(record.field(13, 22)),
          currency: record.text(23, 25), line: line.number)
      case "20", "21":
        try addPayment(record, deduction: type == "21", line: line.number)
      case "22", "23":
        try addExtraReference(record, negative: type == "23", line: line.number)
      case "25", "26", "27", "28", "29":
        try addPayerDetail(record.recordType, record, line: line.number)
      case "15":
        try closeSection(record, line: line.number)
      case "70":
        guard section == nil else {
          throw fail(.bgmaxStructure, line.number, "the end record 70 inside an open section")
        }
        sawEnd = true
        endCounts = [
          record.number(3, 10), record.number(11, 18), record.number(19, 26),
          record.number(27, 34),
        ].map { $0 ?? -1 }
      default:
        notes.append(
          ReaderNote(line: line.number, message: "record type \(type) is not BgMax; passed over"))
      }
    }

    mutating func addPayment(_ record: ArraySlice<UInt8>, deduction: Bool, line: Int)
      throws(ReconcileError)
    {
      guard section != nil else {
        throw fail(.bgmaxStructure, line, "a payment record outside a section")
      }
      guard let ore = record.number(38, 55) else {
        throw fail(.invalidField, line, "the amount (positions 38–55) is not a number")
      }
      let channel = record.number(57, 57).map(Int.init)
      var payment = BankPayment(
        id: "", kind: deduction ? .deduction : .payment, amount: Amount(ore: ore),
        currency: section!.currency, date: Day(year: 1970, month: 1, day: 1)!)
      payment.reference = BgMaxReader.reference(
        record.text(13, 37), code: record.number(56, 56), channel: channel)
      payment.channel = channel
      let serial = record.text(58, 69)
      payment.bankSerial = serial.isEmpty ? nil : serial
      let sender = BgMaxReader.number(record.field(3, 12))
      payment.payer.bankgiro = sender.isEmpty ? nil : sender
      if deduction { payment.deductionCode = record.number(71, 71).map(Int.init) }
      section!.payments.append(payment)
      if deduction { counts.deductions += 1 } else { counts.payments += 1 }
    }

    mutating func addExtraReference(_ record: ArraySlice<UInt8>, negative: Bool, line: Int)
      throws(ReconcileError)
    {
      guard section?.payments.isEmpty == false else {
        throw fail(.bgmaxStructure, line, "an extra reference record without its payment")
      }
      guard let ore = record.number(38, 55) else {
        throw fail(.invalidField, line, "the amount (positions 38–55) is not a number")
      }
      let channel = section!.payments[section!.payments.count - 1].channel
      if var reference = BgMaxReader.reference(
        record.text(13, 37), code: record.number(56, 56), channel: channel)
      {
        if ore != 0 { reference.amount = Amount(ore: negative ? -ore : ore) }
        section!.payments[section!.payments.count - 1].extraReferences.append(reference)
      }
      counts.extra += 1
    }

    mutating func addPayerDetail(_ code: UInt16, _ record: ArraySlice<UInt8>, line: Int)
      throws(ReconcileError)
    {
      guard let last = section?.payments.indices.last else {
        throw fail(
          .bgmaxStructure, line,
          "a \(String(decoding: record.field(1, 2), as: UTF8.self)) record without its payment")
      }
      func set(_ value: String, _ path: WritableKeyPath<Payer, String?>) {
        if !value.isEmpty { section!.payments[last].payer[keyPath: path] = value }
      }
      if code == 0x3236 {  // 26, the common one, without a key path
        let name = record.text(3, 37)
        if !name.isEmpty { section!.payments[last].payer.name = name }
        let extra = record.text(38, 72)
        if !extra.isEmpty { section!.payments[last].payer.extraName = extra }
        return
      }
      switch code {
      case 0x3235:
        let text = record.text(3, 52)
        if !text.isEmpty { section!.payments[last].texts.append(text) }
      case 0x3236:
        set(record.text(3, 37), \.name)
        set(record.text(38, 72), \.extraName)
      case 0x3237:
        set(record.text(3, 37), \.address)
        set(record.text(38, 46), \.postalCode)
      case 0x3238:
        set(record.text(3, 37), \.town)
        set(record.text(38, 72), \.country)
      default:
        let trimmed = BgMaxReader.number(record.field(3, 14))
        set(
          trimmed.count <= 10 && !trimmed.isEmpty
            ? String(repeating: "0", count: 10 - trimmed.count) + trimmed : trimmed,
          \.organizationNumber)
      }
    }

    mutating func closeSection(_ record: ArraySlice<UInt8>, line: Int) throws(ReconcileError) {
      guard var open = section.take() else {
        throw fail(.bgmaxStructure, line, "a deposit record 15 without an opening record 05")
      }
      guard let yyyymmdd = Optional(record.text(38, 45)), let date = Day(yyyymmdd: yyyymmdd) else {
        throw fail(.invalidField, line, "the payment date (positions 38–45) is not a date")
      }
      guard let amount = record.number(51, 68), let count = record.number(72, 79) else {
        throw fail(.invalidField, line, "the deposit's amount or count is not a number")
      }
      let serial = record.text(46, 50)
      let currency = record.text(69, 71)
      guard currency == open.currency else {
        throw fail(
          .bgmaxTotals, line,
          "the deposit is in \(currency) but its section was opened in \(open.currency)")
      }
      let paid = open.payments.filter { $0.kind == .payment }.reduce(Int64(0)) {
        $0 + $1.amount.ore
      }
      let deducted = open.payments.filter { $0.kind == .deduction }.reduce(Int64(0)) {
        $0 + $1.amount.ore
      }
      guard paid - deducted == amount else {
        throw fail(
          .bgmaxTotals, line,
          "the deposit of \(Amount(ore: amount)) is not its payments \(Amount(ore: paid)) less its deductions \(Amount(ore: deducted))"
        )
      }
      guard count == open.payments.count else {
        throw fail(
          .bgmaxTotals, line,
          "the deposit counts \(count) payments and deductions; the section holds \(open.payments.count)"
        )
      }
      let key = "BG\(open.bankgiro)-\(date.year)-\(serial)"
      for index in open.payments.indices {
        open.payments[index].id = "\(key)-\(index + 1)"
        open.payments[index].date = date
      }
      deposits.append(
        Deposit(
          key: key, account: open.bankgiro, date: date, amount: Amount(ore: amount),
          currency: currency, payments: open.payments))
      counts.deposits += 1
      section = nil
    }

    func finish() throws(ReconcileError) -> PaymentFile {
      guard sawStart else {
        throw ReconcileError(.bgmaxStructure, .none, "the file has no start record 01")
      }
      guard section == nil else {
        throw ReconcileError(
          .bgmaxStructure, .line(section!.line),
          "the section opened on line \(section!.line) is never closed by a deposit record 15")
      }
      guard sawEnd else {
        throw ReconcileError(.bgmaxStructure, .none, "the file has no end record 70 (cut off?)")
      }
      let actual = [counts.payments, counts.deductions, counts.extra, counts.deposits].map(
        Int64.init)
      guard endCounts == actual else {
        throw ReconcileError(
          .bgmaxTotals, .none,
          "the end record counts \(endCounts.map(String.init).joined(separator: "/")) (payments/deductions/extra references/deposits); the file holds \(actual.map(String.init).joined(separator: "/"))"
        )
      }
      return PaymentFile(
        format: .bgmax, created: created, isTest: isTest, deposits: deposits,
        notes: notes, balances: [])
    }
  }

  /// The digits of a field without leading zeros (`""` for none, or all zeros).
  static func number(_ field: ArraySlice<UInt8>) -> String {
    var digits = field.filter { $0 >= 0x30 && $0 <= 0x39 }[...]
    while digits.first == 0x30 { digits = digits.dropFirst() }
    return String(decoding: digits, as: UTF8.self)
  }

  /// The reference of a 20–23 record by its reference code (manual §1.3).
  static func reference(_ text: String, code: Int64?, channel: Int?) -> PaymentReference? {
    guard !text.isEmpty else { return nil }
    let quality: ReferenceQuality
    switch code {
    case 2, 4: quality = channel == 4 ? .payerNumber : .structured
    case 5: quality = .incorrect
    default: quality = .freeText
    }
    return PaymentReference(text: text, quality: quality)
  }
}
