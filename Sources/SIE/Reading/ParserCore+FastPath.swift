import Basics

/// The fast path for the lines that make up almost all of a large file: `{`, `}`, `#VER` and
/// rows, when they are clean (no escapes, no control characters, no missing or unusual fields,
/// ASCII where text is needed). It reads such a line straight from its bytes into exactly what
/// the general path would deliver, with no diagnostics, or gives up without side effects and
/// leaves the line to the general path. Only sinks that do not want row details use it, and
/// they receive each object of a row's object list on its first use only.
extension ParserCore {
  /// Reads the current line on the fast path; `false` when the general path must read it.
  mutating func scanFast() -> Bool {
    guard let base = line.baseAddress else { return false }
    var cursor = ByteCursor(base: base, count: line.count, classes: byteClasses)
    cursor.skipBlanks()
    guard let first = cursor.peek else { return false }
    if first == 0x7B || first == 0x7D {
      cursor.advance()
      cursor.skipBlanks()
      guard cursor.atEnd else { return false }
      if first == 0x7B {
        guard voucherOpen && block == .none else { return false }
        block = .explicit
      } else {
        guard voucherOpen && block != .none else { return false }
        deliverVoucher()
      }
      return true
    }
    guard first == UInt8(ascii: "#"), cursor.position + 1 < line.count else { return false }
    let location = SourceLocation(line: lineNumber, column: cursor.position + 1)
    cursor.advance()
    switch cursor.peek {
    case UInt8(ascii: "T"):
      return cursor.consume("TRANS") && scanRow(.normal, &cursor, at: location)
    case UInt8(ascii: "V"):
      return cursor.consume("VER") && scanVoucher(&cursor, at: location)
    case UInt8(ascii: "R"):
      return cursor.consume("RTRANS") && scanRow(.added, &cursor, at: location)
    case UInt8(ascii: "B"):
      return cursor.consume("BTRANS") && scanRow(.removed, &cursor, at: location)
    default:
      return false
    }
  }

  /// `#TRANS account {dim "code" …} amount [date [text [quantity [sign …]]]] [}]`
  private mutating func scanRow(
    _ kind: TransactionRow.Kind, _ cursor: inout ByteCursor, at location: SourceLocation
  ) -> Bool {
    guard voucherOpen, block == .explicit, cursor.skipBlanks() > 0,
      let slot = cursor.accountSlot()
    else { return false }
    cursor.skipBlanks()
    guard cursor.peek == 0x7B else { return false }
    cursor.advance()
    var newObjects = [ObjectReference]()
    while true {
      cursor.skipBlanks()
      guard let next = cursor.peek else { return false }
      if next == 0x7D {
        cursor.advance()
        break
      }
      guard let dimensionToken = cursor.plainToken(inList: true),
        let dimension = ParserCore.parseInteger(dimensionToken), cursor.skipBlanks() > 0,
        let code = cursor.plainToken(inList: true), code.allSatisfy({ $0 < 0x80 })
      else { return false }
      // The sink (a validator) only needs each object's first use.
      if seenObjects.insert(dimension: dimension, code: code) {
        newObjects.append(
          ObjectReference(dimension: dimension, code: String(decoding: code, as: UTF8.self)))
      }
    }
    cursor.skipBlanks()
    guard let amount = cursor.amount() else { return false }
    var date: Day?
    var quantity: ExactDecimal?
    // The optional fields: date, text, quantity, sign, and unknown ones; then maybe a `}`.
    var field = 0
    var closes = false
    while cursor.skipBlanks() > 0 || !cursor.atEnd {
      guard !cursor.atEnd else { break }
      if cursor.peek == 0x7D {
        cursor.advance()
        cursor.skipBlanks()
        guard cursor.atEnd else { return false }
        closes = true
        break
      }
      guard let token = cursor.anyToken() else { return false }
      switch field {
      case 0:
        if token.count > 0 {
          guard let day = dates.day(token) else { return false }
          date = day
        }
      case 2:
        if token.count > 0 {
          guard let value = ExactDecimal.parse(token) else { return false }
          quantity = value
        }
      default:
        break
      }
      field += 1
    }
    sink.fastRow(
      kind, slot: slot, newObjects: newObjects, amount: amount, date: date, quantity: quantity,
      at: location, diagnostics: &diagnostics)
    if closes { deliverVoucher() }
    return true
  }

  /// `#VER series number date [text [regdate [sign …]]]`: what the validator needs of it.
  private mutating func scanVoucher(_ cursor: inout ByteCursor, at location: SourceLocation) -> Bool
  {
    guard !voucherOpen, cursor.skipBlanks() > 0, let series = cursor.plainToken(),
      series.allSatisfy({ $0 < 0x80 }), cursor.skipBlanks() > 0, let number = cursor.plainToken(),
      number.allSatisfy({ $0 < 0x80 }), cursor.skipBlanks() > 0, let dateToken = cursor.bareToken(),
      let date = dates.day(dateToken)
    else { return false }
    var registrationDate: Day?
    var field = 0
    while cursor.skipBlanks() > 0 || !cursor.atEnd {
      guard !cursor.atEnd else { break }
      guard cursor.peek != 0x7B && cursor.peek != 0x7D, let token = cursor.anyToken() else {
        return false
      }
      if field == 1 && token.count > 0 {
        guard let day = dates.day(token) else { return false }
        registrationDate = day
      }
      field += 1
    }
    startVoucher(at: location)
    let numericNumber = VoucherRecord.numericNumber(number)
    // Plain digits without a leading zero say the number: no text needed.
    let isPlain = numericNumber != nil && (number.count == 1 || number[0] != 0x30)
    sink.fastVoucher(
      series: seriesNames.text(series),
      number: isPlain ? nil : String(decoding: number, as: UTF8.self),
      numericNumber: numericNumber, date: date,
      registrationDate: registrationDate, at: location, diagnostics: &diagnostics)
    return true
  }
}

/// The last series read, by its bytes: a file has few series, usually one after the other.
struct TextCache {
  private var key: (UInt64, UInt64) = (0, 0)
  private var length = -1
  private var value = ""

  /// The ASCII `token` as text.
  mutating func text(_ token: UnsafeBufferPointer<UInt8>) -> String {
    guard token.count <= 16 else { return String(decoding: token, as: UTF8.self) }
    var packed: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &packed) { $0.copyMemory(from: UnsafeRawBufferPointer(token)) }
    if length == token.count && packed == key { return value }
    key = packed
    length = token.count
    value = String(decoding: token, as: UTF8.self)
    return value
  }
}

/// The last date read, by its eight bytes: rows usually repeat their voucher's date.
struct DateCache {
  private var key: UInt64 = 0
  private var value: Day?

  mutating func day(_ token: UnsafeBufferPointer<UInt8>) -> Day? {
    guard token.count == 8, let base = token.baseAddress else { return nil }
    let bytes = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
    if bytes == key, value != nil { return value }
    let day = Day.parseCompact(token)
    key = bytes
    value = day
    return day
  }
}

/// Reads a line byte by byte for the fast path. Every token it accepts is one the general
/// tokenizer reads the same way; anything else returns `nil`.
///
/// Each method copies the cursor's fields into locals and stores the position once, so that
/// the loops run on registers.
struct ByteCursor {
  let base: UnsafePointer<UInt8>
  let count: Int
  private(set) var position = 0
  private let classes: UnsafePointer<UInt8>

  static let blank: UInt8 = 1
  static let brace: UInt8 = 2
  static let quote: UInt8 = 4
  static let backslash: UInt8 = 8
  static let control: UInt8 = 16

  /// Byte classes; TAB is both blank and control (a control character inside quotes).
  nonisolated(unsafe) static let classTable: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for byte in 0...255 {
      var bits: UInt8 = 0
      if byte == 0x20 || byte == 0x09 { bits |= blank }
      if byte == 0x7B || byte == 0x7D { bits |= brace }
      if byte == 0x22 { bits |= quote }
      if byte == 0x5C { bits |= backslash }
      if byte < 0x20 || byte == 0x7F { bits |= control }
      table[byte] = bits
    }
    return UnsafePointer(table)
  }()

  init(base: UnsafePointer<UInt8>, count: Int, classes: UnsafePointer<UInt8>) {
    self.base = base
    self.count = count
    self.classes = classes
  }

  var atEnd: Bool { position >= count }
  var peek: UInt8? { position < count ? base[position] : nil }

  mutating func advance() { position += 1 }

  /// Skips blanks; returns how many.
  @inline(__always) @discardableResult
  mutating func skipBlanks() -> Int {
    let base = base
    let count = count
    let start = position
    var index = start
    while index < count && (base[index] == 0x20 || base[index] == 0x09) { index += 1 }
    position = index
    return index - start
  }

  /// Consumes `word` (upper case) when it follows, followed by a blank or the end.
  mutating func consume(_ word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    guard count - position >= length else { return false }
    let letters = word.utf8Start
    for offset in 0..<length where base[position + offset] != letters[offset] { return false }
    let after = position + length
    guard after == count || base[after] == 0x20 || base[after] == 0x09 else { return false }
    position = after
    return true
  }

  /// A bare token of ordinary bytes (no quotes, backslashes, braces or control characters);
  /// in a list it may end at the closing `}`.
  @inline(__always)
  mutating func bareToken(inList: Bool = false) -> UnsafeBufferPointer<UInt8>? {
    let base = base
    let count = count
    let classes = classes
    let start = position
    var index = start
    while index < count {
      let byte = base[index]
      let bits = classes[Int(byte)]
      if bits == 0 {
        index += 1
        continue
      }
      if bits & ByteCursor.blank != 0 || (inList && byte == 0x7D) { break }
      return nil
    }
    position = index
    return index > start ? UnsafeBufferPointer(start: base + start, count: index - start) : nil
  }

  /// A bare token as above, or a closed quoted one without escapes or control characters
  /// (its content, which may be empty), followed by a blank, the end, or in a list a `}`.
  @inline(__always)
  mutating func plainToken(inList: Bool = false) -> UnsafeBufferPointer<UInt8>? {
    let base = base
    let count = count
    guard position < count, base[position] == 0x22 else { return bareToken(inList: inList) }
    let classes = classes
    let start = position + 1
    var index = start
    // Eight bytes at a time while none of them is a quote, backslash or control character.
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      if ByteCursor.hasSpecialByte(word) { break }
      index += 8
    }
    while index < count {
      let bits = classes[Int(base[index])]
      if bits & (ByteCursor.quote | ByteCursor.backslash | ByteCursor.control) == 0 {
        index += 1
        continue
      }
      if bits & ByteCursor.quote != 0 { break }
      return nil
    }
    guard index < count else { return nil }
    let after = index + 1
    guard
      after == count || base[after] == 0x20 || base[after] == 0x09
        || (inList && base[after] == 0x7D)
    else { return nil }
    position = after
    return UnsafeBufferPointer(start: base + start, count: index - start)
  }

  /// Whether any byte of `word` is a quote, a backslash, below 0x20 or 0x7F (the bit tricks
  /// "has zero byte" and "has byte less than n").
  @inline(__always)
  static func hasSpecialByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    let below32 = (word &- ones &* 0x20) & ~word & highs != 0
    return below32 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
      || hasZero(word ^ (ones &* 0x7F))
  }

  /// An account number that is a table slot (1–5 digits, no leading zero), ending at a blank
  /// or a `{`.
  @inline(__always)
  mutating func accountSlot() -> Int? {
    let base = base
    let count = count
    let start = position
    var index = start
    var value = 0
    while index < count {
      let digit = base[index] &- 0x30
      guard digit < 10 else { break }
      value = value &* 10 &+ Int(digit)
      index += 1
    }
    let digits = index - start
    guard digits >= 1, digits <= 5, digits == 1 || base[start] != 0x30 else { return nil }
    guard index < count, base[index] == 0x20 || base[index] == 0x09 || base[index] == 0x7B else {
      return nil
    }
    position = index
    return value
  }

  /// An amount of at most 16 integer digits and two decimals, ending at a blank or the end:
  /// exactly what ``Amount/parse(_:)`` reads as `.exact`; anything else is left to it.
  @inline(__always)
  mutating func amount() -> Amount? {
    let base = base
    let count = count
    var index = position
    let negative = index < count && base[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    let integerStart = index
    var value: Int64 = 0
    while index < count {
      let digit = base[index] &- 0x30
      guard digit < 10 else { break }
      value = value &* 10 &+ Int64(digit)
      index += 1
    }
    let integerDigits = index - integerStart
    guard integerDigits <= 16 else { return nil }
    var decimals = 0
    if index < count && base[index] == UInt8(ascii: ".") {
      index += 1
      while index < count {
        let digit = base[index] &- 0x30
        guard digit < 10 else { break }
        guard decimals < 2 else { return nil }
        value = value &* 10 &+ Int64(digit)
        decimals += 1
        index += 1
      }
    }
    guard integerDigits + decimals > 0 else { return nil }
    guard index == count || base[index] == 0x20 || base[index] == 0x09 else { return nil }
    if decimals == 0 { value &*= 100 } else if decimals == 1 { value &*= 10 }
    position = index
    return Amount(ore: negative ? -value : value)
  }

  /// Any plain token, with quotes and braces ending as the tokenizer ends them.
  @inline(__always)
  mutating func anyToken() -> UnsafeBufferPointer<UInt8>? {
    guard let byte = peek, byte != 0x7B, byte != 0x7D else { return nil }
    return plainToken()
  }
}
