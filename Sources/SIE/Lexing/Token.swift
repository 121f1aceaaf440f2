/// One token of a line: a bare or quoted field, or a brace. Offsets are relative to the line.
struct Token: Sendable {
  enum Kind: UInt8, Sendable {
    case bare, quoted, open, close
  }

  /// First byte of the content (after an opening quote).
  var start: Int32
  /// One past the last byte of the content (before a closing quote).
  var end: Int32
  var kind: Kind
  var flags: UInt8

  /// The content holds `\"` escapes.
  static let escaped: UInt8 = 1
  /// A quoted token ran to the end of the line.
  static let unterminated: UInt8 = 2
  /// The content holds a control character.
  static let control: UInt8 = 4
  /// The content holds a `"` (only possible in bare tokens).
  static let innerQuote: UInt8 = 8

  var isBrace: Bool { kind == .open || kind == .close }

  /// Calls `body` with the token's content in `line`, `\"` unescaped.
  func withContent<R>(
    in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  )
    -> R
  {
    let bytes = UnsafeBufferPointer(rebasing: line[Int(start)..<Int(end)])
    guard flags & Token.escaped != 0 else { return body(bytes) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
      var written = 0
      var index = 0
      while index < bytes.count {
        if bytes[index] == 0x5C && index + 1 < bytes.count && bytes[index + 1] == 0x22 {
          index += 1
        }
        buffer[written] = bytes[index]
        written += 1
        index += 1
      }
      return body(UnsafeBufferPointer(rebasing: buffer[0..<written]))
    }
  }
  var length: Int { Int(end - start) }
}

/// Splits one line into tokens, following SIE's lexical rules (§5.7 and the notes' tokenizer).
///
/// Blanks (space, TAB) separate tokens. `{` and `}` are tokens wherever they stand. A `"` opens
/// a quoted token that ends at the next `"` not preceded by `\`; a line end before it leaves
/// the token unterminated. Anything else is a bare token up to a blank or a brace. In both
/// forms `\"` stands for `"`; any other backslash is literal.
struct LineTokenizer {
  var tokens: UnsafeMutablePointer<Token>
  var capacity: Int
  var count = 0

  init() {
    capacity = 64
    tokens = .allocate(capacity: capacity)
  }

  func deallocate() { tokens.deallocate() }

  subscript(index: Int) -> Token { tokens[index] }

  mutating func append(_ token: Token) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: tokens, count: count)
      tokens.deallocate()
      tokens = bigger
      capacity *= 2
    }
    tokens[count] = token
    count += 1
  }

  /// Tokenizes `line` (without its line end).

  mutating func tokenize(_ line: UnsafeBufferPointer<UInt8>) {
    count = 0
    guard let base = line.baseAddress else { return }
    let n = line.count
    var i = 0
    while i < n {
      let c = base[i]
      if c == 0x20 || c == 0x09 {
        i += 1
        continue
      }
      if c == 0x7B || c == 0x7D {
        append(
          Token(start: Int32(i), end: Int32(i + 1), kind: c == 0x7B ? .open : .close, flags: 0))
        i += 1
        continue
      }
      var flags: UInt8 = 0
      if c == 0x22 {
        i += 1
        let start = i
        while i < n {
          let d = base[i]
          if d == 0x22 { break }
          if d == 0x5C && i + 1 < n && base[i + 1] == 0x22 {
            flags |= Token.escaped
            i += 2
            continue
          }
          if d < 0x20 || d == 0x7F { flags |= Token.control }
          i += 1
        }
        if i >= n {
          flags |= Token.unterminated
          append(Token(start: Int32(start), end: Int32(n), kind: .quoted, flags: flags))
        } else {
          append(Token(start: Int32(start), end: Int32(i), kind: .quoted, flags: flags))
          i += 1
        }
        continue
      }
      let start = i
      while i < n {
        let d = base[i]
        if d == 0x20 || d == 0x09 || d == 0x7B || d == 0x7D { break }
        if d == 0x5C && i + 1 < n && base[i + 1] == 0x22 {
          flags |= Token.escaped
          i += 2
          continue
        }
        if d == 0x22 { flags |= Token.innerQuote }
        if d < 0x20 || d == 0x7F { flags |= Token.control }
        i += 1
      }
      append(Token(start: Int32(start), end: Int32(i), kind: .bare, flags: flags))
    }
  }
}
