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
      return String(unsafeUninitializedCapacity: Self.form.count) { buffer in
        for index in Self.form.indices.reversed() {
          if Self.form[index] == Self.digit {
            buffer[index] = Self.digit + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
          } else {
            buffer[index] = Self.form[index]
          }
        }
        return Self.form.count
      }
    }
  }

  /// The form held as digits: a `0` stands for any digit, every other byte for itself.
  private static let form = Array("0000-00-00T00:00:00Z".utf8)
  private static let digit = UInt8(ascii: "0")

  /// The digits of `bytes` as one number when they are in the form, else `nil`.
  private static func digits(of bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard bytes.count == form.count else { return nil }
    var value: Int64 = 0
    for (byte, expected) in zip(bytes, form) {
      if expected == digit {
        let number = byte &- digit
        guard number < 10 else { return nil }
        value = value &* 10 &+ Int64(number)
      } else {
        guard byte == expected else { return nil }
      }
    }
    return value
  }
}
