import Basics

/// A field of a record: one token, or the tokens of an object list between braces.
struct FieldSpan {
  /// The first token (for a list, the first token inside the braces).
  var first: Int
  /// The number of tokens (inside the braces, for a list).
  var count: Int
  var isList: Bool
  /// The token where the field starts (the `{` of a list), for locations.
  var anchor: Int
}

extension ParserCore {
  /// Groups the tokens after the label into fields. Returns whether a `}` at the end closes a
  /// voucher block (`#TRANS … }`).
  mutating func groupFields(after labelIndex: Int) -> Bool {
    fields.removeAll(keepingCapacity: true)
    var index = labelIndex + 1
    let count = tokenizer.count
    var closesBlock = false
    while index < count {
      let token = tokenizer[index]
      switch token.kind {
      case .bare, .quoted:
        fields.append(FieldSpan(first: index, count: 1, isList: false, anchor: index))
        index += 1
      case .open:
        let anchor = index
        index += 1
        let first = index
        while index < count && tokenizer[index].kind != .close {
          if tokenizer[index].kind == .open {
            diagnostics.report(
              .error, .invalidObjectList, "{ inside an object list",
              at: location(of: tokenizer[index]))
          }
          index += 1
        }
        if index == count {
          diagnostics.report(
            .warning, .invalidObjectList, "object list not closed with }",
            at: location(of: tokenizer[anchor]))
        }
        fields.append(FieldSpan(first: first, count: index - first, isList: true, anchor: anchor))
        index += 1
      case .close:
        if index == count - 1 {
          closesBlock = true
        } else {
          diagnostics.report(
            .warning, .unexpectedBrace, "} inside a record; ignored", at: location(of: token))
        }
        index += 1
      }
    }
    return closesBlock
  }

  // MARK: Tokens

  func tokenBytes(_ token: Token) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: line[Int(token.start)..<Int(token.end)])
  }

  /// Where a token starts: the opening quote of a quoted token.
  func location(of token: Token) -> SourceLocation {
    SourceLocation(line: lineNumber, column: Int(token.start) + (token.kind == .quoted ? 0 : 1))
  }

  func location(ofField index: Int) -> SourceLocation {
    index < fields.count
      ? location(of: tokenizer[fields[index].anchor])
      : SourceLocation(line: lineNumber, column: line.count + 1)
  }

  /// Calls `body` with a token's content, `\"` unescaped.
  func withContent<R>(_ token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    token.withContent(in: line, body)
  }

  /// A token's text, unescaped and decoded.
  mutating func string(_ token: Token) -> String {
    if token.flags & (Token.control | Token.unterminated) != 0 { reportLexical(token) }
    if encoding == .ascii || encoding == .utf8 { checkHighBytes(token) }
    let encoding = encoding
    return withContent(token) { encoding.decode($0) }
  }

  /// Settles the encoding when the first byte ≥ 0x80 turns up after a pure-ASCII start, and
  /// reports UTF-8 that stops being valid.
  mutating func checkHighBytes(_ token: Token) {
    let bytes = tokenBytes(token)
    guard bytes.contains(where: { $0 >= 0x80 }) else { return }
    if encoding == .ascii {
      let ahead = source.lookahead
      let window = UnsafeBufferPointer(
        start: line.baseAddress, count: ahead.baseAddress! + ahead.count - line.baseAddress!)
      encoding = TextEncoding.detect(window, isComplete: source.lookaheadIsComplete)
      if encoding == .utf8 || encoding == .latin1 { reportEncoding(at: location(of: token)) }
    } else if !invalidUTF8Reported && !TextEncoding.isValidUTF8(bytes) {
      invalidUTF8Reported = true
      diagnostics.report(
        .warning, .encodingMismatch,
        "bytes that are not UTF-8 in a file read as UTF-8; replaced by U+FFFD",
        at: location(of: token))
    }
  }

  mutating func reportLexical(_ token: Token) {
    if token.flags & Token.unterminated != 0 {
      diagnostics.report(
        .warning, .unterminatedQuote, "quoted field not closed before the end of the line",
        at: location(of: token))
    }
    if token.flags & Token.control != 0 {
      diagnostics.report(
        .warning, .controlCharacter, "control character inside a field", at: location(of: token))
    }
  }

  // MARK: Fields

  /// Whether field `index` is present and not the empty `""`.
  func hasValue(_ index: Int) -> Bool {
    guard index < fields.count else { return false }
    let field = fields[index]
    return field.isList || tokenizer[field.first].length > 0
  }

  /// The text of scalar field `index`; `""` when absent. A list in its place is reported.
  mutating func text(_ index: Int) -> String {
    guard index < fields.count else { return "" }
    let field = fields[index]
    guard !field.isList else {
      diagnostics.report(
        .error, .invalidValue, "object list where a text was expected", at: location(ofField: index)
      )
      return ""
    }
    return string(tokenizer[field.first])
  }

  /// The text of field `index`, the last field of its record: several unquoted words are
  /// joined with one space, and a quoted text with unescaped quotes inside is taken raw up to
  /// the last quote of the line (both reported). Other surplus fields become `extra`.
  mutating func trailingText(_ index: Int) -> (text: String, extra: [RawField]) {
    guard index + 1 < fields.count, !fields[index].isList else {
      return (text(index), [])
    }
    let field = fields[index]
    let first = tokenizer[field.first]
    let surplus = fields[(index + 1)...]
    let hasInnerQuote = surplus.contains {
      !$0.isList && tokenizer[$0.first].flags & Token.innerQuote != 0
    }
    if first.kind == .quoted && hasInnerQuote {
      var end = line.count
      while end > Int(first.start) && line[end - 1] != 0x22 { end -= 1 }
      let raw = UnsafeBufferPointer(rebasing: line[Int(first.start)..<(end - 1)])
      diagnostics.report(
        .warning, .unescapedQuote,
        "unescaped \" inside a quoted text; the text up to the last \" of the line was kept",
        at: location(of: first))
      return (encoding.decode(raw), [])
    }
    if first.kind == .bare
      && surplus.allSatisfy({ !$0.isList && tokenizer[$0.first].kind == .bare })
    {
      var words = [string(first)]
      for extraField in surplus { words.append(string(tokenizer[extraField.first])) }
      diagnostics.report(
        .warning, .unquotedText, "text of several words without quotes; the words were joined",
        at: location(of: first))
      return (words.joined(separator: " "), [])
    }
    return (text(index), extra(from: index + 1))
  }

  /// Fields from `index` on, kept as read.
  mutating func extra(from index: Int) -> [RawField] {
    guard index < fields.count else { return [] }
    var result = [RawField]()
    for fieldIndex in index..<fields.count {
      let field = fields[fieldIndex]
      if field.isList {
        var items = [String]()
        for tokenIndex in field.first..<(field.first + field.count) {
          items.append(string(tokenizer[tokenIndex]))
        }
        result.append(.list(items))
      } else {
        result.append(.text(string(tokenizer[field.first])))
      }
    }
    return result
  }

  /// An integer field, or `nil` (reported when present but not an integer, or when absent
  /// and `required`).
  mutating func integer(_ index: Int, _ what: String, required: Bool = true) -> Int? {
    guard hasValue(index) else {
      if required { reportMissing(index, what) }
      return nil
    }
    let field = fields[index]
    guard !field.isList,
      let value = withContent(tokenizer[field.first], { IntegerField.parse($0) })
    else {
      diagnostics.report(
        .error, .invalidNumber, "\(what) is not a whole number: \(fieldPreview(index))",
        at: location(ofField: index))
      return nil
    }
    return value
  }

  mutating func reportMissing(_ index: Int, _ what: String) {
    diagnostics.report(.error, .missingField, "\(what) is missing", at: location(ofField: index))
  }

  /// A short rendering of field `index` for messages.
  mutating func fieldPreview(_ index: Int) -> String {
    guard index < fields.count else { return "(nothing)" }
    let field = fields[index]
    if field.isList { return "{…}" }
    let text = string(tokenizer[field.first])
    return "\"" + (text.count > 30 ? String(text.prefix(30)) + "…" : text) + "\""
  }

  /// A date field `YYYYMMDD`; `nil` when absent or invalid (reported when invalid, or when
  /// absent and `required`).
  mutating func date(_ index: Int, _ what: String, required: Bool) -> Day? {
    guard hasValue(index) else {
      if required { reportMissing(index, what) }
      return nil
    }
    let field = fields[index]
    guard !field.isList, let day = Day.parseCompact(tokenBytes(tokenizer[field.first])) else {
      diagnostics.report(
        .error, .invalidDate, "\(what) \(fieldPreview(index)) is not a valid date YYYYMMDD",
        at: location(ofField: index))
      return nil
    }
    return day
  }

  /// An amount field; zero when absent or invalid (reported).
  mutating func amount(_ index: Int) -> Amount {
    guard hasValue(index), !fields[index].isList else {
      reportMissing(index, "amount")
      return .zero
    }
    switch Amount.parse(tokenBytes(tokenizer[fields[index].first])) {
    case .exact(let amount):
      return amount
    case .tooManyDecimals(let rounded):
      diagnostics.report(
        .error, .tooManyDecimals,
        "amount \(fieldPreview(index)) has more than two decimals; read as \(rounded)",
        at: location(ofField: index))
      return rounded
    case .overflow:
      diagnostics.report(
        .error, .amountOverflow, "amount \(fieldPreview(index)) is too large; read as 0",
        at: location(ofField: index))
      return .zero
    case .invalid:
      diagnostics.report(
        .error, .invalidAmount, "amount \(fieldPreview(index)) is not a decimal number; read as 0",
        at: location(ofField: index))
      return .zero
    }
  }

  /// An optional quantity field.
  mutating func quantity(_ index: Int) -> ExactDecimal? {
    guard hasValue(index), !fields[index].isList else { return nil }
    guard let value = ExactDecimal.parse(tokenBytes(tokenizer[fields[index].first])) else {
      diagnostics.report(
        .error, .invalidNumber, "quantity \(fieldPreview(index)) is not a decimal number",
        at: location(ofField: index))
      return nil
    }
    return value
  }

  /// An account number field (kept even when not numeric, which is reported).
  mutating func account(_ index: Int) -> AccountNumber {
    guard hasValue(index), !fields[index].isList else {
      reportMissing(index, "account number")
      return AccountNumber("")
    }
    let token = tokenizer[fields[index].first]
    let bytes = tokenBytes(token)
    var numeric = bytes.count > 0
    for byte in bytes where byte &- 0x30 >= 10 {
      numeric = false
      break
    }
    if numeric && token.flags == 0 {
      return AccountNumber(String(decoding: bytes, as: UTF8.self))
    }
    let text = string(token)
    diagnostics.report(
      .error, .invalidAccount, "account number \"\(text)\" is not numeric", at: location(of: token))
    return AccountNumber(text)
  }

  /// The object list of field `index` (`[]` when empty).
  mutating func objects(_ index: Int) -> [ObjectReference] {
    var result = [ObjectReference]()
    readObjects(index, into: &result)
    return result
  }

  /// Appends the object list of field `index` to `result`.
  mutating func readObjects(_ index: Int, into result: inout [ObjectReference]) {
    let field = fields[index]
    guard field.count > 0 else { return }
    if field.count % 2 != 0 {
      diagnostics.report(
        .error, .invalidObjectList,
        "object list has \(field.count) items; it must hold pairs of dimension and object",
        at: location(ofField: index))
    }
    var tokenIndex = field.first
    while tokenIndex + 1 < field.first + field.count {
      let dimensionToken = tokenizer[tokenIndex]
      guard let dimension = withContent(dimensionToken, { IntegerField.parse($0) }) else {
        diagnostics.report(
          .error, .invalidObjectList,
          "dimension \"\(string(dimensionToken))\" in an object list is not a number",
          at: location(of: dimensionToken))
        tokenIndex += 2
        continue
      }
      result.append(ObjectReference(dimension: dimension, code: string(tokenizer[tokenIndex + 1])))
      tokenIndex += 2
    }
  }

  /// An account field as a key: a number for the usual accounts, text otherwise.
  mutating func accountKey(_ index: Int) -> AccountKey {
    if index < fields.count, !fields[index].isList {
      let token = tokenizer[fields[index].first]
      if token.flags == 0, let slot = AccountKey.slot(tokenBytes(token)) {
        return AccountKey(slot: slot)
      }
    }
    return AccountKey(account(index))
  }
}

/// A whole-number field: an optional `-` and at most 18 digits.
enum IntegerField {
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      index = 1
    }
    guard index < bytes.count, bytes.count - index <= 18 else { return nil }
    var value = 0
    while index < bytes.count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
      index += 1
    }
    return negative ? -value : value
  }
}
