/// A Swedish organisation number or personal number in the form `NNNNNN-NNNN`, with a valid
/// Luhn check digit.
///
/// ```swift
/// SwedishIdentityNumber("556677-8899")?.formatted    // "556677-8899"
/// SwedishIdentityNumber("19640823-3234")?.formatted  // "640823-3234"
/// SwedishIdentityNumber("556677-8890")               // nil: wrong check digit
/// ```
public struct SwedishIdentityNumber: Hashable, Sendable, CustomStringConvertible {
  /// The ten digits.
  public let digits: String

  /// Reads `NNNNNN-NNNN`, `NNNNNNNNNN`, or the twelve-digit forms with century; `nil` unless
  /// the check digit is right.
  public init?(_ text: String) {
    let digits = text.filter(\.isASCII).filter(\.isNumber)
    let others = text.filter { !$0.isNumber && $0 != "-" && $0 != "+" && $0 != " " }
    guard others.isEmpty else { return nil }
    let ten: String
    switch digits.count {
    case 10: ten = digits
    case 12: ten = String(digits.dropFirst(2))
    default: return nil
    }
    guard Luhn.isValid(ten) else { return nil }
    self.digits = ten
  }

  /// `NNNNNN-NNNN`.
  public var formatted: String { String(digits.prefix(6)) + "-" + String(digits.suffix(4)) }

  public var description: String { formatted }

  /// Whether it is an organisation number (the third digit is 2 or more) rather than a
  /// personal number.
  public var isOrganization: Bool {
    let third = Array(digits.utf8)[2]
    return third >= UInt8(ascii: "2")
  }
}

/// A bankgiro number: 7 or 8 digits, the last a Luhn check digit, written `NNN-NNNN` or
/// `NNNN-NNNN`.
public struct Bankgiro: Hashable, Sendable, CustomStringConvertible {
  public let digits: String

  public init?(_ text: String) {
    let digits = text.filter { $0 != "-" && $0 != " " }
    guard (7...8).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      Luhn.isValid(digits)
    else { return nil }
    self.digits = digits
  }

  public var formatted: String { String(digits.dropLast(4)) + "-" + String(digits.suffix(4)) }
  public var description: String { formatted }
}
