import Basics
import TestSupport
import Testing

@testable import Invoicing

@Suite struct LifecycleTests {
  /// Every transition, allowed or refused, from a fresh attested F1001 (11 120.00, due 2025-04-09).
  struct Step: Sendable, CustomStringConvertible {
    var name: String
    /// The code a refused step is refused with, and the invoice it names.
    var refusal: (code: BookError.Code, invoice: String?)?
    var allowed: Bool { refusal == nil }
    var state: InvoiceState?
    var body: @Sendable (inout BookTransaction, Int) throws -> Void
    var description: String { name }
  }

  static let steps: [Step] = [
    Step(name: "pay in full", refusal: nil, state: .paid) {
      try $0.pay($1, amount: Amount(ore: 1_112_000), on: d("2025-04-05"))
    },
    Step(name: "pay part", refusal: nil, state: .attested) {
      try $0.pay($1, amount: Amount(ore: 300_000), on: d("2025-04-05"))
    },
    Step(name: "pay zero", refusal: (.invalidAmount, nil), state: nil) {
      try $0.pay($1, amount: .zero, on: d("2025-04-05"))
    },
    Step(name: "remind overdue", refusal: nil, state: .reminded) {
      try $0.remind($1, on: d("2025-04-20"))
    },
    Step(name: "remind before due", refusal: (.notOverdue, "1001"), state: nil) {
      try $0.remind($1, on: d("2025-04-09"))
    },
    Step(name: "remind in collection", refusal: (.reminderNotAllowed, "1001"), state: nil) {
      tx, id in
      try tx.sendToCollection(id, on: d("2025-04-20"))
      try tx.remind(id, on: d("2025-04-21"))
    },
    Step(name: "remind paid", refusal: (.reminderNotAllowed, "1001"), state: nil) { tx, id in
      try tx.pay(id, amount: Amount(ore: 1_112_000), on: d("2025-04-05"))
      try tx.remind(id, on: d("2025-04-21"))
    },
    Step(name: "collect overdue", refusal: nil, state: .collection) {
      try $0.sendToCollection($1, on: d("2025-05-01"))
    },
    Step(name: "collect before due", refusal: (.notOverdue, "1001"), state: nil) {
      try $0.sendToCollection($1, on: d("2025-04-01"))
    },
    Step(name: "pay in collection", refusal: nil, state: .paid) { tx, id in
      try tx.sendToCollection(id, on: d("2025-05-01"))
      try tx.pay(id, amount: Amount(ore: 1_112_000), on: d("2025-05-02"))
    },
    Step(name: "write off", refusal: nil, state: .writtenOff) {
      try $0.writeOff($1, on: d("2025-11-15"))
    },
    Step(name: "write off twice", refusal: (.writeOffNotAllowed, "1001"), state: nil) { tx, id in
      try tx.writeOff(id, on: d("2025-11-15"))
      try tx.writeOff(id, on: d("2025-11-16"))
    },
    Step(name: "attest again", refusal: (.invoiceAttested, "1001"), state: nil) {
      try $0.attest($1, on: d("2025-03-11"))
    },
    Step(name: "edit after attest", refusal: (.invoiceAttested, "1001"), state: nil) {
      try $0.updateDraft($1, with: f1001)
    },
    Step(name: "delete after attest", refusal: (.invoiceAttested, "1001"), state: nil) {
      try $0.deleteDraft($1)
    },
    Step(name: "credit in full", refusal: nil, state: .credited) { tx, id in
      let note = try tx.draftCreditNote(for: id, selection: .whole, on: d("2025-03-20"))
      try tx.attest(note, on: d("2025-03-20"))
    },
    Step(name: "credit a line", refusal: nil, state: .attested) { tx, id in
      let note = try tx.draftCreditNote(for: id, selection: .lines([(2, nil)]), on: d("2025-03-20"))
      try tx.attest(note, on: d("2025-03-20"))
    },
    Step(name: "credit more than the invoice", refusal: (.creditExceedsInvoice, "1001"), state: nil)
    { tx, id in
      for _ in 0..<2 {
        let note = try tx.draftCreditNote(for: id, selection: .whole, on: d("2025-03-20"))
        try tx.attest(note, on: d("2025-03-20"))
      }
    },
  ]

  @Test(arguments: steps)
  func transition(_ step: Step) throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      try tx.attest(id, on: d("2025-03-10"))
      return id
    }
    let before = book.lineCount
    do {
      try book.transact { try step.body(&$0, id) }
      #expect(step.allowed, "\(step.name) should have been refused")
      if let state = step.state { #expect(book.state.invoices[id]?.state == state) }
    } catch let error as BookError {
      #expect(!step.allowed, "\(step.name) should have been allowed: \(error)")
      #expect(error.code == step.refusal?.code, "\(step.name): \(error)")
      #expect(error.subject.invoice == step.refusal?.invoice, "\(step.name): \(error)")
      #expect(book.lineCount == before)
      #expect(try Book.open(at: directory.file("book")).lineCount == before)
    }
  }

  @Test func draftsCanChangeAndDeletedDraftsLeaveNoGap() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    try book.transact { tx in
      let first = try tx.draft(f1001)
      var changed = f1001
      changed.lines.removeLast()
      try tx.updateDraft(first, with: changed)
      #expect(tx.state.invoices[first]?.invoice.totals.total == Amount(ore: 1_000_000))
      let second = try tx.draft(f1001)
      try tx.deleteDraft(first)
      #expect(try tx.attest(second, on: d("2025-03-10")) == 1001)
      let third = try tx.draft(f1001)
      #expect(try tx.attest(third, on: d("2025-03-11")) == 1002)
    }
    #expect(book.state.invoice(named: "1001")?.invoice.ocr == "100164")
  }

  @Test func overpaymentsBecomeTheCustomersBalance() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      try tx.attest(id, on: d("2025-03-10"))
      try tx.pay(id, amount: Amount(ore: 1_150_000), on: d("2025-04-05"))
      return id
    }
    #expect(book.state.invoices[id]?.state == .paid)
    #expect(book.state.balances["K1"] == Amount(ore: 38_000))
    // A payment to a paid invoice is an overpayment in whole; the balance can be paid back.
    try book.transact { tx in
      try tx.pay(id, amount: Amount(ore: 100), on: d("2025-04-06"))
      try tx.refund(customer: "K1", amount: Amount(ore: 38_100), on: d("2025-04-10"))
    }
    #expect(book.state.balances["K1"] == .zero)
    let refusal = #expect(throws: BookError.self) {
      try book.transact {
        try $0.refund(customer: "K1", amount: Amount(ore: 1), on: d("2025-04-11"))
      }
    }
    #expect(refusal?.code == .balanceTooSmall)
    #expect(refusal?.subject.customer == "K1")
  }

  @Test func shortPaymentsWithinToleranceClose() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory, tolerance: Amount(kronor: 1))
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      try tx.attest(id, on: d("2025-03-10"))
      try tx.pay(id, amount: Amount(ore: 1_111_900), on: d("2025-04-05"))
      return id
    }
    #expect(book.state.invoices[id]?.state == .paid)
    #expect(book.state.invoices[id]?.payments.first?.rounding == Amount(ore: 100))
  }

  /// The product brief's rule: the rest stays on the one with the larger absolute amount.
  @Test(
    arguments: [
      (100_000, -30_000, 70_000, 0, InvoiceState.attested, InvoiceState.credited),
      (10_000, -30_000, 0, -20_000, .credited, .attested),
      (30_000, -30_000, 0, 0, .credited, .credited),
    ] as [(Int64, Int64, Int64, Int64, InvoiceState, InvoiceState)])
  func offsets(
    invoice: Int64, credit: Int64, invoiceOpen: Int64, creditOpen: Int64,
    invoiceState: InvoiceState, creditState: InvoiceState
  ) throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    func input(_ ore: Int64, credit: Bool) -> InvoiceInput {
      InvoiceInput(
        customer: "K1", invoiceDate: d("2025-03-10"),
        lines: [
          LineInput(
            description: "x", quantity: ExactDecimal(credit ? -1 : 1),
            unitPrice: Amount(ore: ore.magnitude == 0 ? 0 : Int64(ore.magnitude)), vatRate: .zero)
        ],
        isCredit: credit)
    }
    let (i, c) = try book.transact { tx in
      let i = try tx.draft(input(invoice, credit: false))
      let c = try tx.draft(input(credit, credit: true))
      try tx.attest(i, on: d("2025-03-10"))
      try tx.attest(c, on: d("2025-03-10"))
      let sumBefore = tx.state.invoices[i]!.open + tx.state.invoices[c]!.open
      try tx.offset(credit: c, invoice: i, on: d("2025-03-11"))
      #expect(tx.state.invoices[i]!.open + tx.state.invoices[c]!.open == sumBefore)
      return (i, c)
    }
    #expect(book.state.invoices[i]?.open == Amount(ore: invoiceOpen))
    #expect(book.state.invoices[c]?.open == Amount(ore: creditOpen))
    #expect(book.state.invoices[i]?.state == invoiceState)
    #expect(book.state.invoices[c]?.state == creditState)
  }

  @Test func offsetsStayWithinOneCustomer() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let refusal = #expect(throws: BookError.self) {
      try book.transact { tx in
        let i = try tx.draft(f1001)
        var credit = f1001
        credit.customer = "K2"
        credit.isCredit = true
        credit.lines = [
          LineInput(
            description: "x", quantity: ExactDecimal(-1), unitPrice: Amount(kronor: 10),
            vatRate: .standard)
        ]
        let c = try tx.draft(credit)
        try tx.attest(i, on: d("2025-03-10"))
        try tx.attest(c, on: d("2025-03-10"))
        try tx.offset(credit: c, invoice: i, on: d("2025-03-11"))
      }
    }
    #expect(refusal?.code == .offsetNotAllowed)
  }

  @Test(arguments: [
    ("an unknown customer", BookError.Code.noSuchCustomer),
    ("a negative quantity", .invalidQuantity), ("an unknown cost centre", .noSuchCostCentre),
    ("an unknown product", .noSuchProduct), ("a free line without VAT rate", .invalidLine),
    ("a foreign currency without rate", .exchangeRateMissing),
    ("a due date before the invoice date", .dueBeforeInvoiceDate),
  ])
  func badDraftsAreRefused(case name: String, code: BookError.Code) throws {
    var input = f1001
    switch name {
    case "an unknown customer": input.customer = "K9"
    case "a negative quantity": input.lines[0].quantity = ExactDecimal(-1)
    case "an unknown cost centre": input.lines[0].costCentre = "999"
    case "an unknown product": input.lines[0].product = "NOPE"
    case "a free line without VAT rate":
      input.lines[0] = LineInput(description: "x", unitPrice: Amount(kronor: 1))
    case "a foreign currency without rate": input.currency = "EUR"
    default: input.dueDate = d("2025-03-01")
    }
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let before = book.lineCount
    let refusal = #expect(throws: BookError.self, "\(name)") {
      try book.transact { _ = try $0.draft(input) }
    }
    #expect(refusal?.code == code, "\(name)")
    if name != "an unknown customer" && code != .exchangeRateMissing
      && code != .dueBeforeInvoiceDate
    {
      #expect(refusal?.subject.line == 1, "\(name)")
    }
    #expect(book.lineCount == before)
  }

  @Test func selfInvoicesLiveUntilPaid() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let (first, second) = try book.transact { tx in
      let line = [LineInput(product: "TJ", quantity: ExactDecimal(8))]
      let first = try tx.draftSelfInvoice(
        payee: "K2", invoiceDate: d("2025-03-31"), payoutDate: d("2025-04-10"), lines: line)
      let second = try tx.draftSelfInvoice(payee: "K2", invoiceDate: d("2025-03-31"), lines: line)
      #expect(try tx.attestSelfInvoice(first, on: d("2025-03-31")) == "SF-K2-0001")
      #expect(try tx.attestSelfInvoice(second, on: d("2025-03-31")) == "SF-K2-0002")
      try tx.record(.payoutChanged(id: first, date: d("2025-04-15"), amount: nil))
      // An amount changes by a correction, not by hand.
      let fixed = #expect(throws: BookError.self) {
        try tx.record(.payoutChanged(id: first, date: nil, amount: Amount(kronor: 9000)))
      }
      #expect(fixed?.code == .payoutAmountFixed)
      try tx.record(.payoutPaused(id: first))
      try tx.record(.payoutResumed(id: first))
      try tx.record(.selfInvoicePaid(id: first, date: d("2025-04-15")))
      try tx.record(.selfInvoiceCancelled(id: second, date: d("2025-04-01")))
      return (first, second)
    }
    #expect(book.state.selfInvoices[first]?.state == .paid)
    #expect(book.state.selfInvoices[first]?.payoutAmount == Amount(kronor: 10000))
    #expect(book.state.selfInvoices[first]?.selfInvoice.payoutDate == d("2025-04-15"))
    #expect(book.state.selfInvoices[second]?.state == .cancelled)
    for event: Event in [
      .payoutChanged(id: first, date: d("2025-05-01"), amount: nil), .payoutPaused(id: first),
      .selfInvoiceCancelled(id: first, date: d("2025-05-01")),
    ] {
      let refusal = #expect(throws: BookError.self) { try book.transact { try $0.record(event) } }
      #expect(refusal?.code == .payoutNotChangeable)
      #expect(refusal?.subject.selfInvoice == "SF-K2-0001")
    }
  }
}
