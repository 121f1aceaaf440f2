import Basics
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads ISO 20022 camt.054 credit notifications (versions 001.02, .04, .08 and alike) and
/// camt.053 statements, whatever the namespace and its prefix.
///
/// Every credit entry (`CdtDbtInd` `CRDT`) becomes a deposit; its transactions (`TxDtls`) the
/// payments, or the entry itself when it has none. Debit entries, reversals (`RvslInd`) and
/// returns (`RtrInf`) are reported as notes, not imported; so are totals that do not add up
/// (batch `TtlAmt` and `NbOfTxs` against the transactions, batches against the entry) and a
/// statement's balances. The XML is read with Foundation's `XMLParser`, external entities off; a
/// document type declaration (where entity bombs live) is refused before parsing, and nesting
/// deeper than 64 elements ends the reading with an error.
public enum CamtReader {
  /// The deepest nesting accepted (camt needs about 15).
  public static let maximumDepth = 64

  /// Which camt message the bytes hold, from their root elements; `nil` when neither.
  public static func recognize(_ bytes: [UInt8]) -> PaymentFileFormat? {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    guard head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<") else {
      return nil
    }
    if head.contains("BkToCstmrDbtCdtNtfctn") { return .camt054 }
    if head.contains("BkToCstmrStmt") { return .camt053 }
    return nil
  }

  /// The line of a document type declaration before the root element, if there is one (only
  /// there can entities be declared).
  static func doctypeLine(_ bytes: [UInt8]) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      guard index + 1 < count else { return nil }
      let next = bytes[index + 1]
      if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
        if bytes[index...].starts(with: "<!DOCTYPE".utf8)
          || bytes[index...].starts(with: "<!ENTITY".utf8)
        {
          return bytes[..<index].count { $0 == 0x0A } + 1
        }
        index += 2
        continue
      }
      return nil  // the root element: no declaration came before it
    }
    return nil
  }

  /// The line of the first processing instruction other than the XML declaration at the very
  /// start (comments and CDATA sections skipped), if there is one. camt messages have none,
  /// and Foundation's parser crashes on one without data (`<?x?>`).
  static func processingInstructionLine(_ bytes: [UInt8]) -> Int? {
    var index = 0
    let count = bytes.count
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    if bytes[index...].starts(with: "<?xml".utf8), index + 5 < count,
      [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index + 5])
    {
      index += 5
    }
    while index + 1 < count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      let rest = bytes[index...]
      if rest.starts(with: "<!--".utf8) {
        index = skip(past: Array("-->".utf8), in: bytes, from: index + 4)
      } else if rest.starts(with: "<![CDATA[".utf8) {
        index = skip(past: Array("]]>".utf8), in: bytes, from: index + 9)
      } else if bytes[index + 1] == UInt8(ascii: "?") {
        return bytes[..<index].count { $0 == 0x0A } + 1
      } else {
        index += 1
      }
    }
    return nil
  }

  private static func skip(past end: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
    guard start < bytes.count, let range = bytes[start...].firstRange(of: end) else {
      return bytes.count
    }
    return range.upperBound
  }

  /// The byte ranges of the `Ntry` elements (with any namespace prefix), in order.
  static func entryRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges = [Range<Int>]()
    var index = 0
    var start: Int?
    let count = bytes.count
    while index < count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      var cursor = index + 1
      let closing = cursor < count && bytes[cursor] == UInt8(ascii: "/")
      if closing { cursor += 1 }
      // The name, with its prefix.
      let nameStart = cursor
      while cursor < count, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != 0x20,
        bytes[cursor] != 0x0A, bytes[cursor] != 0x0D, bytes[cursor] != 0x09,
        bytes[cursor] != UInt8(ascii: "/")
      {
        cursor += 1
      }
      let name = bytes[nameStart..<cursor]
      let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
      if local.elementsEqual("Ntry".utf8) {
        if !closing && start == nil {
          start = index
        } else if closing, let begin = start {
          var end = cursor
          while end < count, bytes[end] != UInt8(ascii: ">") { end += 1 }
          ranges.append(begin..<min(count, end + 1))
          start = nil
        }
      }
      index = cursor
    }
    return ranges
  }

  /// Parses one part with `collector`, turning what libxml2 reports into an error.
  static func parse(_ bytes: [UInt8], with collector: CamtCollector) throws(ReconcileError) {
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.delegate = collector
    let parsed = parser.parse()
    if let problem = collector.problem {
      throw ReconcileError(
        problem.code, .line(problem.line), "line \(problem.line): \(problem.message)")
    }
    guard parsed, parser.parserError == nil else {
      let line = parser.lineNumber + collector.lineOffset
      throw ReconcileError(.invalidXML, .line(line), "line \(line): malformed XML")
    }
  }

  public static func read(_ bytes: [UInt8]) throws(ReconcileError) -> PaymentFile {
    guard let format = recognize(bytes) else {
      throw ReconcileError(
        .unknownPaymentFormat, .none, "the XML is no camt.054 or camt.053 message")
    }
    if let line = doctypeLine(bytes) {
      throw ReconcileError(
        .invalidXML, .line(line),
        "line \(line): a document type declaration; camt messages have none (entities are refused)")
    }
    if let line = processingInstructionLine(bytes) {
      throw ReconcileError(
        .invalidXML, .line(line),
        "line \(line): a processing instruction (<?…?>); camt messages have none but the XML declaration"
      )
    }
    // ISO 20022 messages are UTF-8; what is not never reaches the XML parser (Foundation's
    // parser traps on element names that are not UTF-8).
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let line = 1 + bytes[..<offset].count { $0 == 0x0A }
      throw ReconcileError(
        .invalidXML, .line(line), "line \(line): bytes that are not UTF-8; camt messages are UTF-8")
    }
    // Entries are parsed one by one, each by its own parser: libxml2 as Foundation uses it
    // limits what one parse may hold, and a bank's day can be larger.
    let chunks = entryRanges(bytes)
    var skeleton = [UInt8]()
    skeleton.reserveCapacity(bytes.count / 8)
    var position = bytes.startIndex
    for (index, range) in chunks.enumerated() {
      skeleton += bytes[position..<range.lowerBound]
      skeleton += Array("<Ntry sietool-chunk=\"\(index)\"/>".utf8)
      // Keep the line count of the skeleton's own parts right for messages.
      skeleton += Array(repeating: 0x0A, count: bytes[range].count { $0 == 0x0A })
      position = range.upperBound
    }
    skeleton += bytes[position...]
    let collector = CamtCollector(format: format)
    try parse(skeleton, with: collector)
    var line = 1
    var counted = bytes.startIndex
    for (index, range) in chunks.enumerated() {
      line += bytes[counted..<range.lowerBound].count { $0 == 0x0A }
      counted = range.lowerBound
      let context = collector.chunkContexts[index] ?? ("", "")
      collector.notificationID = context.notification
      collector.account = context.account
      collector.lineOffset = line - 1
      collector.path = []
      // Prefixes declared on the document are declared again around the entry.
      var declarations = ""
      for (name, value) in collector.namespaces.sorted(by: { $0.key < $1.key }) {
        declarations += " \(name)=\"\(value)\""
      }
      let wrapped =
        Array("<sietool-entry\(declarations)>".utf8) + bytes[range] + Array("</sietool-entry>".utf8)
      try parse(wrapped, with: collector)
    }
    return collector.file()
  }
}

/// Collects a camt message's entries while `XMLParser` walks it.
final class CamtCollector: NSObject, XMLParserDelegate {
  struct Problem {
    var code: ReconcileError.Code
    var line: Int
    var message: String
  }

  struct Transaction {
    var line = 0
    var amount: String?
    var currency: String?
    var direction: String?
    var reference: String?
    var referenceType: String?
    var unstructured = [String]()
    var documents = [(type: String, number: String)]()
    var creditNoteAmounts = [String]()
    var payer = Payer()
    var creditorAccount: String?
    var serial: String?
    var endToEnd: String?
    var returnReason: String?
  }

  struct Entry {
    var line = 0
    var notification = ""
    var account = ""
    var amount: String?
    var currency: String?
    var direction: String?
    var reversal = false
    var booked: String?
    var valued: String?
    var serial: String?
    var info: String?
    var batches = [(count: String?, total: String?, currency: String?)]()
    var transactions = [Transaction]()
  }

  let format: PaymentFileFormat
  var path = [String]()
  var text = ""
  var attributes = [String: String]()
  var messageID = ""
  var created = ""
  var notificationID = ""
  var account = ""
  var entry: Entry?
  var transaction: Transaction?
  var entries = [Entry]()
  var balances = [StatementBalance]()
  var balance:
    (type: String?, amount: String?, currency: String?, direction: String?, date: String?)?
  var problem: Problem?
  /// The namespace declarations seen (`xmlns:c` → URI).
  var namespaces = [String: String]()
  /// Lines before the part being parsed (entries are parsed one by one).
  var lineOffset = 0
  /// The notification and account around each entry, from the pass over the skeleton.
  var chunkContexts = [Int: (notification: String, account: String)]()

  init(format: PaymentFileFormat) { self.format = format }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let name = Self.localName(elementName)
    path.append(name)
    if !attributeDict.isEmpty {
      for (key, value) in attributeDict where key.hasPrefix("xmlns") { namespaces[key] = value }
    }
    text = ""
    attributes = attributeDict
    if path.count > CamtReader.maximumDepth {
      problem = Problem(
        code: .invalidXML, line: parser.lineNumber + lineOffset,
        message: "elements nested deeper than \(CamtReader.maximumDepth)")
      parser.abortParsing()
      return
    }
    switch name {
    case "Ntry":
      if let chunk = attributeDict["sietool-chunk"].flatMap(Int.init) {
        chunkContexts[chunk] = (notificationID, account)
      } else {
        entry = Entry(
          line: parser.lineNumber + lineOffset, notification: notificationID, account: account)
      }
    case "TxDtls": transaction = Transaction(line: parser.lineNumber + lineOffset)
    case "Btch": entry?.batches.append((nil, nil, nil))
    case "Bal" where entry == nil: balance = (nil, nil, nil, nil, nil)
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  /// The name without its namespace prefix.
  static func localName(_ name: String) -> String {
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.utf8.index(after: colon)...])
  }

  /// Text without the blanks and line ends around it.
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: { $0 > 0x20 }) else { return "" }
    let last = utf8.lastIndex(where: { $0 > 0x20 })!
    if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
    return String(text[first...last])
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let value = Self.trimmed(text)
    let name = path.last ?? ""
    let parent = path.count >= 2 ? path[path.count - 2] : ""
    let grand = path.count >= 3 ? path[path.count - 3] : ""
    defer {
      path.removeLast()
      text = ""
    }
    if transaction != nil {
      takeTransaction(name, parent, grand, value)
      if name == "TxDtls" {
        entry?.transactions.append(transaction!)
        transaction = nil
      }
      return
    }
    if entry != nil {
      takeEntry(name, parent, grand, value)
      if name == "Ntry" {
        entries.append(entry!)
        entry = nil
      }
      return
    }
    if balance != nil {
      switch (name, parent) {
      case ("Cd", "CdOrPrtry"), ("Prtry", "CdOrPrtry"): balance?.type = value
      case ("Amt", "Bal"):
        balance?.amount = value
        balance?.currency = attributes["Ccy"]
      case ("CdtDbtInd", "Bal"): balance?.direction = value
      case ("Dt", "Dt"), ("DtTm", "Dt"): balance?.date = String(value.prefix(10))
      case ("Bal", _):
        if let amount = balance?.amount.flatMap({ Amount(parsing: $0) }) {
          balances.append(
            StatementBalance(
              type: balance?.type ?? "?", amount: balance?.direction == "DBIT" ? -amount : amount,
              currency: balance?.currency ?? "", date: balance?.date.flatMap { Day(iso: $0) }))
        }
        balance = nil
      default: break
      }
      return
    }
    switch (name, parent, grand) {
    case ("MsgId", "GrpHdr", _): messageID = value
    case ("CreDtTm", "GrpHdr", _): created = value
    case ("Id", "Ntfctn", _), ("Id", "Stmt", _): notificationID = value
    case ("IBAN", "Id", "Acct"),
      ("Id", "Othr", "Id") where account.isEmpty:
      account = value
    default: break
    }
  }

  private func takeEntry(_ name: String, _ parent: String, _ grand: String, _ value: String) {
    switch (name, parent, grand) {
    case ("Amt", "Ntry", _):
      entry?.amount = value
      entry?.currency = attributes["Ccy"]
    case ("CdtDbtInd", "Ntry", _): entry?.direction = value
    case ("RvslInd", "Ntry", _): entry?.reversal = value.lowercased() == "true"
    case ("Dt", "BookgDt", _), ("DtTm", "BookgDt", _): entry?.booked = String(value.prefix(10))
    case ("Dt", "ValDt", _), ("DtTm", "ValDt", _): entry?.valued = String(value.prefix(10))
    case ("AcctSvcrRef", "Ntry", _): entry?.serial = value
    case ("AddtlNtryInf", "Ntry", _): entry?.info = value
    case ("NbOfTxs", "Btch", _):
      if !(entry?.batches.isEmpty ?? true) {
        entry!.batches[entry!.batches.count - 1].count = value
      }
    case ("TtlAmt", "Btch", _):
      if !(entry?.batches.isEmpty ?? true) {
        entry!.batches[entry!.batches.count - 1].total = value
        entry!.batches[entry!.batches.count - 1].currency = attributes["Ccy"]
      }
    default: break
    }
  }

  private func takeTransaction(_ name: String, _ parent: String, _ grand: String, _ value: String) {
    let inDebtor = path.contains("Dbtr") && !path.contains("DbtrAcct")
    switch (name, parent, grand) {
    case ("Amt", "TxDtls", _), ("Amt", "TxAmt", "AmtDtls"):
      if transaction?.amount == nil || parent == "TxDtls" {
        transaction?.amount = value
        transaction?.currency = attributes["Ccy"]
      }
    case ("CdtDbtInd", "TxDtls", _): transaction?.direction = value
    case ("AcctSvcrRef", "Refs", _): transaction?.serial = value
    case ("EndToEndId", "Refs", _): transaction?.endToEnd = value
    case ("Nm", _, _) where inDebtor && (parent == "Dbtr" || parent == "Pty"):
      transaction?.payer.name = value
    case ("IBAN", "Id", _) where path.contains("DbtrAcct"): transaction?.payer.account = value
    case ("Id", "Othr", _) where path.contains("DbtrAcct"): transaction?.payer.account = value
    case ("Id", "Othr", _) where path.contains("CdtrAcct"): transaction?.creditorAccount = value
    case ("Ustrd", "RmtInf", _): transaction?.unstructured.append(value)
    case ("AddtlRmtInf", _, _): transaction?.unstructured.append(value)
    case ("Ref", "CdtrRefInf", _):
      if transaction?.reference == nil {
        transaction?.reference = value
      } else {
        transaction?.documents.append(("REF", value))
      }
    case ("Cd", "CdOrPrtry", _) where path.contains("CdtrRefInf"):
      transaction?.referenceType = value
    case ("Cd", "CdOrPrtry", _) where path.contains("RfrdDocInf"):
      transaction?.documents.append((value, ""))
    case ("Nb", "RfrdDocInf", _):
      if let last = transaction?.documents.indices.last, transaction!.documents[last].number.isEmpty
      {
        transaction!.documents[last].number = value
      } else {
        transaction?.documents.append(("CINV", value))
      }
    case ("CdtNoteAmt", "RfrdDocAmt", _): transaction?.creditNoteAmounts.append(value)
    case ("Cd", "Rsn", "RtrInf"): transaction?.returnReason = value
    case ("AddtlTxInf", "TxDtls", _): transaction?.unstructured.append(value)
    default: break
    }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    if problem == nil {
      problem = Problem(
        code: .invalidXML, line: parser.lineNumber + lineOffset,
        message: "the XML is malformed (\((parseError as NSError).code))")
    }
  }

  /// The file the collected entries make.
  func file() -> PaymentFile {
    var deposits = [Deposit]()
    var notes = [ReaderNote]()
    for (ordinal, entry) in entries.enumerated() {
      let where_ = "entry \(ordinal + 1) (line \(entry.line))"
      let amount = entry.amount.flatMap { Amount(parsing: $0) }
      let currency = entry.currency ?? ""
      guard entry.direction == "CRDT" else {
        notes.append(
          ReaderNote(
            line: entry.line,
            message:
              "\(where_): a debit entry of \(entry.amount ?? "?") \(currency), reported, not imported"
          ))
        continue
      }
      if entry.reversal {
        notes.append(
          ReaderNote(
            line: entry.line,
            message:
              "\(where_) reverses an earlier entry; reported, not imported (check it by hand)"))
        continue
      }
      guard let amount, let day = (entry.booked ?? entry.valued).flatMap({ Day(iso: $0) }) else {
        notes.append(
          ReaderNote(line: entry.line, message: "\(where_) has no amount or date; passed over"))
        continue
      }
      let key = [messageID, entry.notification, entry.serial ?? String(ordinal + 1)].joined(
        separator: "/")
      var payments = [BankPayment]()
      let transactions =
        entry.transactions.isEmpty ? [Transaction(line: entry.line)] : entry.transactions
      for (index, transaction) in transactions.enumerated() {
        if let reason = transaction.returnReason {
          notes.append(
            ReaderNote(
              line: transaction.line,
              message: "a returned payment (reason \(reason)) in \(where_); reported, not imported")
          )
          continue
        }
        if let direction = transaction.direction, direction != "CRDT" {
          notes.append(
            ReaderNote(
              line: transaction.line,
              message: "a debit transaction in \(where_); reported, not imported"))
          continue
        }
        let txAmount =
          transaction.amount.flatMap { Amount(parsing: $0) }
          ?? (entry.transactions.count <= 1 ? amount : nil)
        guard let txAmount else {
          notes.append(
            ReaderNote(
              line: transaction.line, message: "a transaction without an amount; passed over"))
          continue
        }
        var payment = BankPayment(
          id: "\(key)-\(index + 1)", amount: txAmount,
          currency: transaction.currency ?? currency, date: day)
        if let reference = transaction.reference {
          let structured =
            ["SCOR"].contains(transaction.referenceType ?? "SCOR")
            || reference.uppercased().hasPrefix("RF")
          payment.reference = PaymentReference(
            text: reference, quality: structured ? .structured : .freeText)
        }
        payment.extraReferences = transaction.documents.filter {
          $0.type != "CREN" && !$0.number.isEmpty
        }
        .map {
          PaymentReference(text: $0.number, quality: $0.type == "REF" ? .structured : .freeText)
        }
        let creditNotes = transaction.documents.filter { $0.type == "CREN" }
        payment.creditNotes = creditNotes.enumerated().map { offset, document in
          PaymentReference(
            text: document.number, quality: .freeText,
            amount: offset < transaction.creditNoteAmounts.count
              ? Amount(parsing: transaction.creditNoteAmounts[offset]) : nil)
        }
        payment.texts = transaction.unstructured + (entry.info.map { [$0] } ?? [])
        payment.payer = transaction.payer
        payment.bankSerial = transaction.serial ?? entry.serial
        payments.append(payment)
      }
      // Totals are checked, and only reported.
      let sum = payments.reduce(Amount.zero) { $0 + $1.amount }
      for (number, batch) in entry.batches.enumerated() {
        if let count = batch.count, Int(count) != entry.transactions.count {
          notes.append(
            ReaderNote(
              line: entry.line,
              message:
                "\(where_), batch \(number + 1): NbOfTxs \(count) but \(entry.transactions.count) transactions"
            ))
        }
        if let total = batch.total.flatMap({ Amount(parsing: $0) }), total != sum {
          notes.append(
            ReaderNote(
              line: entry.line,
              message:
                "\(where_), batch \(number + 1): TtlAmt \(total) but the transactions sum to \(sum)"
            ))
        }
      }
      if !entry.transactions.isEmpty && sum != amount {
        notes.append(
          ReaderNote(
            line: entry.line,
            message: "\(where_): the entry is \(amount) but its transactions sum to \(sum)"))
      }
      guard !payments.isEmpty else { continue }
      let receiving = transactions.compactMap(\.creditorAccount).first ?? entry.account
      deposits.append(
        Deposit(
          key: key, account: receiving, date: day, amount: sum, currency: currency,
          payments: payments))
    }
    for balance in balances {
      notes.append(
        ReaderNote(
          message:
            "balance \(balance.type): \(balance.amount) \(balance.currency)\(balance.date.map { " on \($0)" } ?? "")"
        ))
    }
    return PaymentFile(
      format: format, created: created, isTest: false, deposits: deposits, notes: notes,
      balances: balances)
  }
}
