import Basics
import Dispatch
import Testing

@testable import Invoicing
@testable import Ledger

/// Invoices read ahead on another core are the invoices the posting would read itself, in the
/// same order, and a posting that reads ahead books the same vouchers as one that does not.
@Suite struct InvoiceReadAheadTests {
  /// A random book's state as a checkpoint gives it: its invoice records built when asked for.
  static func checkpointedState(seed: UInt64, method: BookkeepingMethod) throws -> BookState {
    let tx = try randomBook(seed: seed, method: method, settled: false)
    return try BookState(checkpointPayload: tx.state.checkpointPayload())
  }

  @Test(arguments: [(1, 1), (3, 2), (5, 1), (64, 8)])
  func eachRecordComesInTheOrderGiven(blockSize: Int, blocksAhead: Int) throws {
    let state = try Self.checkpointedState(seed: 3, method: .accrual)
    let ids = state.invoices.keys
    try #require(ids.count > 20)
    let ahead = InvoiceReadAhead(
      ids: ids, invoices: state.invoices, blockSize: blockSize, blocksAhead: blocksAhead)
    for id in ids {
      let read = try #require(ahead.take(id), "invoice \(id)")
      let expected = PostingEngine.Attestation(id: id, record: try #require(state.invoices[id]))
      let (a, b) = (read.document, expected.document)
      #expect(a.kind == b.kind && a.id == id && b.id == id && a.customer == b.customer)
      #expect(a.name == b.name && a.recipient == b.recipient && a.rate == b.rate)
      #expect(a.saleType == b.saleType && a.components.isEmpty && b.components.isEmpty)
      #expect(read.original == expected.original)
      #expect(read.parts.map(\.key) == expected.parts.map(\.key))
      #expect(read.parts.map(\.amount) == expected.parts.map(\.amount))
      #expect(!read.parts.isEmpty)
    }
    #expect(ahead.take(ids[0]) == nil, "every id was handed out")
  }

  /// An id out of the order is not handed out, and the order stays where it was.
  @Test func anIdOutOfOrderIsLeftToTheCaller() throws {
    let state = try Self.checkpointedState(seed: 4, method: .cash)
    let ids = state.invoices.keys
    let ahead = InvoiceReadAhead(ids: ids, invoices: state.invoices, blockSize: 2, blocksAhead: 1)
    #expect(ahead.take(ids[1]) == nil)
    #expect(ahead.take(ids[0])?.document.id == ids[0])
    #expect(ahead.take(ids[0]) == nil)
    #expect(ahead.take(-7) == nil)
    #expect(ahead.take(ids[1])?.document.id == ids[1])
    #expect(ahead.take(ids[2])?.document.id == ids[2])
  }

  /// A posting that stops early lets the reading thread go: dropping the reader halfway, with
  /// the thread waiting for room, ends the thread (and the next reader works). A reader read
  /// to its end ends its thread too.
  @Test func aReaderDroppedHalfwayEnds() throws {
    let state = try Self.checkpointedState(seed: 5, method: .accrual)
    let ids = state.invoices.keys
    for taken in [0, 1, 3] {
      var ahead: InvoiceReadAhead? = InvoiceReadAhead(
        ids: ids, invoices: state.invoices, blockSize: 1, blocksAhead: 1)
      for id in ids.prefix(taken) { #expect(ahead?.take(id) != nil) }
      let ended = try #require(ahead?.readerEnded)
      ahead = nil
      #expect(ended.wait(timeout: .now() + 60) == .success, "dropped after \(taken)")
    }
    let again = InvoiceReadAhead(ids: ids, invoices: state.invoices, blockSize: 4)
    for id in ids { #expect(again.take(id) != nil) }
    #expect(again.readerEnded.wait(timeout: .now() + 60) == .success)
  }

  /// The vouchers, their documents and the last numbers of a year's run, posted with invoices
  /// read ahead in blocks of several sizes and without: the same.
  @Test(arguments: Array(UInt64(1)...4))
  func postingReadingAheadBooksTheSame(seed: UInt64) throws {
    for method in [BookkeepingMethod.accrual, .cash] {
      let state = try Self.checkpointedState(seed: seed, method: method)
      let ledger = try BookLedger(state: state)
      func run(blockSize: Int?) throws -> VoucherRun.Result {
        var (engine, _) = try ledger.replay(keepingVouchers: false)
        _ = engine.use(AccountMap(state: state))
        engine.keepsVouchers = true
        engine.keepsDocuments = true
        var run = VoucherRun(
          from: d("2025-01-01"), indexes: Array(ledger.activities.indices), reversals: [],
          yearEnds: [d("2025-12-31")], summarization: .event)
        run.readAheadBlockSize = blockSize
        return try run.run(&engine, startingNumbers: [:])
      }
      let plain = try run(blockSize: nil)
      #expect(plain.vouchers.count > 20)
      for blockSize in [1, 3, 7] {
        let read = try run(blockSize: blockSize)
        #expect(read.vouchers == plain.vouchers, "\(method) seed \(seed) block \(blockSize)")
        #expect(read.sources == plain.sources)
        #expect(read.lastNumbers == plain.lastNumbers)
      }
    }
  }

  /// More invoices than a block of the read-ahead's own size, some paid, some to an EU
  /// customer, some with a cost centre: a state from a checkpoint posts through the read-ahead
  /// as it posts with each invoice read by the posting itself.
  @Test func aBookOfMoreThanABlockPostsTheSame() throws {
    var tx = try exampleState(method: .accrual, tolerance: sek("1.00"))
    for index in 0..<(InvoiceReadAhead.blockSize + 300) {
      let id = try tx.issue(
        InvoiceInput(
          customer: index % 3 == 0 ? "EU1" : "K1",
          invoiceDate: d("2025-01-02").adding(days: index % 300),
          lines: [
            LineInput(
              product: index % 2 == 0 ? "TJ" : "VARA", quantity: ExactDecimal(1 + index % 4),
              costCentre: index % 5 == 0 ? "100" : nil)
          ]))
      if index % 4 != 0 {
        try tx.pay(
          id, amount: tx.state.invoices[id]!.invoice.totals.total,
          on: d("2025-01-20").adding(days: index % 300))
      }
    }
    let state = try BookState(checkpointPayload: tx.state.checkpointPayload())
    let ledger = try BookLedger(state: state)
    func run(blockSize: Int?) throws -> VoucherRun.Result {
      var (engine, _) = try ledger.replay(keepingVouchers: false)
      _ = engine.use(AccountMap(state: state))
      engine.keepsVouchers = true
      var run = VoucherRun(
        from: d("2025-01-01"), indexes: Array(ledger.activities.indices), reversals: [],
        yearEnds: [], summarization: .event)
      run.readAheadBlockSize = blockSize
      return try run.run(&engine, startingNumbers: [:])
    }
    let plain = try run(blockSize: nil)
    let read = try run(blockSize: InvoiceReadAhead.blockSize)
    #expect(plain.vouchers.count > InvoiceReadAhead.blockSize * 2)
    #expect(read.vouchers == plain.vouchers)
    #expect(read.sources == plain.sources)
    #expect(read.lastNumbers == plain.lastNumbers)
  }
}
