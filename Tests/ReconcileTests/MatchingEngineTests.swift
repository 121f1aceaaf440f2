import Basics
import Reconcile
import TestSupport
import Testing

/// The matching engine: one case per rule of payments.md §5, and its invariants over random
/// inputs.
@Suite struct MatchingEngineTests {
  static let scheme = OCRScheme(lengthDigit: true)
  static let finder = ReferenceFinder(scheme: scheme, invoiceNumbers: 1000...9999)

  static func item(
    _ number: Int, _ customer: String, _ kronor: Int64, status: OpenItem.Status = .open,
    due: String = "2025-04-09"
  ) -> OpenItem {
    OpenItem(
      id: number - 1000, number: number, customer: customer, open: Amount(kronor: kronor),
      ocr: scheme.reference(for: number), dueDate: Day(iso: due)!,
      invoiceDate: Day(iso: "2025-03-10")!,
      status: status)
  }

  /// K1: 1001 (1 000), 1002 (2 000), 1003 credit (−300); K2: 1004 (1 000), 1005 paid; K3: 1006 (2 500).
  static let items = [
    item(1001, "K1", 1000), item(1002, "K1", 2000, due: "2025-04-20"), item(1003, "K1", -300),
    item(1004, "K2", 1000), item(1005, "K2", 0, status: .paid), item(1006, "K3", 2500),
  ]
  static let payers = [
    KnownPayer(customer: "K1", name: "Åkessons Åkeri AB", organizationNumber: "5566778899"),
    KnownPayer(customer: "K2", name: "Berg & Söner HB", bankgiro: "3783511"),
    KnownPayer(customer: "K3", name: "Café Ölandsbron AB"),
  ]
  static let engine = MatchingEngine(
    openItems: items, payers: payers, settings: MatchSettings(tolerance: Amount(kronor: 1)))

  static func payment(
    _ kronor: Int64, reference: String? = nil, quality: ReferenceQuality = .structured,
    texts: [String] = [], payer: Payer = Payer(), deduction: String? = nil
  ) -> PaymentToMatch {
    var bank = BankPayment(
      id: "p", amount: Amount(kronor: kronor), currency: "SEK", date: Day(iso: "2025-04-05")!)
    bank.reference = reference.map { PaymentReference(text: $0, quality: quality) }
    bank.texts = texts
    var credit = BankPayment(
      id: "d", kind: .deduction, amount: .zero, currency: "SEK", date: bank.date)
    credit.reference = deduction.map { PaymentReference(text: $0, quality: .freeText) }
    return PaymentToMatch(
      id: "p", amount: bank.amount, date: bank.date, clues: finder.clues(in: bank), payer: payer,
      creditClues: deduction == nil ? [] : finder.clues(in: credit))
  }

  static func describe(_ decision: Decision) -> String {
    switch decision {
    case .apply(let c):
      (["apply"]
        + (c.allocations.isEmpty ? [] : [c.allocations.map(\.description).joined(separator: ", ")])
        + (c.rest.isZero ? [] : ["rest \(c.rest)"])
        + (c.credits.isEmpty
          ? [] : ["credits \(c.credits.map(\.description).joined(separator: ", "))"]))
        .joined(separator: " ")
    case .suggest(let cs):
      "suggest "
        + cs.map {
          "[\($0.allocations.map(\.description).joined(separator: ", "))]"
            + ($0.rest.isZero ? "" : " rest \($0.rest)")
        }.joined(separator: " ")
    case .unhandled: "unhandled"
    }
  }

  static func named(_ name: String, _ orgNumber: String? = nil, bankgiro: String? = nil) -> Payer {
    var payer = Payer()
    payer.name = name
    payer.organizationNumber = orgNumber
    payer.bankgiro = bankgiro
    return payer
  }

  @Test(
    arguments: [
      ("exact OCR", payment(1000, reference: scheme.reference(for: 1001)), "apply 1001: 1000.00"),
      (
        "OCR, part payment", payment(400, reference: scheme.reference(for: 1001)),
        "apply 1001: 400.00"
      ),
      (
        "OCR, overpayment", payment(1200, reference: scheme.reference(for: 1001)),
        "apply 1001: 1000.00 rest 200.00"
      ),
      (
        "OCR of a paid invoice", payment(500, reference: scheme.reference(for: 1005)),
        "apply rest 500.00"
      ),
      (
        "OCR, 1 kr short (tolerance)", payment(999, reference: scheme.reference(for: 1001)),
        "apply 1001: 999.00"
      ),
      (
        "two OCRs in order", payment(2500, reference: scheme.reference(for: 1002), texts: []),
        "apply 1002: 2000.00 rest 500.00"
      ),
      (
        "wrong check digit, number in text",
        payment(1000, reference: "100165", quality: .freeText, texts: ["faktura 1001"]),
        "suggest [1001: 1000.00]"
      ),
      (
        "invoice number in text", payment(2000, reference: "fakt 1002", quality: .freeText),
        "suggest [1002: 2000.00]"
      ),
      (
        "two invoices in text", payment(3000, reference: "1001+1002", quality: .freeText),
        "suggest [1001: 1000.00, 1002: 2000.00]"
      ),
      (
        "no reference, known payer, exact amount", payment(2500, payer: named("Cafe Olandsbron")),
        "suggest [1006: 2500.00]"
      ),
      (
        "no reference, org number, two invoices", payment(3000, payer: named("X", "556677-8899")),
        "suggest [1001: 1000.00, 1002: 2000.00]"
      ),
      ("amount only, unique", payment(2500), "suggest [1006: 2500.00]"),
      ("amount only, two invoices share it", payment(1000), "unhandled"),
      ("nothing", payment(123), "unhandled"),
      (
        "OCR with a deduction of a credit",
        payment(700, reference: scheme.reference(for: 1001), deduction: "1003"),
        "apply 1001: 1000.00 credits 1003: -300.00"
      ),
      (
        "OCR, but the payer is another customer",
        payment(
          1000, reference: scheme.reference(for: 1004),
          payer: named("Åkessons Åkeri AB", "5566778899")),
        "suggest [1004: 1000.00] [1001: 1000.00]"
      ),
      (
        "Autogiro payer number",
        payment(1000, reference: scheme.reference(for: 1001), quality: .payerNumber), "unhandled"
      ),
    ] as [(String, PaymentToMatch, String)])
  func decides(_ name: String, _ payment: PaymentToMatch, _ expected: String) {
    #expect(Self.describe(Self.engine.decide(payment)) == expected, "\(name)")
  }

  @Test func everyDecisionGivesItsReasons() {
    let decision = Self.engine.decide(
      Self.payment(1000, reference: Self.scheme.reference(for: 1001)))
    let candidate = decision.applied!
    #expect(candidate.score == 130)
    #expect(
      candidate.reasons == [
        "OCR for invoice 1001 in reference 100164 is invoice 1001",
        "the amount equals what is open (1000.00)",
      ])
  }

  @Test func aSecondPaymentSeesWhatTheFirstPlaced() {
    let ocr = Self.scheme.reference(for: 1001)
    let decisions = Self.engine.decide([
      Self.payment(1000, reference: ocr), Self.payment(1000, reference: ocr),
    ])
    #expect(decisions.map(Self.describe) == ["apply 1001: 1000.00", "apply rest 1000.00"])
  }

  /// Random books and payments: a decision never places more than the payment (and the credits
  /// it uses), never more than an invoice has open, and is the same whatever order the items
  /// come in.
  @Test(arguments: 0..<30)
  func invariantsHoldForRandomInputs(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var items = [OpenItem]()
    for number in 1001...1040 {
      let customer = "K\(Int.random(in: 1...6, using: &random))"
      let kronor = Int64.random(in: -500...5000, using: &random)
      let status: OpenItem.Status =
        kronor == 0 ? .paid : (Int.random(in: 0..<10, using: &random) == 0 ? .closed : .open)
      items.append(Self.item(number, customer, kronor, status: status))
    }
    let engine = MatchingEngine(
      openItems: items, settings: MatchSettings(tolerance: Amount(kronor: 1)))
    let reversed = MatchingEngine(
      openItems: items.reversed(), settings: MatchSettings(tolerance: Amount(kronor: 1)))
    var payments = [PaymentToMatch]()
    for _ in 0..<20 {
      let number = Int.random(in: 995...1045, using: &random)
      let kronor = Int64.random(in: 1...6000, using: &random)
      let form = Int.random(in: 0..<4, using: &random)
      let reference: String? =
        form == 0
        ? Self.scheme.reference(for: number)
        : form == 1 ? "faktura \(number)" : form == 2 ? "\(number)+\(number + 1)" : nil
      payments.append(
        Self.payment(
          kronor, reference: reference, quality: form == 0 ? .structured : .freeText,
          deduction: Int.random(in: 0..<5, using: &random) == 0
            ? String(Int.random(in: 1001...1040, using: &random)) : nil))
    }
    let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
    let decisions = engine.decide(payments)
    #expect(decisions == reversed.decide(payments))
    var open = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.open) })
    for (payment, decision) in zip(payments, decisions) {
      let candidates: [Candidate] =
        switch decision {
        case .apply(let c): [c]
        case .suggest(let cs): cs
        case .unhandled: []
        }
      for candidate in candidates {
        let placed = candidate.allocations.reduce(Amount.zero) { $0 + $1.amount }
        let credits = candidate.credits.reduce(Amount.zero) { $0 - $1.amount }
        #expect(placed + candidate.rest == payment.amount + credits)
        #expect(candidate.rest >= .zero)
        #expect(candidate.allocations.allSatisfy { $0.amount > .zero })
        let customers = Set(candidate.allocations.map { byID[$0.invoice]!.customer })
        #expect(customers.count <= 1)
        for allocation in candidate.allocations {
          #expect(
            allocation.amount
              <= (decision.applied == nil
                ? byID[allocation.invoice]!.open : open[allocation.invoice]!))
        }
        for credit in candidate.credits {
          #expect(credit.amount < .zero && -credit.amount <= -byID[credit.invoice]!.open)
        }
      }
      if let applied = decision.applied {
        for allocation in applied.allocations + applied.credits {
          open[allocation.invoice]! -= allocation.amount
        }
      }
    }
  }
}
