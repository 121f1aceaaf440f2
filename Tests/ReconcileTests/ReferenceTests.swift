import Basics
import Reconcile
import TestSupport
import Testing

@Suite struct ReferenceTests {
  @Test(arguments: [
    ("RF18539007547034", true), ("RF18 5390 0754 7034", true), ("rf18539007547034", true),
    ("RF19539007547034", false), ("RF401001", true), ("RF1", false), ("XX18539007547034", false),
    ("RF18539007547034123456789", false),
  ])
  func creditorReferences(_ text: String, _ valid: Bool) {
    #expect(CreditorReference.isValid(text) == valid, "\(text)")
  }

  @Test func creditorReferencesAreMadeAndRead() {
    #expect(CreditorReference.make("1001") == "RF401001")
    #expect(CreditorReference.make("539007547034") == "RF18539007547034")
    #expect(CreditorReference.body(of: "RF40 1001") == "1001")
  }

  static let finder = ReferenceFinder(
    scheme: OCRScheme(lengthDigit: true), invoiceNumbers: 1000...999_999)

  static func payment(
    reference: String? = nil, quality: ReferenceQuality = .freeText, texts: [String] = [],
    amount: Int64 = 10_000
  ) -> BankPayment {
    var payment = BankPayment(
      id: "p", amount: Amount(ore: amount), currency: "SEK", date: Day(iso: "2025-04-05")!)
    payment.reference = reference.map { PaymentReference(text: $0, quality: quality) }
    payment.texts = texts
    return payment
  }

  /// Free text as payers write it (payments.md §3), and what is found in it.
  @Test(
    arguments: [
      (
        "100164", ReferenceQuality.structured, [String](),
        ["OCR for invoice 1001 in reference 100164 strong"]
      ),
      ("100165", .structured, [], ["invoice number 100165 in reference 100165 medium"]),
      (
        "faktura 146048 kund nr 88", .freeText, [],
        [
          "invoice number 146048 in reference faktura 146048 kund nr 88 medium",
          "customer number 88 in reference faktura 146048 kund nr 88 medium",
        ]
      ),
      (
        "K10093 f145928", .freeText, [],
        [
          "customer number 10093 in reference K10093 f145928 medium",
          "invoice number 145928 in reference K10093 f145928 medium",
        ]
      ),
      (
        "144997+145354", .freeText, [],
        [
          "invoice number 144997 in reference 144997+145354 medium",
          "invoice number 145354 in reference 144997+145354 medium",
        ]
      ),
      (
        "Faktura65581 Kundnr1233", .freeText, [],
        [
          "invoice number 65581 in reference Faktura65581 Kundnr1233 medium",
          "customer number 1233 in reference Faktura65581 Kundnr1233 medium",
        ]
      ),
      ("20250405 5566778899 100", .freeText, [], []),
      ("65598", .payerNumber, [], []),
      ("RF401001", .structured, [], ["RF reference for invoice 1001 in reference RF401001 strong"]),
    ] as [(String, ReferenceQuality, [String], [String])])
  func cluesInReferences(
    _ text: String, _ quality: ReferenceQuality, _ texts: [String], _ expected: [String]
  ) {
    let clues = Self.finder.clues(in: Self.payment(reference: text, quality: quality, texts: texts))
    let strengths: [ReferenceClue.Strength: String] = [
      .strong: "strong", .medium: "medium", .weak: "weak",
    ]
    #expect(clues.map { "\($0) \(strengths[$0.strength]!)" } == expected, "\(text)")
  }

  @Test func aReferenceCutAt25CharactersGoesOnInTheFirstText() {
    let payment = Self.payment(reference: "FAKTNR 146573, KUNDNR 125", texts: ["47"])
    let clues = Self.finder.clues(in: payment)
    #expect(clues.map(\.kind) == [.invoiceNumber(146573), .customerNumber("12547")])
  }
}
