import Basics
import TestSupport
import Testing

@testable import Basics

@Suite struct AmountTests {
  @Test(arguments: [
    ("0", 0), ("1000", 100_000), ("-212.5", -21_250), ("-3142.1", -314_210), ("0.01", 1),
    ("-0.01", -1), ("11120.00", 1_112_000), ("5.", 500), (".5", 50),
    ("92233720368547758.07", Int64.max),
  ])
  func parsesExactAmounts(text: String, ore: Int64) {
    #expect(Amount(parsing: text) == Amount(ore: ore))
  }

  @Test(arguments: ["", "-", "+5", "1,50", "1 000", "12a", "1.2.3", ".", "--1", "1e3"])
  func refusesNonDecimals(text: String) {
    #expect(Amount(parsing: text) == nil)
    var text = text
    #expect(text.withUTF8 { Amount.parse($0) } == .invalid)
  }

  @Test func reportsMoreThanTwoDecimalsWithTheRoundedValue() {
    var text = "12.345"
    #expect(text.withUTF8 { Amount.parse($0) } == .tooManyDecimals(rounded: Amount(ore: 1235)))
    text = "-12.344"
    #expect(text.withUTF8 { Amount.parse($0) } == .tooManyDecimals(rounded: Amount(ore: -1234)))
    #expect(Amount(parsing: "12.345") == nil)
  }

  @Test func reportsOverflow() {
    var text = "92233720368547758.08"
    #expect(text.withUTF8 { Amount.parse($0) } == .overflow)
    text = "99999999999999999999"
    #expect(text.withUTF8 { Amount.parse($0) } == .overflow)
  }

  @Test(arguments: [
    (0, "0.00"), (1, "0.01"), (-1, "-0.01"), (1_112_000, "11120.00"), (-21_250, "-212.50"),
    (Int64.min + 1, "-92233720368547758.07"),
  ])
  func formatsWithTwoDecimals(ore: Int64, text: String) {
    #expect(Amount(ore: ore).description == text)
  }

  @Test func formatsForSwedishReaders() {
    #expect(Amount(ore: 1_112_000).swedishFormatted == "11 120,00")
    #expect(Amount(ore: -123_456_789).swedishFormatted == "-1 234 567,89")
    #expect(Amount(ore: 5).swedishFormatted == "0,05")
  }

  @Test func percentagesRoundHalfAwayFromZero() {
    #expect(Amount(ore: 800_000).percentage(25) == Amount(ore: 200_000))
    #expect(Amount(ore: 9_900).percentage(25) == Amount(ore: 2_475))
    #expect(Amount(ore: 2).percentage(25) == Amount(ore: 1))  // 0.5 öre → 1
    #expect(Amount(ore: -2).percentage(25) == Amount(ore: -1))
    #expect(Amount(ore: 1).percentage(12) == Amount(ore: 0))
  }

  @Test func roundsToWholeKronor() {
    #expect(Amount(ore: 12_375).roundedToKronor() == Amount(ore: 12_400))
    #expect(Amount(ore: 12_349).roundedToKronor() == Amount(ore: 12_300))
    #expect(Amount(ore: 12_350).roundedToKronor() == Amount(ore: 12_400))
    #expect(Amount(ore: -12_350).roundedToKronor() == Amount(ore: -12_400))
  }

  @Test func multipliesByExactDecimals() {
    #expect(
      Amount(ore: 100_000).multiplied(by: ExactDecimal(parsing: "7.5")!) == Amount(ore: 750_000))
    #expect(Amount(ore: 333).multiplied(by: ExactDecimal(parsing: "0.5")!) == Amount(ore: 167))
    #expect(Amount(ore: -333).multiplied(by: ExactDecimal(parsing: "0.5")!) == Amount(ore: -167))
    #expect(Amount(ore: Int64.max).multiplied(by: ExactDecimal(2)) == nil)
  }

  @Test func addingReportsOverflow() {
    #expect(Amount(ore: Int64.max).adding(Amount(ore: 1)) == nil)
    #expect(Amount(ore: 1).adding(Amount(ore: 2)) == Amount(ore: 3))
  }
}

@Suite struct AllocationTests {
  /// The posting notes' O3a check: 3 000.00 over F1001's lines 8 000 / 2 000 / 1 000 / 120.
  @Test func largestRemainderMatchesThePostingOracle() {
    let parts = Amount(ore: 300_000).allocated(proportionallyTo: [
      800_000, 200_000, 100_000, 12_000,
    ])
    #expect(parts.map(\.ore) == [215_827, 53_957, 26_979, 3_237])
  }

  @Test func partsAlwaysAddUp() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      let count = Int(generator.next() % 8) + 1
      let weights = (0..<count).map { _ in Int64(generator.next() % 2_000_000) - 200_000 }
      guard weights.reduce(0, +) != 0 else { continue }
      let total = Amount(ore: Int64(generator.next() % 10_000_000) - 5_000_000)
      let parts = total.allocated(proportionallyTo: weights)
      #expect(parts.reduce(Amount.zero, +) == total)
      #expect(parts.count == weights.count)
    }
  }

  /// Weights given as amounts split as the same weights in öre: summing to the amount, to
  /// zero, or to anything else.
  @Test func amountWeightsSplitAsTheirOre() {
    var generator = SplitMix64(seed: 11)
    for round in 0..<2_000 {
      let count = Int(generator.next() % 5) + 1
      var weights = (0..<count).map { _ in Int64(generator.next() % 2_000) - 500 }
      if round % 4 == 1 { weights.append(-weights.reduce(0, +)) }  // summing to zero
      let sum = weights.reduce(0, +)
      let total = round % 4 == 0 ? Amount(ore: sum) : Amount(ore: Int64(generator.next() % 9_000))
      #expect(
        total.allocated(proportionallyTo: weights.map(Amount.init(ore:)))
          == total.allocated(proportionallyTo: weights), "weights \(weights), total \(total)")
    }
  }

  @Test func eachPartIsWithinOneOreOfItsExactShare() {
    let weights: [Int64] = [1, 1, 1]
    let parts = Amount(ore: 100).allocated(proportionallyTo: weights)
    #expect(parts.map(\.ore) == [34, 33, 33])
    let negative = Amount(ore: -100).allocated(proportionallyTo: weights)
    #expect(negative.map(\.ore) == [-33, -33, -34])
  }

  /// An amount split over weights that add up to it gives back the weights, mixed signs too
  /// (the split takes a short way there; the parts are the ones the long way gives).
  @Test(
    arguments: [[800_000, 200_000, 100_000, 12_000], [5, -3, 1], [-7], [1, 0, -1, 4]] as [[Int64]])
  func weightsAddingUpToTheAmountAreItsParts(weights: [Int64]) {
    let total = Amount(ore: weights.reduce(0, +))
    #expect(total.allocated(proportionallyTo: weights).map(\.ore) == weights)
    // One öre more takes the long way, and the parts still add up.
    let more = (total + Amount(ore: 1)).allocated(proportionallyTo: weights)
    #expect(more.reduce(Amount.zero, +) == total + Amount(ore: 1))
  }

  @Test func zeroWeightsGiveZeroParts() {
    #expect(Amount(ore: 100).allocated(proportionallyTo: [0, 0]) == [.zero, .zero])
  }
}
