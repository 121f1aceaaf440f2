import Basics
import TestSupport
import Testing

@testable import Invoicing

@Suite struct InvoiceMathTests {
  func line(_ quantity: String, _ price: Int64, _ rate: VATRate, discount: String? = nil)
    -> InvoiceLine
  {
    InvoiceLine(
      description: "x", quantity: ExactDecimal(parsing: quantity)!, unitPrice: Amount(ore: price),
      discountPercent: discount.flatMap { ExactDecimal(parsing: $0) }, vatRate: rate)
  }

  @Test func lineNetsRoundOnceHalfAwayFromZero() {
    #expect(line("8", 100_000, .standard).net == Amount(ore: 800_000))
    #expect(line("7.5", 3_333, .standard).net == Amount(ore: 24_998))  // 24 997.5 → 24 998
    #expect(line("1", 45_000, .standard, discount: "10").net == Amount(ore: 40_500))
    #expect(line("3", 333, .standard, discount: "33.3").net == Amount(ore: 666))  // 666.333
    #expect(line("-2", 10_000, .standard).net == Amount(ore: -20_000))
  }

  /// F1001 of the posting notes: VAT per rate on each rate's net.
  @Test func vatIsComputedPerRate() {
    let totals = InvoiceTotals(
      lines: [line("8", 100_000, .standard), line("10", 10_000, .reduced)], roundToKronor: false)
    #expect(totals.rates.map(\.vat) == [Amount(ore: 200_000), Amount(ore: 12_000)])
    #expect(totals.total == Amount(ore: 1_112_000))
    #expect(totals.rounding == .zero)
  }

  /// The total worked out alone is the total of the totals: random lines over every rate,
  /// negative ones, packages, with and without rounding to whole kronor.
  @Test func theTotalAloneIsTheTotalsTotal() {
    var random = SplitMix64(seed: 5)
    let rates: [VATRate] = [.standard, .reduced, .low, .zero]
    for round in 0..<500 {
      var lines = [InvoiceLine]()
      for _ in 0..<Int(random.next() % 5) {
        let rate = rates[Int(random.next() % 4)]
        var new = line("\(Int(random.next() % 7) - 2)", Int64(random.next() % 100_000), rate)
        if random.next() % 5 == 0 {
          new.parts = [line("1", 3_333, .reduced), line("1", 1_111, .low)].map {
            LinePart(product: "P", kind: .goods, net: $0.net, vatRate: $0.vatRate)
          }
        }
        lines.append(new)
      }
      let roundToKronor = round % 2 == 0
      #expect(
        InvoiceTotals.total(of: lines, roundToKronor: roundToKronor)
          == InvoiceTotals(lines: lines, roundToKronor: roundToKronor).total)
    }
  }

  /// O11: 99.00 + 24.75 VAT = 123.75, rounded to 124.00; the 0.25 is its own amount.
  @Test func roundingToWholeKronor() {
    let totals = InvoiceTotals(lines: [line("1", 9_900, .standard)], roundToKronor: true)
    #expect(totals.vat == Amount(ore: 2_475))
    #expect(totals.total == Amount(ore: 12_400))
    #expect(totals.rounding == Amount(ore: 25))
  }

  /// O15: a package of 1 000.00 split 60/40 over 25 % and 12 % components.
  @Test func packagesSplitOverTheirComponents() {
    let tj = Product(number: "TJ", name: "T", unitPrice: Amount(ore: 100_000), vatRate: .standard)
    let liv = Product(
      number: "LIV", name: "L", unitPrice: Amount(ore: 10_000), vatRate: .reduced, kind: .goods)
    let parts = InvoiceLine.split(
      Amount(ore: 100_000),
      over: [(tj, ExactDecimal(parsing: "0.6")!), (liv, ExactDecimal(parsing: "0.4")!)])
    #expect(parts.map(\.net) == [Amount(ore: 60_000), Amount(ore: 40_000)])
    var package = line("1", 100_000, .standard)
    package.parts = parts
    let totals = InvoiceTotals(lines: [package], roundToKronor: false)
    #expect(totals.total == Amount(ore: 119_800))
  }

  @Test func packageRoundingAddsUpExactly() {
    let products = (1...3).map {
      Product(number: "P\($0)", name: "p", unitPrice: .zero, vatRate: .standard)
    }
    let third = ExactDecimal(parsing: "0.333333")!
    let shares = [third, third, ExactDecimal(parsing: "0.333334")!]
    for net in [Amount(ore: 10_000), Amount(ore: 1), Amount(ore: 99_999), Amount(ore: -10_000)] {
      let parts = InvoiceLine.split(net, over: Array(zip(products, shares)))
      #expect(parts.reduce(Amount.zero) { $0 + $1.net } == net)
    }
  }
}
