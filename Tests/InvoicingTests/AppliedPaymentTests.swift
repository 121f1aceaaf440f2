import Basics
import TestSupport
import Testing

@testable import Invoicing

/// A payment holds its means as a code and its rare parts in a box made only when one is
/// there; what it reads back, how it compares and how it hashes are those of its values, in
/// whatever order they were set.
@Suite struct AppliedPaymentTests {
  static let day = Day(year: 2025, month: 3, day: 10)!

  static func plain(_ means: PaymentMeans = .bankgiro) -> AppliedPayment {
    AppliedPayment(
      payment: 7, date: day, means: means, received: Amount(ore: 12_500),
      applied: Amount(ore: 12_500))
  }

  /// Each rare part, set on a plain payment.
  static let changes: [(name: String, change: @Sendable (inout AppliedPayment) -> Void)] = [
    ("rounding", { $0.rounding = Amount(ore: 3) }),
    ("overpaid", { $0.overpaid = Amount(ore: 100) }),
    ("recovered", { $0.recovered = Amount(ore: -40) }),
    ("receivedSEK", { $0.receivedSEK = Amount(ore: 0) }),
    ("incoming", { $0.incoming = "bgmax-20250310-0001-and-more" }),
    ("reversedOn", { $0.reversedOn = day }),
    ("means", { $0.means = PaymentMeans(rawValue: "factoring") }),
  ]

  /// A book's activities are mostly payments and attests, millions in a large book: an
  /// activity takes 56 bytes, not the 120 a payment held inline took.
  @Test func holdsAPaymentInFortyBytes() {
    #expect(MemoryLayout<AppliedPayment>.size == 40)
    #expect(MemoryLayout<Activity>.stride <= 56)
  }

  @Test(arguments: [
    PaymentMeans.bankgiro, .clientFunds, .swish, .card, .autogiro, .cash, .balance, .incoming,
    PaymentMeans(rawValue: "factoring"), PaymentMeans(rawValue: ""),
    PaymentMeans(rawValue: "Bankgiro"), PaymentMeans(rawValue: "bankgiro "),
  ])
  func keepsItsMeans(_ means: PaymentMeans) {
    var payment = Self.plain(means)
    #expect(payment.means == means)
    payment.means = .swish
    #expect(payment.means == .swish)
    payment.means = means
    #expect(payment.means == means)
    #expect(payment == Self.plain(means))
    #expect(payment.hashValue == Self.plain(means).hashValue)
  }

  @Test func readsBackEveryPartAsSet() {
    var payment = Self.plain()
    payment.rounding = Amount(ore: 3)
    payment.overpaid = Amount(ore: 100)
    payment.recovered = Amount(ore: -40)
    payment.receivedSEK = Amount(ore: 99)
    payment.incoming = "p1"
    payment.reversedOn = Self.day
    payment.means = PaymentMeans(rawValue: "factoring")
    payment.received = Amount(ore: 1)
    payment.applied = Amount(ore: 2)
    #expect(payment.rounding == Amount(ore: 3))
    #expect(payment.overpaid == Amount(ore: 100))
    #expect(payment.recovered == Amount(ore: -40))
    #expect(payment.receivedSEK == Amount(ore: 99))
    #expect(payment.incoming == "p1")
    #expect(payment.reversedOn == Self.day)
    #expect(payment.means.rawValue == "factoring")
    #expect(payment.received == Amount(ore: 1))
    #expect(payment.applied == Amount(ore: 2))
    let initialized = AppliedPayment(
      payment: 7, date: Self.day, means: PaymentMeans(rawValue: "factoring"),
      received: Amount(ore: 1), applied: Amount(ore: 2), rounding: Amount(ore: 3),
      overpaid: Amount(ore: 100), recovered: Amount(ore: -40), receivedSEK: Amount(ore: 99),
      incoming: "p1", reversedOn: Self.day)
    #expect(payment == initialized)
    #expect(payment.hashValue == initialized.hashValue)
  }

  /// Any part set makes a different payment; set back to its default, the same payment as one
  /// never changed (no empty box is left to tell them apart).
  @Test func comparesByValueWhateverWasSetBefore() {
    let plain = Self.plain()
    for (name, change) in Self.changes {
      var payment = plain
      change(&payment)
      #expect(payment != plain, "\(name)")
      payment.rounding = .zero
      payment.overpaid = .zero
      payment.recovered = .zero
      payment.receivedSEK = nil
      payment.incoming = nil
      payment.reversedOn = nil
      payment.means = .bankgiro
      #expect(payment == plain, "\(name)")
      #expect(payment.hashValue == plain.hashValue, "\(name)")
    }
  }

  /// Copies share a box but not its changes.
  @Test func changesACopyOnly() {
    var first = Self.plain()
    first.incoming = "p1"
    var second = first
    second.incoming = "p2"
    second.overpaid = Amount(ore: 5)
    #expect(first.incoming == "p1")
    #expect(first.overpaid == .zero)
    #expect(second.incoming == "p2")
  }
}
