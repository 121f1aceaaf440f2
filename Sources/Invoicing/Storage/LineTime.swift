import Basics

/// When a journal line was written, as its `time` member says it: the form this release
/// writes, `2026-01-15T10:00:00Z`, held as its fourteen digits, any other as its text. Either
/// gives back the text as written; reading a line so allocates nothing for its time (a text of
/// 20 bytes does not fit in a `String` without memory of its own).
enum LineTime: Sendable, Equatable {
  /// `YYYY-MM-DDThh:mm:ssZ`, its digits read as one number.
  case digits(Int64)
  /// Any other text.
  case text(String)

  init(_ text: String) {
    var text = text
    let digits = text.withUTF8 { Self.digits(of: $0) }
    self = digits.map(LineTime.digits) ?? .text(text)
  }

  /// The time the UTF-8 `bytes` say; `nil` when they are not UTF-8.
  init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    if let digits = Self.digits(of: bytes) {
      self = .digits(digits)
    } else if let text = String(validating: bytes, as: UTF8.self) {
      self = .text(text)
    } else {
      return nil
    }
  }

  /// The time as written.
  var text: String {
    switch self {
    case .text(let text):
      return text
    case .digits(var rest):
      return String(unsafeUninitializedCapacity: 20) { buffer in
        for index in stride(from: 18, through: 0, by: -1) where !Self.isSeparator(index) {
          buffer[index] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
          rest /= 10
        }
        for (index, separator) in Self.separators { buffer[index] = separator }
        return 20
      }
    }
  }

  /// Where the form's separators stand, and what they are.
  private static let separators: [(Int, UInt8)] = [
    (4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x5A),
  ]

  @inline(__always)
  private static func isSeparator(_ index: Int) -> Bool {
    index == 4 || index == 7 || index == 10 || index == 13 || index == 16 || index == 19
  }

  /// The digits of `bytes` as one number when they are in the form, else `nil`.
  private static func digits(of bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard bytes.count == 20 else { return nil }
    var value: Int64 = 0
    for index in 0..<20 {
      let byte = bytes[index]
      switch index {
      case 4, 7: guard byte == 0x2D else { return nil }
      case 10: guard byte == 0x54 else { return nil }
      case 13, 16: guard byte == 0x3A else { return nil }
      case 19: guard byte == 0x5A else { return nil }
      default:
        let digit = byte &- 0x30
        guard digit < 10 else { return nil }
        value = value &* 10 &+ Int64(digit)
      }
    }
    return value
  }
}
