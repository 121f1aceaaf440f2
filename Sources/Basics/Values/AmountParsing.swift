/// The outcome of reading a decimal amount such as `-1234.5` from text.
public enum AmountParseResult: Equatable, Sendable {
  /// A well-formed amount with at most two decimals.
  case exact(Amount)
  /// A well-formed number with more than two decimals; `rounded` is it rounded half away from
  /// zero to whole öre. SIE allows at most two decimals, so a reader reports this.
  case tooManyDecimals(rounded: Amount)
  /// Digits that do not fit in an `Int64` number of öre.
  case overflow
  /// Not a decimal number (empty, a plus sign, a comma, letters, …).
  case invalid
}

extension Amount {
  /// Reads an amount written with a decimal point and at most two decimals (`"1000"`,
  /// `"-212.5"`, `"0.01"`), or returns `nil`. A plus sign, thousands separators, a decimal comma
  /// and more than two decimals are refused.
  public init?(parsing text: some StringProtocol) {
    var text = String(text)
    let result = text.withUTF8 { Amount.parse($0) }
    guard case .exact(let amount) = result else { return nil }
    self = amount
  }

  /// Reads a decimal amount from ASCII bytes: an optional minus, digits, and an optional point
  /// followed by digits. At least one digit is required.
  @inlinable
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AmountParseResult {
    guard let base = bytes.baseAddress else { return .invalid }
    let count = bytes.count
    var index = 0
    let negative = count > 0 && base[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    // Up to 16 integer digits and two decimals fit without overflow checks.
    var value: Int64 = 0
    let integerStart = index
    while index < count {
      let digit = base[index] &- 0x30
      guard digit < 10 else { break }
      value = value &* 10 &+ Int64(digit)
      index += 1
    }
    let integerDigits = index - integerStart
    var decimals = 0
    var decimalValue: Int64 = 0
    var roundUp = false
    if index < count && base[index] == UInt8(ascii: ".") {
      index += 1
      while index < count {
        let digit = base[index] &- 0x30
        guard digit < 10 else { break }
        if decimals < 2 {
          decimalValue = decimalValue &* 10 &+ Int64(digit)
        } else if decimals == 2 {
          roundUp = digit >= 5
        }
        decimals += 1
        index += 1
      }
    }
    guard index == count, integerDigits + decimals > 0 else { return .invalid }
    if decimals == 1 { decimalValue &*= 10 }
    let ore: Int64
    if integerDigits <= 16 {
      ore = value &* 100 &+ decimalValue &+ (roundUp ? 1 : 0)
    } else {
      // Long numbers: redo with overflow checks.
      var checked: Int64 = 0
      for position in integerStart..<(integerStart + integerDigits) {
        let (times10, o1) = checked.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(Int64(base[position] &- 0x30))
        if o1 || o2 { return .overflow }
        checked = sum
      }
      let (times100, o1) = checked.multipliedReportingOverflow(by: 100)
      let (sum, o2) = times100.addingReportingOverflow(decimalValue + (roundUp ? 1 : 0))
      if o1 || o2 { return .overflow }
      ore = sum
    }
    let amount = Amount(ore: negative ? -ore : ore)
    return decimals > 2 ? .tooManyDecimals(rounded: amount) : .exact(amount)
  }
}
