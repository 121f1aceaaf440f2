import Basics
import TestSupport
import Testing

/// An account's class is its first digit, whether the number is held as a number or as text.
@Suite struct AccountNumberTests {
  @Test(
    arguments: [
      ("1510", 1, true), ("2611", 2, true), ("3001", 3, false), ("8999", 8, false),
      ("9", 9, false), ("0", 0, true), ("999999999", 9, false), ("1000000000", 1, true),
      ("0123", 0, true), ("15a0", nil, false), ("-1510", nil, false),
    ] as [(String, Int?, Bool)])
  func theClassIsTheFirstDigit(text: String, accountClass: Int?, isBalanceSheet: Bool) {
    let account = AccountNumber(text)
    #expect(account.text == text)
    #expect(account.accountClass == accountClass)
    #expect(account.isBalanceSheetAccount == isBalanceSheet)
  }

  /// Numbers of every length, held as numbers: the class worked out from the value is the
  /// first digit of the text.
  @Test func everyLengthAgreesWithTheText() {
    var random = SplitMix64(seed: 7)
    for digits in 1...9 {
      for _ in 0..<200 {
        let low = digits == 1 ? 0 : Int(pow10(digits - 1))
        let value = low + Int(random.next() % UInt64(pow10(digits) - low))
        let account = AccountNumber(value)
        let first = Int(account.text.utf8.first! - 0x30)
        #expect(account.accountClass == first, "\(value)")
        #expect(account.isNumeric)
      }
    }
  }

  private func pow10(_ exponent: Int) -> Int {
    (0..<exponent).reduce(1) { result, _ in result * 10 }
  }
}
