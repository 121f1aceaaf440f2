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
  private(set) var tokens: UnsafeMutablePointer<Token>
  private var capacity: Int
  private(set) var count = 0
  private let classes = LineTokenizer.classTable

  init() {
    capacity = 64
    tokens = .allocate(capacity: capacity)
  }

  func deallocate() { tokens.deallocate() }

  subscript(index: Int) -> Token { tokens[index] }

  /// What a byte means to the tokenizer: 0 ordinary, 1 space, 2 brace, 3 quote,
  /// 4 backslash, 5 control, 6 TAB (a blank between tokens, a control character inside
  /// quotes). Allocated once and never freed.
  nonisolated(unsafe) private static let classTable: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for byte in 0...255 {
      switch byte {
      case 0x20: table[byte] = 1
      case 0x09: table[byte] = 6
      case 0x7B, 0x7D: table[byte] = 2
      case 0x22: table[byte] = 3
      case 0x5C: table[byte] = 4
      case 0..<0x20, 0x7F: table[byte] = 5
      default: table[byte] = 0
      }
    }
    return UnsafePointer(table)
  }()

  /// Makes room for one more token.
  private mutating func grow() {
    let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: tokens, count: count)
    tokens.deallocate()
    tokens = bigger
    capacity *= 2
  }

  /// Tokenizes `line` (without its line end).
  mutating func tokenize(_ line: UnsafeBufferPointer<UInt8>) {
    count = 0
    guard let base = line.baseAddress else { return }
    let classes = self.classes
    let n = line.count
    var i = 0
    while i < n {
      let c = base[i]
      let kind = classes[Int(c)]
      if kind == 1 || kind == 6 {
        i += 1
        continue
      }
      if count == capacity { grow() }
      if kind == 2 {
        tokens[count] = Token(
          start: Int32(i), end: Int32(i + 1), kind: c == 0x7B ? .open : .close, flags: 0)
        count += 1
        i += 1
        continue
      }
      var flags: UInt8 = 0
      if kind == 3 {
        i += 1
        let start = i
        while i < n {
          let d = classes[Int(base[i])]
          if d == 0 || d == 1 || d == 2 {
            i += 1
            continue
          }
          if d == 3 { break }
          if d == 4 && i + 1 < n && base[i + 1] == 0x22 {
            flags |= Token.escaped
            i += 2
            continue
          }
          if d == 5 || d == 6 { flags |= Token.control }
          i += 1
        }
        if i >= n {
          tokens[count] = Token(
            start: Int32(start), end: Int32(n), kind: .quoted, flags: flags | Token.unterminated)
        } else {
          tokens[count] = Token(start: Int32(start), end: Int32(i), kind: .quoted, flags: flags)
          i += 1
        }
        count += 1
        continue
      }
      let start = i
      while i < n {
        let d = classes[Int(base[i])]
        if d == 0 {
          i += 1
          continue
        }
        if d == 1 || d == 2 || d == 6 { break }
        if d == 4 {
          if i + 1 < n && base[i + 1] == 0x22 {
            flags |= Token.escaped
            i += 2
            continue
          }
        } else if d == 3 {
          flags |= Token.innerQuote
        } else if d == 5 {
          flags |= Token.control
        }
        i += 1
      }
      tokens[count] = Token(start: Int32(start), end: Int32(i), kind: .bare, flags: flags)
      count += 1
    }
  }
}
