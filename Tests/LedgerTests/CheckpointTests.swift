import Basics
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Invoicing
@testable import Ledger

/// A checkpoint is a cache of the replayed state: a book opened from it equals the book
/// replayed from line 1 in every stored field and in every export, and a checkpoint that is
/// damaged, stale or from another release is never used.
@Suite struct CheckpointTests {
  /// A random book with an export of its first half, incoming payments and a checkpoint at
  /// year end, then a renamed customer, changed settings and an export of the second half.
  static func checkpointedBook(seed: UInt64, method: BookkeepingMethod) throws -> (
    TemporaryBook, checkpointLine: Int
  ) {
    let (book, first, second) = try randomBookInHalves(seed: seed, method: method)
    try book.book.append(first)
    try book.export("2025-01-01", "2025-06-30", name: "h1.se", bundle: "h1.zip")
    try book.book.append(second)
    try book.book.transact { tx in try receivePayments(&tx, seed: seed) }
    let end = book.book.journalEnd
    try Checkpoint.write(book.book.state, at: end, in: book.file("book"))
    try book.book.transact { tx in
      var customer = tx.state.customers["K1"]!
      customer.name = "Nytt Namn AB"
      try tx.updateCustomer(customer)
      var settings = tx.state.settings
      settings.name = "Omdöpta Bolaget AB"
      try tx.record(.settingsChanged(settings))
    }
    try book.export("2025-07-01", "2025-12-31", name: "h2.se", bundle: "h2.zip")
    return (book, end.line)
  }

  /// Two payments from a payment file: one placed on an open invoice, one left unhandled.
  static func receivePayments(_ tx: inout BookTransaction, seed: UInt64) throws {
    guard
      let open = tx.state.allInvoices.first(where: { $0.state == .attested && $0.open > .zero })
    else { return }
    let file = IncomingReceipt.File(
      hash: String(repeating: "a", count: 64), name: "bg.txt", format: "bgmax")
    let payments = [
      IncomingPayment(
        id: "P\(seed)-1", date: d("2025-12-28"), amount: open.open, reference: open.invoice.ocr,
        texts: ["Betalning"], file: "bg.txt", format: "bgmax", deposit: "D1"),
      IncomingPayment(
        id: "P\(seed)-2", date: d("2025-12-28"), amount: sek("99.00"), texts: ["Okänd"],
        file: "bg.txt", format: "bgmax", deposit: "D1"),
    ]
    let suggestion = IncomingSuggestion(
      invoices: [open.invoice.id], amounts: [sek("99.00")], score: 40, reasons: ["amount"])
    try tx.record(
      .incoming(
        .received(
          IncomingReceipt(
            files: [file], deposits: ["D1": "hash-d1"], payments: payments,
            suggestions: ["P\(seed)-2": [suggestion]]))))
    try tx.record(
      .incoming(
        .matched(
          IncomingMatch(
            payment: "P\(seed)-1", parts: [.init(invoice: open.invoice.id, amount: open.open)],
            date: d("2025-12-28"), decidedOn: d("2025-12-28"), reason: "OCR", score: 100,
            automatic: true))))
  }

  @Test(arguments: Array(UInt64(1)...8))
  func checkpointedAndReplayedBooksAreTheSame(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let (book, line) = try Self.checkpointedBook(seed: seed, method: method)
      let path = book.file("book")
      let replayed = try Book.open(at: path, checkpoint: .replayAll)
      let checkpointed = try Book.open(at: path)
      #expect(checkpointed.checkpointUse == .used(line: line), "\(method) seed \(seed)")
      #expect(checkpointed.lineCount == replayed.lineCount)
      // Every export rebuilds to the same bytes from either, and so does one made now.
      let documents = path + "/" + Book.documentsDirectory
      let fromCheckpoint = try BookLedger(state: checkpointed.state)
      let fromReplay = try BookLedger(state: replayed.state)
      for export in 1...2 {
        let a = try fromCheckpoint.reproduce(export: export, documents: documents)
        let b = try fromReplay.reproduce(export: export, documents: documents)
        #expect(a.file == b.file && a.bundle == b.bundle, "\(method) seed \(seed) export \(export)")
      }
      try Self.expectSame(
        checkpointed, replayed, next: ExportRequest(from: d("2026-01-01"), to: d("2026-03-31")),
        "\(method) seed \(seed)")
    }
  }

  /// `a` and `b` hold the same state, field by field, and plan the same file for `next`.
  static func expectSame(_ a: Book, _ b: Book, next: ExportRequest, _ label: String) throws {
    #expect(
      difference(canonical(a.state), canonical(b.state)) == nil, "\(label): the states differ")
    let planned = try [a, b].map { book in
      try SIEExport.encode(
        try BookLedger(state: book.state).plan(next, today: d("2026-04-15")), state: book.state)
    }
    #expect(planned[0] == planned[1], "\(label): the next export differs")
  }

  /// A book opened from a checkpoint holds the checkpoint's invoices and activities unread.
  /// The second half of a random book written through it (drafts, attestations, payments,
  /// credits, reminders, deleted drafts), then payments from a payment file, leave it as the
  /// same events leave the book replayed from line 1, in every stored field and export.
  @Test(arguments: Array(UInt64(1)...6))
  func aBookOpenedFromItsCheckpointChangesAsTheReplayedBook(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let (book, first, second) = try randomBookInHalves(seed: seed, method: method)
      try book.book.append(first)
      try book.export("2025-01-01", "2025-06-30", name: "h1.se", bundle: nil)
      let end = book.book.journalEnd
      try Checkpoint.write(book.book.state, at: end, in: book.file("book"))
      let opened = try book.reopen()
      #expect(opened.checkpointUse == .used(line: end.line), "\(method) seed \(seed)")
      try opened.append(second)
      try opened.transact { tx in try Self.receivePayments(&tx, seed: seed) }
      let replayed = try Book.open(at: book.file("book"), checkpoint: .replayAll)
      try Self.expectSame(
        opened, replayed, next: ExportRequest(from: d("2025-07-01"), to: d("2025-12-31")),
        "\(method) seed \(seed)")
    }
  }

  /// The invoices of a state read from a checkpoint behave as a table of the records: random
  /// reads, sets, removals and changes, of ids held and not held, agree with an ``IDTable``
  /// given the same.
  @Test(arguments: Array(UInt64(1)...4))
  func invoicesReadFromACheckpointBehaveAsATable(seed: UInt64) throws {
    let (book, _) = try Self.checkpointedBook(seed: seed, method: .accrual)
    let state = book.book.state
    var model = IDTable<InvoiceRecord>()
    for (id, record) in state.invoices { model[id] = record }
    var table = try BookState(checkpointPayload: state.checkpointPayload()).invoices
    let records = Array(model.values)
    let last = model.keys.last ?? 0
    var random = SplitMix64(seed: seed)
    for step in 0..<400 {
      let id = Int.random(in: -2...(last + 3), using: &random)
      switch step % 4 {
      case 0:
        table[id] = nil
        model[id] = nil
      case 1:
        let record = records.randomElement(using: &random)
        table[id] = record
        model[id] = record
      case 2 where model[id] != nil:
        let day = Day(year: 2026, month: 1, day: 1 + step % 28)!
        table.update(id) { $0.collectionDate = day }
        model.update(id) { $0.collectionDate = day }
      default:
        // Read once (not kept) first, then as kept: both are the model's record.
        #expect(table.readOnce(id) == model[id], "id \(id)")
        #expect(table[id] == model[id], "id \(id)")
        #expect(table.readOnce(id) == model[id], "id \(id)")
      }
      #expect(table.count == model.count, "step \(step)")
      #expect(table.contains(id) == (model[id] != nil), "step \(step)")
    }
    #expect(table.keys == model.keys)
    #expect(table.map(\.key) == model.map(\.key))
    #expect(Array(table.values) == Array(model.values))
  }

  /// Records asked for on several threads while another builds them all give the records of
  /// the replayed state (the checkpoint's bytes are let go of once all are built).
  @Test func recordsReadWhileAllAreBuiltAgree() throws {
    let (book, _) = try Self.checkpointedBook(seed: 5, method: .cash)
    let state = book.book.state
    for _ in 0..<20 {
      let table = try BookState(checkpointPayload: state.checkpointPayload()).invoices
      let ids = state.invoices.keys
      let agree = Mutex(true)
      DispatchQueue.concurrentPerform(iterations: 4) { thread in
        if thread == 0 { return table.readAll() }
        for id in thread % 2 == 0 ? ids : ids.reversed() where table[id] != state.invoices[id] {
          agree.withLock { $0 = false }
        }
      }
      #expect(agree.withLock { $0 })
    }
  }

  /// The fixture books of every journal format (self-invoices, corrections, reminders,
  /// account names, logos): their state read back from a checkpoint is the replayed state.
  @Test(arguments: FixtureBookTests.books.map(\.name))
  func fixtureStatesSurviveACheckpoint(name: String) throws {
    let (directory, path) = try FixtureBookTests.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let book = try Book.open(at: path, checkpoint: .replayAll)
    let bytes = Checkpoint.encode(book.state, at: book.journalEnd)
    guard case .success(let (state, position)) = Checkpoint.decode(bytes) else {
      Issue.record("\(name): the checkpoint does not read back")
      return
    }
    #expect(position == book.journalEnd)
    #expect(difference(canonical(state), canonical(book.state)) == nil, "\(name)")
    #expect(Checkpoint.encode(state, at: position) == bytes, "\(name): encoding is not stable")
  }

  /// `book verify` compares a checkpoint with the replayed state piece by piece: that says
  /// what comparing the whole file says, for the file itself and for every byte changed, a byte
  /// more and a byte less.
  @Test(arguments: FixtureBookTests.books.map(\.name))
  func aCheckpointIsComparedPieceByPiece(name: String) throws {
    let (directory, path) = try FixtureBookTests.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let book = try Book.open(at: path, checkpoint: .replayAll)
    let end = book.journalEnd
    let bytes = Checkpoint.encode(book.state, at: end)
    #expect(Checkpoint.matches(bytes, book.state, at: end), "\(name)")
    #expect(!Checkpoint.matches(bytes + [0], book.state, at: end), "\(name): a byte more")
    #expect(!Checkpoint.matches(Array(bytes.dropLast()), book.state, at: end), "\(name)")
    #expect(!Checkpoint.matches(Array(bytes.dropLast(5)), book.state, at: end), "\(name)")
    for index in stride(from: 0, to: bytes.count - 4, by: max(1, bytes.count / 97)) {
      var changed = bytes
      changed[index] ^= 0x20
      #expect(!Checkpoint.matches(changed, book.state, at: end), "\(name): byte \(index)")
    }
  }

  /// The checkpoint fuzzer's seeds (`Fuzz/Seeds/checkpoint/`) are the fixture books' states
  /// in the current layout, so that the fuzzer starts from states that read.
  /// `SIETOOL_UPDATE_GOLDEN=1` rewrites them.
  @Test(arguments: FixtureBookTests.books.map(\.name))
  func theFuzzSeedsAreCurrent(name: String) throws {
    let (directory, path) = try FixtureBookTests.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let payload = try Book.open(at: path, checkpoint: .replayAll).state.checkpointPayload()
    let seed = PackagePaths.root + "/Fuzz/Seeds/checkpoint/" + name
    #expect(try BookState(checkpointPayload: payload).invoices.count > 0)
    if (try? FilePath.read(seed)) != payload {
      if ProcessInfo.processInfo.environment["SIETOOL_UPDATE_GOLDEN"] != nil {
        try AtomicFile.write(payload, to: seed)
      }
      Issue.record("Fuzz/Seeds/checkpoint/\(name) is not the book's state in this layout")
    }
  }

  // MARK: Checkpoints that are not used

  /// A small book with a checkpoint after its last line, and its replayed state.
  static func bookWithCheckpoint() throws -> (TemporaryBook, String) {
    let (book, _) = try checkpointedBook(seed: 3, method: .accrual)
    try Checkpoint.write(book.book.state, at: book.book.journalEnd, in: book.file("book"))
    let replayed = try Book.open(at: book.file("book"), checkpoint: .replayAll)
    return (book, canonical(replayed.state))
  }

  static func checkpointPath(_ book: TemporaryBook) -> String {
    book.file("book/" + Checkpoint.fileName)
  }

  @Test func aDamagedCheckpointIsIgnored() throws {
    let (book, expected) = try Self.bookWithCheckpoint()
    var bytes = try FilePath.read(Self.checkpointPath(book))
    bytes[bytes.count / 2] ^= 0x20
    try AtomicFile.write(bytes, to: Self.checkpointPath(book))
    let opened = try Book.open(at: book.file("book"))
    #expect(opened.checkpointUse == .ignored(.damaged))
    #expect(difference(canonical(opened.state), expected) == nil)
    // Cut short, or not a checkpoint at all.
    for broken in [Array(bytes.prefix(bytes.count / 3)), Array("{}".utf8), []] {
      try AtomicFile.write(broken, to: Self.checkpointPath(book))
      #expect(try Book.open(at: book.file("book")).checkpointUse == .ignored(.damaged))
    }
  }

  @Test func aCheckpointOfAnotherReleaseIsIgnored() throws {
    let (book, expected) = try Self.bookWithCheckpoint()
    let bytes = Checkpoint.encode(book.book.state, at: book.book.journalEnd, release: "0.2.9")
    try AtomicFile.write(bytes, to: Self.checkpointPath(book))
    let opened = try Book.open(at: book.file("book"))
    #expect(opened.checkpointUse == .ignored(.foreign))
    #expect(difference(canonical(opened.state), expected) == nil)
  }

  @Test func aCheckpointOfAnotherJournalIsStale() throws {
    let (book, _) = try Self.bookWithCheckpoint()
    // The same line numbers, another history: the journal of another book.
    let (other, _) = try Self.checkpointedBook(seed: 4, method: .accrual)
    for file in [Journal.fileName, Journal.headFile] {
      try AtomicFile.write(
        try FilePath.read(other.file("book/" + file)), to: book.file("book/" + file))
    }
    let opened = try Book.open(at: book.file("book"))
    #expect(opened.checkpointUse == .ignored(.stale))
    let replayed = try Book.open(at: other.file("book"), checkpoint: .replayAll)
    #expect(difference(canonical(opened.state), canonical(replayed.state)) == nil)
  }

  @Test func aCheckpointPastTheHeadIsStale() throws {
    let (book, _) = try Self.checkpointedBook(seed: 5, method: .cash)
    // A checkpoint of the last line, then the head taken back by one line: a reader reads
    // only what the head acknowledges, so the checkpoint is ahead of it.
    let end = book.book.journalEnd
    try Checkpoint.write(book.book.state, at: end, in: book.file("book"))
    let reading = try Journal.read(path: book.file("book/" + Journal.fileName), limit: end.line - 1)
    { _ throws(BookError) in }
    try Journal.writeHead(
      book.file("book/" + Journal.headFile), count: reading.count, lastHash: reading.lastHash)
    let opened = try Book.open(at: book.file("book"))
    #expect(opened.checkpointUse == .ignored(.stale))
    #expect(opened.lineCount == end.line - 1)
  }

  /// A checkpoint changed by hand with its checksum made right is read as written; replaying
  /// from line 1 (`book verify`) finds it out and removes it.
  @Test func replayingFromLineOneChecksTheCheckpoint() throws {
    let (book, expected) = try Self.bookWithCheckpoint()
    let end = book.book.journalEnd
    #expect(
      try Book.open(at: book.file("book"), checkpoint: .replayAll).checkpointUse
        == .confirmed(line: end.line))
    var forged = book.book.state
    forged.balances["K1"] = Amount(kronor: 1_000_000)
    try AtomicFile.write(Checkpoint.encode(forged, at: end), to: Self.checkpointPath(book))
    #expect(try Book.open(at: book.file("book")).state.balances["K1"] == Amount(kronor: 1_000_000))
    let verified = try Book.open(at: book.file("book"), checkpoint: .replayAll)
    #expect(verified.checkpointUse == .contradicted(line: end.line))
    #expect(difference(canonical(verified.state), expected) == nil)
    #expect(!FileManager.default.fileExists(atPath: Self.checkpointPath(book)))
  }

  @Test func aMissingCheckpointIsNotAnError() throws {
    let (book, expected) = try Self.bookWithCheckpoint()
    try FileManager.default.removeItem(atPath: Self.checkpointPath(book))
    let opened = try Book.open(at: book.file("book"))
    #expect(opened.checkpointUse == .ignored(.missing))
    #expect(difference(canonical(opened.state), expected) == nil)
  }

  /// Whatever the bytes, reading a checkpoint never traps: random changes with the checksum
  /// made right again are read as a state or refused as damaged.
  @Test func changedBytesNeverTrap() throws {
    let (book, _) = try Self.bookWithCheckpoint()
    let bytes = try FilePath.read(Self.checkpointPath(book))
    var random = SplitMix64(seed: 7)
    var refused = 0
    for _ in 0..<300 {
      var changed = Array(bytes.dropLast(4))
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let index = Int.random(in: Checkpoint.magic.count..<changed.count, using: &random)
        changed[index] = UInt8.random(in: 0...255, using: &random)
      }
      withUnsafeBytes(of: CRC32.checksum(changed).littleEndian) { changed += $0 }
      if case .failure = Checkpoint.decode(changed) { refused += 1 }
    }
    #expect(refused > 0)
  }

  /// Integers of every size read back as written; a negative count reads back as damage.
  @Test(arguments: [0, 1, -1, 63, -64, 127, 128, 300, -300, Int.max, Int.min, 1 << 62, -(1 << 62)])
  func integersReadBack(value: Int) {
    var writer = CheckpointWriter()
    writer.int(value)
    writer.count(value)
    let (int, count) = writer.bytes.withUnsafeBufferPointer { buffer -> (Int?, Int?) in
      guard var reader = try? CheckpointReader(buffer) else { return (nil, nil) }
      let int = try? reader.int()
      return (int, try? reader.count())
    }
    #expect(int == value)
    #expect(count == (value >= 0 ? value : nil))
  }

  /// Numbers of every bit length, eight bytes from the end or nearer (read a word at a time or
  /// a byte at a time), and varints written the long way, read back as the byte-by-byte
  /// definition reads them; one that goes on past ten bytes is damage.
  @Test func varintsOfEveryLengthReadBack() {
    var random = SplitMix64(seed: 0x1EB1_28)
    var values = [Int]()
    for bits in 0...64 {
      for _ in 0..<20 {
        let raw = bits == 0 ? 0 : (random.next() >> UInt64(64 - bits)) | (1 << UInt64(bits - 1))
        values.append(Int(bitPattern: UInt(raw)))
      }
    }
    var writer = CheckpointWriter()
    for value in values { writer.int(value) }
    let read = writer.bytes.withUnsafeBufferPointer { buffer -> [Int]? in
      guard var reader = try? CheckpointReader(buffer) else { return nil }
      return try? values.map { _ throws(CheckpointDamage) in try reader.int() }
    }
    #expect(read == values)
    /// Raw varints, with eight bytes of padding after or none.
    func count(_ bytes: [UInt8], padded: Bool) -> Int? {
      let all = bytes + (padded ? [UInt8](repeating: 0x01, count: 8) : [])
      return all.withUnsafeBufferPointer { buffer -> Int? in
        var reader = CheckpointReader(buffer, tables: CheckpointTables(), at: 0)
        return try? reader.count()
      }
    }
    for padded in [false, true] {
      #expect(count([0x80, 0x80, 0x00], padded: padded) == 0)
      #expect(count([0xFF, 0x01], padded: padded) == 255)
      #expect(
        count([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], padded: padded) == 1 + (1 << 49))
      #expect(
        count([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], padded: padded) == 1 << 56)
      #expect(count([UInt8](repeating: 0xFF, count: 10) + [0x01], padded: padded) == nil)
      #expect(count([0x80, 0x80], padded: false) == nil)
    }
  }

  /// A register is written as its entries by key, then its keys in order; keys that do not
  /// name each entry once are damage.
  @Test(arguments: [
    (["a", "b"], true), (["b", "a"], true), (["a"], false), (["a", "a"], false),
    (["a", "b", "c"], false), (["a", "c"], false),
  ])
  func aRegisterReadsBackOnlyInAnOrderOfItsEntries(order: [String], readable: Bool) {
    var writer = CheckpointWriter()
    writer.count(2)
    for (key, value) in [("a", 1), ("b", 2)] {
      writer.string(key)
      writer.int(value)
    }
    writer.array(order) { $0.string($1) }
    let register = writer.bytes.withUnsafeBufferPointer { buffer -> Register<Int>? in
      guard var reader = try? CheckpointReader(buffer) else { return nil }
      return try? reader.register { r throws(CheckpointDamage) in try r.int() }
    }
    #expect((register != nil) == readable)
    if let register {
      #expect(register.keys == order)
      #expect(register["a"] == 1 && register["b"] == 2)
    }
    var written = CheckpointWriter()
    var expected = Register<Int>()
    expected.put(2, for: "b")
    expected.put(1, for: "a")
    written.register(expected) { $0.int($1) }
    let again = written.bytes.withUnsafeBufferPointer { buffer -> Register<Int>? in
      guard var reader = try? CheckpointReader(buffer) else { return nil }
      return try? reader.register { r throws(CheckpointDamage) in try r.int() }
    }
    #expect(again == expected, "a register reads back as written")
  }

  /// Inputs the fuzzer found (`Fuzz/Regressions/checkpoint/`), each refused as damaged.
  @Test(arguments: ["section-lengths-overflow"])
  func fuzzedInputsAreRefused(name: String) throws {
    let bytes = try FilePath.read(
      PackagePaths.root + "/Fuzz/Regressions/checkpoint/" + name)
    let state = try? BookState(checkpointPayload: bytes)
    #expect(state == nil)
  }

  /// Amounts, days and lines beyond what a book accepts are refused as damage, so that no
  /// sum over a checkpoint's state can overflow.
  @Test func valuesBeyondTheLimitsAreRefused() throws {
    let (book, _) = try Self.bookWithCheckpoint()
    let state = book.book.state
    func refused(_ change: (inout BookState) -> Void) -> Bool {
      var changed = state
      change(&changed)
      return
        (try? BookState(checkpointPayload: changed.checkpointPayload())) == nil
    }
    let id = state.invoiceOrder[0]
    #expect(!refused { _ in })
    #expect(refused { $0.balances["K1"] = Amount(ore: Limits.amount.ore + 1) })
    #expect(refused { $0.invoices[id]!.invoice.lines[0].unitPrice = Amount(ore: Int64.max / 2) })
    #expect(
      refused {
        $0.invoices[id]!.invoice.lines[0].quantity = ExactDecimal(significand: Int64.max, scale: 0)
      })
    #expect(refused { $0.invoices[id]!.invoice.dueDate = Day(year: 9999, month: 1, day: 1)! })
    #expect(refused { $0.invoices[id]!.issuedUnder = state.settingsHistory.count })
  }

  /// Opening a book whose replay after the checkpoint is long writes a new checkpoint; the
  /// next opening starts from it.
  @Test func aSlowReplayWritesACheckpoint() throws {
    let book = try TemporaryBook(method: .accrual)
    let customer = "K1"
    try book.book.transact { tx in
      for index in 0..<(Book.checkpointEvents / 2 + 1) {
        let id = try tx.draft(
          InvoiceInput(
            customer: customer, invoiceDate: d("2025-03-01"),
            lines: [
              LineInput(description: "Rad \(index)", unitPrice: sek("10.00"), vatRate: .standard)
            ]))
        _ = try tx.attest(id, on: d("2025-03-01"))
      }
    }
    let first = try Book.open(at: book.file("book"))
    #expect(first.checkpointUse == .written(after: .ignored(.missing)))
    let second = try Book.open(at: book.file("book"))
    #expect(second.checkpointUse == .used(line: first.lineCount))
    #expect(difference(canonical(second.state), canonical(first.state)) == nil)
    // `book verify` replays from line 1 and confirms the checkpoint; with nothing after it,
    // it writes none.
    #expect(
      try Book.open(at: book.file("book"), checkpoint: .replayAll).checkpointUse
        == .confirmed(line: first.lineCount))
  }
}

/// Every stored field of a value, private ones included, as text; the entries of
/// dictionaries and sets sorted, so that equal contents give equal text whatever their order
/// in memory.
func canonical(_ value: Any) -> String {
  var output = ""
  render(value, into: &output)
  return output
}

/// Where two texts first differ, with some text around it; `nil` when they are equal.
func difference(_ a: String, _ b: String) -> String? {
  guard a != b else { return nil }
  let (x, y) = (Array(a.utf8), Array(b.utf8))
  let at = zip(x, y).prefix { $0 == $1 }.count
  func around(_ bytes: [UInt8]) -> String {
    String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self)
  }
  return "at \(at): …\(around(x))… vs …\(around(y))…"
}

private func render(_ value: Any, into output: inout String) {
  let mirror = Mirror(reflecting: value)
  switch mirror.displayStyle {
  case .dictionary, .set:
    let entries = mirror.children.map { canonical($0.value) }.sorted()
    output += "[" + entries.joined(separator: ", ") + "]"
  case .optional:
    if let child = mirror.children.first {
      render(child.value, into: &output)
    } else {
      output += "nil"
    }
  default:
    guard !mirror.children.isEmpty else {
      output += String(reflecting: value)
      return
    }
    output += "\(mirror.subjectType)"
    if mirror.displayStyle == .enum {
      output += ".\(String(describing: value).prefix { $0 != "(" })"
    }
    output += "("
    for child in mirror.children {
      output += (child.label ?? "_") + ": "
      render(child.value, into: &output)
      output += ", "
    }
    var superclass = mirror.superclassMirror
    while let parent = superclass {
      for child in parent.children {
        output += (child.label ?? "_") + ": "
        render(child.value, into: &output)
        output += ", "
      }
      superclass = parent.superclassMirror
    }
    output += ")"
  }
}
