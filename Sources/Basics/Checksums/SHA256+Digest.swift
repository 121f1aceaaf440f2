extension SHA256 {
  /// A SHA-256 digest as a value: compared, copied and kept without allocating, and spelt out
  /// as hex only when asked.
  public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The eight state words, big-endian order as the hex spells them.
    @usableFromInline var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    init(_ words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
      self.words = words
    }

    /// 64 zeros: what the first line of a chain names as its previous.
    public static let zero = Digest((0, 0, 0, 0, 0, 0, 0, 0))

    /// Reads 64 lower-case hex digits (the form ``hex`` writes); `nil` for anything else.
    public init?(hex text: UnsafeBufferPointer<UInt8>) {
      guard text.count == 64, let base = text.baseAddress else { return nil }
      var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0, 0, 0, 0, 0, 0, 0, 0
      )
      // Each word is put together in a register from a table lookup per digit; a byte that is
      // not a digit leaves its mark in `invalid`, looked at once at the end.
      var invalid: UInt8 = 0
      Self.digitValues.withUnsafeBufferPointer { values in
        withUnsafeMutableBytes(of: &words) { raw in
          for word in 0..<8 {
            var value: UInt32 = 0
            for index in (word &* 8)..<(word &* 8 &+ 8) {
              let digit = values[Int(base[index])]
              invalid |= digit
              value = value << 4 | UInt32(digit & 0x0F)
            }
            raw.storeBytes(of: value, toByteOffset: word &* 4, as: UInt32.self)
          }
        }
      }
      guard invalid & 0x80 == 0 else { return nil }
      self.words = words
    }

    /// Each byte's value as a lower-case hex digit; 0xFF for a byte that is not one.
    private static let digitValues: [UInt8] = (0...255).map { byte in
      switch byte {
      case 0x30...0x39: UInt8(byte - 0x30)
      case 0x61...0x66: UInt8(byte - 0x61 + 10)
      default: 0xFF
      }
    }

    /// Reads 64 lower-case hex digits; `nil` for anything else.
    public init?(hex text: String) {
      var text = text
      guard let digest = text.withUTF8({ Digest(hex: $0) }) else { return nil }
      self = digest
    }

    /// The 64 lower-case hex digits.
    public var hex: String {
      String(unsafeUninitializedCapacity: 64) { text in
        let digits: StaticString = "0123456789abcdef"
        withUnsafeBytes(of: words) { raw in
          for index in 0..<64 {
            let word = raw.load(fromByteOffset: index / 8 * 4, as: UInt32.self)
            let shift = UInt32(28 - index % 8 * 4)
            text[index] = digits.utf8Start[Int((word >> shift) & 0xF)]
          }
        }
        return 64
      }
    }

    public var description: String { hex }

    public static func == (a: Digest, b: Digest) -> Bool {
      a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
        && a.words.3 == b.words.3 && a.words.4 == b.words.4 && a.words.5 == b.words.5
        && a.words.6 == b.words.6 && a.words.7 == b.words.7
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(words.0)
      hasher.combine(words.1)
      hasher.combine(words.4)
      hasher.combine(words.7)
    }
  }
}
