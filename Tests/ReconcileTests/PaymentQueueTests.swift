import Basics
import Foundation
import Invoicing
import Ledger
import Reconcile
import TestSupport
import Testing

/// Payment files into a book: identity, the queue's steps, and what the ledger books for them
/// (posting notes item 16).
@Suite struct PaymentQueueTests {
  /// A book with K1 (Åkessons, 556677-8899) and K2 (Berg HB); invoices 1001, 1002 (K1) and 1003
  /// (K2) of 2 500.00 each, dated 2025-03-10.
  static func book(_ directory: TemporaryDirectory, method: BookkeepingMethod = .accrual) throws
    -> Book
  {
    var settings = CreditorSettings(
      name: "Exempel AB", organizationNumber: "556677-8899", method: method)
    settings.bankgiro = "991-2346"
    let book = try Book.create(
      at: directory.file("book"), settings: settings, clock: { "2025-04-06T10:00:00Z" })
    try book.transact { tx in
      try tx.addCustomer(
        Customer(number: "K1", name: "Åkessons Åkeri AB", organizationNumber: "556677-8899"))
      try tx.addCustomer(Customer(number: "K2", name: "Berg HB"))
      try tx.addProduct(Product(number: "TJ", name: "Tjänst", unitPrice: Amount(kronor: 1000)))
      for customer in ["K1", "K1", "K2"] {
        let id = try tx.draft(
          InvoiceInput(
            customer: customer, invoiceDate: Day(iso: "2025-03-10")!,
            lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))]))
        _ = try tx.attest(id, on: Day(iso: "2025-03-10")!)
      }
    }
    return book
  }

  static let ocr1001 = "100164"
  static let ocr1002 = "100263"
  static let ocr1003 = "100362"

  /// One deposit: OCR 1001 exact; "faktura 1002" with a wrong check digit; OCR 1003 with 500
  /// too much; 123.45 nobody can place.
  static func file(serial: Int64 = 1, first: Int64 = 250_000) -> BgMaxBuilder {
    var builder = BgMaxBuilder()
    builder.start()
    builder.open()
    builder.payment(first, reference: ocr1001, serial: 1)
    builder.organizationNumber("5566778899")
    builder.payment(250_000, reference: "100272", code: 3, serial: 2)
    builder.text("faktura 1002")
    builder.payment(300_000, reference: ocr1003, serial: 3)
    builder.payment(12_345, code: 0, serial: 4, sender: "0000000000")
    builder.deposit(serial: serial)
    builder.end()
    return builder
  }

  static func importing(_ files: [(String, [UInt8])], into book: Book) throws
    -> PaymentImport.Summary
  {
    let plan = try PaymentImport.plan(
      files.map { .init(name: $0.0, bytes: $0.1) }, book: book.state)
    if let event = plan.event { try book.transact { try $0.record(event) } }
    return plan.summary
  }

  static func states(_ book: Book) -> [String] {
    book.state.allIncoming.map { "\($0.payment.amount) \($0.state.rawValue)" }
  }

  @Test func importPlacesQueuesAndSuggests() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    let summary = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    #expect(summary.matched == 2)
    #expect(summary.suggested == 1)
    #expect(summary.unhandled == 1)
    #expect(
      Self.states(book) == [
        "2500.00 matched", "2500.00 suggested", "3000.00 overpayment", "123.45 unhandled",
      ])
    #expect(book.state.invoice(named: "1001")?.state == .paid)
    #expect(book.state.invoice(named: "1003")?.state == .paid)
    #expect(book.state.balances["K2"] == Amount(kronor: 500))
    let suggestion = try #require(book.state.allIncoming[1].suggestions.first)
    #expect(suggestion.invoices == [2])
    #expect(
      suggestion.reasons.contains("invoice number 1002 in text \"faktura 1002\" is invoice 1002"))
  }

  @Test func importingAgainRenamedOrInsideALargerFileIsANoOp() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let lines = book.lineCount
    let again = try Self.importing(
      [("renamed.txt", Self.file().bytes(lineEnds: .crlf))], into: book)
    #expect(again.files[0].new == 0)
    #expect(again.files[0].duplicates == 4)
    #expect(book.lineCount == lines)
    // The same deposit in a larger file: only the new deposit is new.
    var larger = Self.file()
    larger.records.removeLast()
    larger.open()
    larger.payment(100_000, reference: "x", code: 3, serial: 9)
    larger.deposit(serial: 2)
    larger.end(counts: [5, 0, 0, 2])
    let bigger = try Self.importing([("larger.txt", larger.bytes())], into: book)
    #expect(bigger.files[0].new == 1)
    #expect(bigger.files[0].duplicates == 4)
  }

  @Test func aChangedDepositAndABrokenThirdFileChangeNothing() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let changed = Self.file(first: 250_001)
    let lines = book.lineCount
    let refusal = #expect(throws: ReconcileError.self) {
      try Self.importing([("changed.txt", changed.bytes())], into: book)
    }
    #expect(refusal?.code == .depositChanged)
    var broken = Self.file(serial: 7)
    broken.records.removeLast()
    let third = #expect(throws: ReconcileError.self) {
      try Self.importing(
        [
          ("a.txt", Self.file(serial: 5).bytes()), ("b.txt", Self.file(serial: 6).bytes()),
          ("c.txt", broken.bytes()),
        ],
        into: book)
    }
    #expect(third?.code == .bgmaxStructure)
    #expect(third?.subject.file == "c.txt")
    #expect(book.lineCount == lines)
    var test = Self.file(serial: 8)
    test.records[0] = test.records[0].replacingOccurrences(of: "123456P", with: "123456T")
    let testFile = #expect(throws: ReconcileError.self) {
      try Self.importing([("t.txt", test.bytes())], into: book)
    }
    #expect(testFile?.code == .testFile)
  }

  @Test func theSamePaymentInBgMaxAndCamtIsBookedOnce() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    var single = BgMaxBuilder()
    single.start()
    single.open()
    single.payment(250_000, reference: Self.ocr1001)
    single.deposit()
    single.end()
    _ = try Self.importing([("bg.txt", single.bytes())], into: book)
    let camt = """
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
      <GrpHdr><MsgId>M</MsgId></GrpHdr><Ntfctn><Id>N</Id><Ntry><Amt Ccy="SEK">2500.00</Amt>
      <CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-04-05</Dt></BookgDt><NtryDtls><TxDtls>
      <Amt Ccy="SEK">2500.00</Amt><RmtInf><Strd><CdtrRefInf><Ref>100164</Ref></CdtrRefInf></Strd></RmtInf>
      </TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
      """
    let summary = try Self.importing([("camt.xml", Array(camt.utf8))], into: book)
    #expect(summary.files[0].new == 0)
    #expect(summary.files[0].probableDuplicates == ["M/N/1-1 ~ BG9912346-2025-00001-1"])
    #expect(book.state.allIncoming.count == 1)
  }

  @Test func aPaymentBeforeItsInvoiceIsPlacedWhenTheInvoiceIsAttested() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    var early = BgMaxBuilder()
    early.start()
    early.open()
    early.payment(250_000, reference: "100461")  // 1004's OCR: not attested yet
    early.deposit()
    early.end()
    _ = try Self.importing([("bg.txt", early.bytes())], into: book)
    #expect(Self.states(book) == ["2500.00 unhandled"])
    #expect(PaymentQueue.rematch(in: book.state, on: Day(iso: "2025-04-06")!).isEmpty)
    try book.transact { tx in
      let id = try tx.draft(
        InvoiceInput(
          customer: "K2", invoiceDate: Day(iso: "2025-04-10")!,
          lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))]))
      _ = try tx.attest(id, on: Day(iso: "2025-04-10")!)
    }
    let events = PaymentQueue.rematch(in: book.state, on: Day(iso: "2025-04-11")!)
    #expect(events.count == 1)
    try book.transact { tx in for event in events { try tx.record(event) } }
    #expect(Self.states(book) == ["2500.00 matched"])
    // Booked no earlier than the invoice.
    #expect(book.state.invoice(named: "1004")?.payments.first?.date == Day(iso: "2025-04-10"))
  }

  @Test func theQueuesStepsAndTwoPeopleOnOnePayment() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let suggested = book.state.allIncoming[1].payment.id
    let today = Day(iso: "2025-04-07")!
    // Two people decide on the same state; the second to record finds the payment taken.
    let first = try PaymentQueue.match(suggested, invoices: [1002], in: book.state, on: today)
    let second = try PaymentQueue.match(suggested, invoices: [1002], in: book.state, on: today)
    try book.transact { try $0.record(first) }
    let conflict = #expect(throws: BookError.self) { try book.transact { try $0.record(second) } }
    #expect(conflict?.code == .incomingStateConflict)
    #expect(book.state.invoice(named: "1002")?.state == .paid)
    // Undo: the invoice opens again, the payment waits.
    try book.transact { try $0.record(PaymentQueue.unmatch(suggested, on: today)) }
    #expect(book.state.invoice(named: "1002")?.state == .attested)
    #expect(book.state.invoice(named: "1002")?.open == Amount(kronor: 2500))
    #expect(book.state.incoming[suggested]?.state == .unhandled)
    // Ignore and refund.
    let unknown = book.state.allIncoming[3].payment.id
    try book.transact {
      try $0.record(PaymentQueue.ignore(unknown, account: "3990", reason: "bankränta", on: today))
    }
    try book.transact { try $0.record(PaymentQueue.refund(suggested, on: today)) }
    #expect(
      Self.states(book) == [
        "2500.00 matched", "2500.00 refunded", "3000.00 overpayment", "123.45 ignored",
      ])
    let refused = #expect(throws: ReconcileError.self) {
      try PaymentQueue.match(suggested, invoices: [1002], in: book.state, on: today)
    }
    #expect(refused?.code == .paymentStateConflict)
    // The overpayment's rest is paid back through the queue too.
    let overpaid = book.state.allIncoming[2].payment.id
    try book.transact { try $0.record(PaymentQueue.refund(overpaid, on: today)) }
    #expect(book.state.balances["K2"] ?? .zero == .zero)
    // Everything replays.
    #expect(try Book.open(at: book.directory).state.allIncoming == book.state.allIncoming)
  }

  /// Posting notes item 16, both methods: received 1930/2420; placed later 2420/1510 (accrual)
  /// or 2420/revenue + VAT (cash); placed at import 1930/1510 like a payment by hand; ignored
  /// and refunded 2420/1930; an undone match the opposite of the match, its money on 2420.
  @Test(arguments: [BookkeepingMethod.accrual, .cash])
  func theLedgerBooksTheQueue(method: BookkeepingMethod) throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory, method: method)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let ids = book.state.allIncoming.map(\.payment.id)
    let today = Day(iso: "2025-04-07")!
    try book.transact {
      try $0.record(try PaymentQueue.match(ids[1], invoices: [1002], in: $0.state, on: today))
    }
    try book.transact {
      try $0.record(PaymentQueue.ignore(ids[3], account: "3990", reason: "ränta", on: today))
    }
    try book.transact { try $0.record(PaymentQueue.unmatch(ids[0], on: today)) }
    try book.transact { try $0.record(PaymentQueue.refund(ids[0], on: today)) }
    let vouchers = try BookLedger(state: book.state).journal(through: Day(iso: "2025-04-30")!)
    let rows = vouchers.filter { $0.series == "I" }.map { voucher in
      voucher.date.iso + " "
        + voucher.rows.map { "\($0.account) \($0.amount)" }.joined(separator: ", ")
    }
    let revenue = method == .accrual ? "1510 -2500.00" : "3001 -2000.00, 2611 -500.00"
    #expect(
      rows == [
        "2025-04-05 1930 2500.00, 2420 -2500.00",  // 1002's payment, waiting
        "2025-04-05 1930 123.45, 2420 -123.45",  // nobody's
        "2025-04-05 1930 2500.00, \(revenue)",  // 1001 placed at import
        "2025-04-05 1930 3000.00, \(revenue), 2420 -500.00",  // 1003 and 500 too much
        "2025-04-05 2420 2500.00, \(revenue)",  // 1002 placed by hand, on the incoming day
        "2025-04-07 2420 123.45, 1930 -123.45",  // ignored
        "2025-04-07 2420 -2500.00, "
          + (method == .accrual ? "1510 2500.00" : "3001 2000.00, 2611 500.00"),  // 1001 undone
        "2025-04-07 2420 2500.00, 1930 -2500.00",  // refunded
      ])
    // 2420 holds what waits and what is overpaid.
    let advances = vouchers.flatMap(\.rows).filter { $0.account == "2420" }.reduce(Amount.zero) {
      $0 + $1.amount
    }
    #expect(advances == -Amount(kronor: 500))
    for voucher in vouchers {
      #expect(voucher.rows.reduce(Amount.zero) { $0 + $1.amount } == .zero)
    }
  }
}

extension PaymentQueueTests {
  @Test func anOverpaymentIsUsedOnAnotherInvoiceOrPaidBackLater() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let overpaid = book.state.allIncoming[2].payment.id  // 3 000 on 1003 (K2): 500 left
    let today = Day(iso: "2025-04-08")!
    // K2 gets a new invoice; what the overpayment left goes on it.
    try book.transact { tx in
      let id = try tx.draft(
        InvoiceInput(
          customer: "K2", invoiceDate: today,
          lines: [LineInput(product: "TJ", quantity: ExactDecimal(1))]))
      _ = try tx.attest(id, on: today)
    }
    try book.transact {
      try $0.record(try PaymentQueue.match(overpaid, invoices: [1004], in: $0.state, on: today))
    }
    #expect(book.state.incoming[overpaid]?.state == .matched)
    #expect(book.state.invoice(named: "1004")?.open == Amount(kronor: 750))
    #expect(book.state.balances["K2"] ?? .zero == .zero)
    // A waiting payment: refund under way, then paid.
    let waiting = book.state.allIncoming[3].payment.id
    try book.transact { try $0.record(PaymentQueue.refund(waiting, on: today, pending: true)) }
    #expect(book.state.incoming[waiting]?.state == .refundPending)
    try book.transact { try $0.record(PaymentQueue.refund(waiting, on: today)) }
    #expect(book.state.incoming[waiting]?.state == .refunded)
    let vouchers = try BookLedger(state: book.state).journal(through: today)
    #expect(
      vouchers.last?.rows.map { "\($0.account) \($0.amount)" } == ["2420 123.45", "1930 -123.45"])
  }

  @Test func withArrivalsNotBookedAPlacedPaymentBooksLikeOneByHand() throws {
    let directory = TemporaryDirectory()
    let book = try Self.book(directory)
    var settings = book.state.settings
    settings.bookUnmatchedPayments = false
    try book.updateSettings(settings)
    _ = try Self.importing([("bg.txt", Self.file().bytes())], into: book)
    let suggested = book.state.allIncoming[1].payment.id
    try book.transact {
      try $0.record(
        try PaymentQueue.match(
          suggested, invoices: [1002], in: $0.state, on: Day(iso: "2025-04-07")!))
    }
    let vouchers = try BookLedger(state: book.state).journal(through: Day(iso: "2025-04-30")!)
    let payments = vouchers.filter { $0.series == "I" }.map {
      $0.rows.map { "\($0.account) \($0.amount)" }
    }
    #expect(!payments.contains { $0.contains("2420 -2500.00") })  // nothing waits on 2420
    #expect(payments.contains(["1930 2500.00", "1510 -2500.00"]))
  }
}
