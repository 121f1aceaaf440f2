import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Journal lines read straight from their bytes into events, with no JSON tree in between.
//
// The scanner reads the lines this release writes: the envelope's members in any order, the
// events that make up most of a book (invoices, attestations, payments, reminders and the other
// steps of an invoice, batches of them) member by member, and any other event's payload
// through the JSON tree. Whatever it does not read plainly (an escape in a string, a `null`,
// a number as text, an unknown or repeated member, a `prev` that is no lower-case digest, a
// newer format) it leaves to `Journal.parseLine`, which reads everything JSON allows and words
// the problems. A line the scanner reads gives the entry `parseLine` gives; the tests and the
// fuzzer hold it to that.

extension Journal {
  /// The entry a line holds and the hash it names as the previous line's, or `nil` to leave
  /// the line to ``parseLine(_:number:)``.
  static func scanLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> (
    entry: Entry, previous: SHA256.Digest
  )? {
    // Batches in batches deeper than this are rare enough to leave to the parser.
    var scanner = JSONScanner(line, depthLimit: 64)
    var version: Int?
    var sequence: Int?
    var time: LineTime?
    var type: String?
    var event: Event?
    var previous: SHA256.Digest?
    let read = scanner.readObject { scanner, key in
      switch key {
      case "v": return scanner.read(&version)
      case "seq": return scanner.read(&sequence)
      case "time":
        guard time == nil, let bytes = scanner.readStringBytes() else { return false }
        time = LineTime(utf8: bytes)
        return time != nil
      case "type": return readType(&scanner, into: &type)
      case "payload":
        guard event == nil, let type else { return false }
        event = Event(scanning: &scanner, type: type, path: "line \(number).payload")
        return event != nil
      case "prev":
        guard previous == nil, let text = scanner.readStringBytes() else { return false }
        previous = SHA256.Digest(hex: text)
        return previous != nil
      default: return false
      }
    }
    guard read, scanner.isAtEnd(), let sequence, let time, let event, let previous,
      (1...formatVersion).contains(version ?? 1)
    else { return nil }
    return (Entry(version: version ?? 1, sequence: sequence, stamp: time, event: event), previous)
  }

  /// Reads an event's type into `type` (once): a name this release writes is taken from
  /// ``Event/typeNames``, whose texts are in the program, so that reading it allocates nothing
  /// (a name longer than 15 bytes, `paymentRegistered`, would); any other is read as text.
  static func readType(_ scanner: inout JSONScanner, into type: inout String?) -> Bool {
    guard type == nil, let bytes = scanner.readStringBytes() else { return false }
    type = knownType(bytes) ?? String(validating: bytes, as: UTF8.self)
    return type != nil
  }

  /// The name in ``Event/typeNames`` whose bytes are `bytes`, compared a block at a time.
  static func knownType(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let base = bytes.baseAddress else { return nil }
    for (index, name) in typeNameBytes.enumerated()
    where name.count == bytes.count
      && name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) == 0 })
    {
      return Event.typeNames[index]
    }
    return nil
  }

  /// The UTF-8 of ``Event/typeNames``, in their order.
  static let typeNameBytes = Event.typeNames.map { Array($0.utf8) }
}

extension Event {
  /// Reads the payload of an event of `type`; `path` names the payload for the JSON reader
  /// that reads the events not scanned member by member.
  init?(scanning scanner: inout JSONScanner, type: String, path: @autoclosure () -> String) {
    switch type {
    case "invoiceDrafted", "draftUpdated":
      guard let invoice = Invoice(scanning: &scanner) else { return nil }
      self = type == "invoiceDrafted" ? .invoiceDrafted(invoice) : .draftUpdated(invoice)
    case "batch":
      var events = [Event]()
      guard
        scanner.readArray({ scanner in
          var type: String?
          var event: Event?
          guard
            scanner.readObject({ scanner, key in
              switch key {
              case "type": return Journal.readType(&scanner, into: &type)
              case "payload":
                guard event == nil, let type else { return false }
                event = Event(scanning: &scanner, type: type, path: path())
                return event != nil
              default: return false
              }
            }), let event
          else { return false }
          events.append(event)
          return true
        })
      else { return nil }
      self = .batch(events)
    case "invoiceAttested", "paymentRegistered", "reminderSent", "sentToCollection",
      "writtenOff", "markedDoubtful", "selfInvoiceCancelled", "selfInvoicePaid", "draftDeleted",
      "payoutPaused", "payoutResumed", "offset":
      guard let fields = StepFields(scanning: &scanner), let event = fields.event(type) else {
        return nil
      }
      self = event
    default:
      // Registers, settings, self-invoices, incoming payments and other modules' events: read
      // through the tree, as the parser reads them.
      guard let range = scanner.skipValue(),
        let value = try? JSONValue(parsing: Array(scanner.bytes[range])),
        let event = try? Event(type: type, payload: JSONReader(value, path: path()))
      else { return nil }
      self = event
    }
  }
}

/// The members of the small events that move an invoice along (an id, a date, an amount…).
///
/// Members an event does not use are read and ignored, as the JSON reader ignores them.
private struct StepFields {
  var id: Int?
  var number: Int?
  var invoice: Int?
  var credit: Int?
  var date: Day?
  var ocr: String?
  var means: String?
  var amount: Amount?
  var fee: Amount?
  var amountSEK: Amount?

  init?(scanning scanner: inout JSONScanner) {
    var fields = StepFields()
    guard
      scanner.readObject({ scanner, key in
        switch key {
        case "id": scanner.read(&fields.id)
        case "date": scanner.read(&fields.date)
        case "number": scanner.read(&fields.number)
        case "ocr": scanner.read(&fields.ocr)
        case "invoice": scanner.read(&fields.invoice)
        case "amount": scanner.read(&fields.amount)
        case "means": scanner.read(&fields.means)
        case "fee": scanner.read(&fields.fee)
        case "amountSEK": scanner.read(&fields.amountSEK)
        case "credit": scanner.read(&fields.credit)
        default: false
        }
      })
    else { return nil }
    self = fields
  }

  private init() {}

  /// The event of `type` these members make, or `nil` when one it needs is missing.
  func event(_ type: String) -> Event? {
    switch type {
    case "invoiceAttested":
      guard let id, let number, let ocr, let date else { return nil }
      return .invoiceAttested(id: id, number: number, ocr: ocr, date: date)
    case "paymentRegistered":
      guard let id, let invoice, let date, let amount, let means else { return nil }
      return .paymentRegistered(
        PaymentEvent(
          id: id, invoice: invoice, date: date, amount: amount,
          means: PaymentMeans(rawValue: means), amountSEK: amountSEK))
    case "reminderSent":
      guard let id, let date, let fee else { return nil }
      return .reminderSent(id: id, date: date, fee: fee)
    case "offset":
      guard let credit, let invoice, let date else { return nil }
      return .offset(credit: credit, invoice: invoice, date: date)
    case "draftDeleted", "payoutPaused", "payoutResumed":
      guard let id else { return nil }
      return switch type {
      case "draftDeleted": .draftDeleted(id: id)
      case "payoutPaused": .payoutPaused(id: id)
      default: .payoutResumed(id: id)
      }
    default:
      guard let id, let date else { return nil }
      return switch type {
      case "sentToCollection": .sentToCollection(id: id, date: date)
      case "writtenOff": .writtenOff(id: id, date: date)
      case "markedDoubtful": .markedDoubtful(id: id, date: date)
      case "selfInvoiceCancelled": .selfInvoiceCancelled(id: id, date: date)
      default: .selfInvoicePaid(id: id, date: date)
      }
    }
  }
}
