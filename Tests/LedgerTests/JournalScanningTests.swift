import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing
@testable import Ledger

/// The journal's two readers agree: a line read straight from its bytes (`Journal.scanLine`)
/// gives the entry the JSON tree gives (`Journal.parseLine`), and the lines this release writes
/// are all read the fast way.
@Suite struct JournalScanningTests {
  enum Outcome: Equatable {
    /// Scanned, and the same entry as the tree's.
    case agrees
    /// Left to the tree.
    case leftToParser
    /// Scanned, and not what the tree reads: a defect.
    case disagrees(String)
  }

  static func outcome(_ line: [UInt8], number: Int = 1) -> Outcome {
    guard let scanned = line.withUnsafeBufferPointer({ Journal.scanLine($0, number: number) })
    else { return .leftToParser }
    guard case .entry(let parsed, let previous) = Journal.parseLine(line[...], number: number)
    else { return .disagrees("the tree does not read an entry") }
    if scanned.entry.version != parsed.version { return .disagrees("version") }
    if scanned.entry.sequence != parsed.sequence { return .disagrees("sequence") }
    if scanned.entry.time != parsed.time { return .disagrees("time") }
    if scanned.previous != previous { return .disagrees("prev") }
    if scanned.entry.event != parsed.event { return .disagrees("event") }
    return .agrees
  }

  static func journalLines(_ book: String) throws -> [[UInt8]] {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: book + "/" + Journal.fileName)))
    return Journal.lineRanges(bytes).map { Array(bytes[$0]) }
  }

  @Test(arguments: [BookkeepingMethod.cash, .accrual], 0..<4)
  func everyLineOfARandomBookIsScannedAlike(method: BookkeepingMethod, seed: UInt64) throws {
    let (book, _) = try CheckpointTests.checkpointedBook(seed: seed, method: method)
    let lines = try Self.journalLines(book.file("book"))
    #expect(lines.count > 10)
    var types = Set<String>()
    for (index, line) in lines.enumerated() {
      #expect(Self.outcome(line, number: index + 1) == .agrees, "line \(index + 1)")
      if case .entry(let entry, _) = Journal.parseLine(line[...], number: index + 1) {
        types.insert(entry.event.type)
      }
    }
    // The book holds the events read member by member and those read through the tree.
    #expect(types.isSuperset(of: ["invoiceDrafted", "invoiceAttested", "paymentRegistered"]))
    #expect(types.contains("customerAdded") && types.contains("settingsChanged"))
  }

  @Test(arguments: FixtureBookTests.books.map(\.name))
  func everyLineOfAFixtureBookIsScannedAlike(name: String) throws {
    let lines = try Self.journalLines(FixtureBookTests.root + "/" + name + "/book")
    for (index, line) in lines.enumerated() {
      #expect(Self.outcome(line, number: index + 1) == .agrees, "\(name) line \(index + 1)")
    }
  }

  /// The scanner takes the types of this module's events from a table: every type the fixture
  /// books and a random book hold is in it.
  @Test func theTypeTableNamesEveryEventOfThisModule() throws {
    var books = FixtureBookTests.books.map { FixtureBookTests.root + "/" + $0.name + "/book" }
    let (random, _) = try CheckpointTests.checkpointedBook(seed: 3, method: .accrual)
    books.append(random.file("book"))
    var seen = Set<String>()
    func note(_ event: Event) {
      switch event {
      case .batch(let events):
        events.forEach(note)
      case .incoming, .other:
        break
      default:
        seen.insert(event.type)
      }
    }
    for book in books {
      for (index, line) in try Self.journalLines(book).enumerated() {
        if case .entry(let entry, _) = Journal.parseLine(line[...], number: index + 1) {
          note(entry.event)
        }
      }
    }
    #expect(seen.count >= 10)
    #expect(seen.subtracting(Event.typeNames).isEmpty)
  }

  /// Every type name this release writes is known by its bytes, and a name one byte off or cut
  /// short is not.
  @Test func typeNamesAreKnownByTheirBytes() {
    for name in Event.typeNames {
      let bytes = Array(name.utf8)
      #expect(bytes.withUnsafeBufferPointer { Journal.knownType($0) } == name)
      var changed = bytes
      changed[changed.count - 1] ^= 0x20
      #expect(changed.withUnsafeBufferPointer { Journal.knownType($0) } == nil, "\(name)")
      #expect(bytes.dropLast().withUnsafeBufferPointer { Journal.knownType($0) } == nil)
    }
    #expect([UInt8]().withUnsafeBufferPointer { Journal.knownType($0) } == nil)
  }

  /// A line's time is held as its digits when it is in the form this release writes, and as
  /// its text otherwise; either way it reads back as written.
  @Test(arguments: [
    ("2026-01-15T10:00:00Z", true), ("0000-00-00T00:00:00Z", true),
    ("9999-99-99T99:99:99Z", true), ("2026-01-15T10:00:00.5Z", false),
    ("2026-01-15 10:00:00Z", false), ("2026-01-15T10:00:00+01:00", false),
    ("2026-01-15T10:00:0Z", false), ("2026-01-1510:00:00ZZ", false), ("", false),
    ("Tisdag kl. 10 – på förmiddagen", false),
  ])
  func aLineTimeReadsBackAsWritten(text: String, heldAsDigits: Bool) {
    let fromText = LineTime(text)
    var bytes = Array(text.utf8)
    let fromBytes = bytes.withUnsafeMutableBufferPointer { LineTime(utf8: UnsafeBufferPointer($0)) }
    #expect(fromText.text == text)
    #expect(fromBytes == fromText)
    if case .digits = fromText { #expect(heldAsDigits) } else { #expect(!heldAsDigits) }
    var entry = Journal.Entry(version: 4, sequence: 1, time: "x", event: .draftDeleted(id: 1))
    entry.time = text
    #expect(entry.time == text)
  }

  @Test func aLineTimeThatIsNoUTF8IsRefused() {
    let bytes: [UInt8] = [0x32, 0xC3, 0x28]
    #expect(bytes.withUnsafeBufferPointer { LineTime(utf8: $0) } == nil)
  }

  /// A line as this release writes it: an invoice drafted, with a package line and an
  /// attachment.
  static let template: String = {
    var invoice = Invoice(
      id: 7, customer: "K1", invoiceDate: Day(year: 2025, month: 3, day: 1)!,
      dueDate: Day(year: 2025, month: 3, day: 31)!,
      lines: [
        InvoiceLine(
          product: "PKT", description: "Paket", quantity: ExactDecimal(parsing: "1.5")!,
          unitPrice: Amount(kronor: 100), discountPercent: ExactDecimal(10), vatRate: .standard,
          kind: .package, costCentre: "CC1",
          parts: [
            LinePart(product: "A", kind: .goods, net: Amount(ore: 10_000), vatRate: .reduced),
            LinePart(product: "B", kind: .service, net: Amount(ore: 3_500), vatRate: .standard),
          ])
      ], reference: "Åsa", reminderDate: Day(year: 2025, month: 4, day: 10)!)
    invoice.attachments = [
      Attachment(
        hash: String(repeating: "a", count: 64), fileName: "bilaga.pdf", placement: .cover, size: 10
      )
    ]
    let line = Journal.line(
      sequence: 1, time: "2026-01-15T10:00:00Z", event: .invoiceDrafted(invoice),
      previous: Journal.genesis)
    return String(decoding: line, as: UTF8.self)
  }()

  /// Variations of a line, each a replacement in it: what the scanner reads itself, and what it
  /// leaves to the tree (which reads some of them and refuses others, in its own words).
  @Test(arguments: [
    // Only spaced or ordered differently: scanned.
    ("spaces", ":", " : ", true),
    ("line breaks", ",", " ,\n ", true),
    ("members reordered", #""v":4,"seq":1,"#, #""seq":1,"v":4,"#, true),
    ("an older format", #""v":4,"#, #""v":3,"#, true),
    ("no format (format 1)", #""v":4,"#, "", true),
    ("id -0", #""id":7"#, #""id":-0"#, true),
    // Left to the tree.
    ("an escape", #""customer":"K1""#, #""customer":"K\u0031""#, false),
    ("a null optional", #""customer":"K1""#, #""customer":"K1","text":null"#, false),
    ("an unknown member", #""customer":"K1""#, #""customer":"K1","x":1"#, false),
    ("a duplicate member", #""customer":"K1""#, #""customer":"K1","customer":"K2""#, false),
    ("a duplicate in the envelope", #""seq":1,"#, #""seq":1,"seq":1,"#, false),
    ("id as text", #""id":7"#, #""id":"7""#, false),
    ("id with a fraction", #""id":7"#, #""id":7.0"#, false),
    ("id with an exponent", #""id":7"#, #""id":7e0"#, false),
    ("id with a leading zero", #""id":7"#, #""id":07"#, false),
    ("id beyond Int", #""id":7"#, #""id":9223372036854775808"#, false),
    ("quantity as a number", #""quantity":"1.5""#, #""quantity":1.5"#, false),
    ("a day that does not exist", "2025-03-31", "2025-02-31", false),
    ("no type", #""type":"invoiceDrafted","payload":"#, #""payload":"#, false),
    ("a newer format", #""v":4"#, #""v":5"#, false),
    ("format 0", #""v":4"#, #""v":0"#, false),
    ("a byte order mark", #"{"v""#, "\u{FEFF}{\"v\"", false),
    ("text after the object", #""}"#, #""} x"#, false),
    ("a VAT rate that is none", #""vatRate":12"#, #""vatRate":13"#, false),
    ("a credit note without its invoice", #""kind":"invoice""#, #""kind":"creditNote""#, false),
    ("an unknown kind", #""kind":"invoice""#, #""kind":"faktura""#, false),
    ("prev not a hash", #""prev":"0"#, #""prev":"x"#, false),
    ("prev in capitals", #""prev":"0"#, #""prev":"A"#, false),
  ])
  func variationsAreScannedOrLeftToTheTree(
    name: String, find: String, replacement: String, scanned: Bool
  ) {
    let changed = Self.template.replacingOccurrences(of: find, with: replacement)
    #expect(changed != Self.template, "\(name) changes nothing")
    #expect(Self.outcome(Array(changed.utf8)) == (scanned ? .agrees : .leftToParser), "\(name)")
  }

  /// Batches nested deeper than the parser allows are left to it (and never overflow the
  /// stack).
  @Test(arguments: [(2, true), (40, false), (100_000, false)])
  func deepBatchesAreLeftToTheParser(depth: Int, scanned: Bool) {
    let open = String(repeating: #"{"type":"batch","payload":["#, count: depth)
    let line = Array(
      (#"{"v":3,"seq":1,"time":"t","type":"batch","payload":["# + open
        + String(repeating: "]}", count: depth) + #"],"prev":""# + Journal.genesis + #""}"#)
        .utf8)
    #expect(Self.outcome(line) == (scanned ? .agrees : .leftToParser))
    // The parser reads what JSON's nesting limit allows, and refuses the rest.
    if case .entry = Journal.parseLine(line[...], number: 1) {
      #expect(depth < 256)
    } else {
      #expect(depth >= 256)
    }
  }

  /// Events of every kind, each in a line of its own and in one batch: scanned alike.
  @Test func stepsAndBatchesAreScannedAlike() {
    let day = Day(year: 2025, month: 5, day: 2)!
    let events: [Event] = [
      .invoiceAttested(id: 1, number: 1001, ocr: "100117", date: day),
      .paymentRegistered(
        PaymentEvent(
          id: 3, invoice: 1, date: day, amount: Amount(ore: 12_550), means: .swish,
          amountSEK: Amount(ore: 140_000))),
      .paymentRegistered(
        PaymentEvent(id: 4, invoice: 1, date: day, amount: Amount(ore: -50), means: .bankgiro)),
      .reminderSent(id: 1, date: day, fee: Amount(kronor: 60)),
      .sentToCollection(id: 1, date: day), .writtenOff(id: 1, date: day),
      .markedDoubtful(id: 1, date: day), .selfInvoiceCancelled(id: 2, date: day),
      .selfInvoicePaid(id: 2, date: day), .draftDeleted(id: 5), .payoutPaused(id: 2),
      .payoutResumed(id: 2), .offset(credit: 6, invoice: 1, date: day),
      .payoutChanged(id: 2, date: day, amount: nil),
      .refunded(customer: "K1", amount: Amount(kronor: 5), date: day),
      .other(type: "exported", payload: .object(["n": .integer(1), "s": .string("a\"b")])),
    ]
    for event in events + [.batch(events), .batch([.batch(events)])] {
      let line = Journal.line(
        sequence: 9, time: "2026-01-15T10:00:00Z", event: event, previous: Journal.genesis)
      #expect(Self.outcome(line, number: 9) == .agrees, "\(event.type)")
    }
  }
}
