extension String {
  /// The string without leading and trailing spaces, tabs and line ends.
  public var trimmingBlanks: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

extension String {
  /// Whether the text holds a control character (NUL, CR, LF, ESC, TAB, DEL, C1 …): what a
  /// name, address or line text never needs, and what could move a terminal's cursor or forge
  /// a line in a CSV file.
  public var hasControlCharacters: Bool {
    // In UTF-8 the C0 controls and DEL are single bytes, the C1 controls 0xC2 0x80–0x9F.
    let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var previous: UInt8 = 0
      for byte in bytes {
        if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
          return true
        }
        previous = byte
      }
      return false
    }
    return found
      ?? unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}

extension Int {
  /// The count with its noun, singular for one: `1.counted("voucher")` is "1 voucher",
  /// `2.counted("voucher")` "2 vouchers"; `plural` for nouns that do not take an s.
  public func counted(_ singular: String, _ plural: String? = nil) -> String {
    "\(self) \(self == 1 ? singular : plural ?? singular + "s")"
  }
}
