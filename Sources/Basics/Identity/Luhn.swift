/// The Luhn check digit ("10-modul") that Swedish organisation numbers, personal numbers,
/// bankgiro numbers and OCR references end with.
public enum Luhn {
  /// The check digit for `digits` (ASCII digits only): from the right, weights 2, 1, 2, 1, …;
  /// the digit sums of the products are added; the check is (10 − sum mod 10) mod 10.
  public static func checkDigit(for digits: some StringProtocol) -> Int? {
    var sum = 0
    var weight = 2
    for byte in digits.utf8.reversed() {
      let digit = Int(byte) - 0x30
      guard (0...9).contains(digit) else { return nil }
      let product = digit * weight
      sum += product > 9 ? product - 9 : product
      weight = weight == 2 ? 1 : 2
    }
    return (10 - sum % 10) % 10
  }

  /// Whether the last digit of `digits` is the Luhn check digit of the others.
  public static func isValid(_ digits: some StringProtocol) -> Bool {
    let bytes = Array(digits.utf8)
    guard bytes.count >= 2, let last = bytes.last, (0x30...0x39).contains(last),
      let check = checkDigit(for: String(decoding: bytes.dropLast(), as: UTF8.self))
    else { return false }
    return check == Int(last) - 0x30
  }
}
