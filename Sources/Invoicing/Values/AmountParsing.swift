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
    var index = 0
    let count = bytes.count
    var negative = false
    if index < count && bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var value: Int64 = 0
    var digits = 0
    var overflow = false
    while index < count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(Int64(digit))
      overflow = overflow || o1 || o2
      value = sum
      digits += 1
      index += 1
    }
    var decimals = 0
    var roundUp = false
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        if decimals < 2 {
          let (times10, o1) = value.multipliedReportingOverflow(by: 10)
          let (sum, o2) = times10.addingReportingOverflow(Int64(digit))
          overflow = overflow || o1 || o2
          value = sum
        } else if decimals == 2 {
          roundUp = digit >= 5
        }
        decimals += 1
        digits += 1
        index += 1
      }
    }
    guard index == count, digits > 0 else { return .invalid }
    var scale = decimals
    while scale < 2 {
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      overflow = overflow || o1
      value = times10
      scale += 1
    }
    if roundUp {
      let (sum, o1) = value.addingReportingOverflow(1)
      overflow = overflow || o1
      value = sum
    }
    if overflow { return .overflow }
    let amount = Amount(ore: negative ? -value : value)
    return decimals > 2 ? .tooManyDecimals(rounded: amount) : .exact(amount)
  }
}
