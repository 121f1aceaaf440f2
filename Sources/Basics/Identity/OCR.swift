/// How a creditor's OCR references are built: the invoice number, optionally a length digit,
/// and a Luhn check digit (Bankgirot's OCR reference control).
///
/// ```swift
/// OCRScheme(lengthDigit: false).reference(for: 1001)   // "10017"
/// OCRScheme(lengthDigit: true).reference(for: 1001)    // "100164"
/// OCRScheme(lengthDigit: true).isValid("100164")       // true
/// ```
public struct OCRScheme: Hashable, Sendable {
  /// Whether the second-to-last digit gives the total length (mod 10).
  public var lengthDigit: Bool
  /// The invoice number is left-padded with zeros to this many digits (0: no padding).
  public var minimumBaseLength: Int

  public init(lengthDigit: Bool = true, minimumBaseLength: Int = 0) {
    self.lengthDigit = lengthDigit
    self.minimumBaseLength = minimumBaseLength
  }

  /// The reference for an invoice number: base + length digit + check digit.
  public func reference(for number: Int) -> String {
    var base = String(number)
    if base.count < minimumBaseLength {
      base = String(repeating: "0", count: minimumBaseLength - base.count) + base
    }
    if lengthDigit { base += String((base.count + 2) % 10) }
    return base + String(Luhn.checkDigit(for: base)!)
  }

  /// Whether `reference` is a well-formed reference under this scheme: 2–25 digits, right
  /// check digit, and the right length digit when the scheme uses one.
  public func isValid(_ reference: String) -> Bool {
    let count = reference.utf8.count
    guard (2...25).contains(count), reference.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      Luhn.isValid(reference)
    else { return false }
    if lengthDigit {
      let digits = Array(reference.utf8)
      guard count >= 3, Int(digits[count - 2]) - 0x30 == count % 10 else { return false }
    }
    return true
  }

  /// The invoice number inside a valid reference.
  public func invoiceNumber(in reference: String) -> Int? {
    guard isValid(reference) else { return nil }
    return Int(reference.dropLast(lengthDigit ? 2 : 1))
  }
}
