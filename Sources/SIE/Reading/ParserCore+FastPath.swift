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
    if let preparsed = source.preparsedLine {
      return apply(preparsed.line, objects: preparsed.objects)
    }
    fastObjects.count = 0
    let parsed = fastParser.parse(line, objects: &fastObjects)
    return apply(parsed, objects: fastObjects.base)
  }

  /// Takes a parsed line if the engine's state allows it there (a row inside an open voucher's
  /// block, a `#VER` when none is open, a brace that opens or closes one).
  private mutating func apply(_ parsed: FastLine, objects: UnsafePointer<FastObject>) -> Bool {
    switch parsed.kind {
    case .other:
      return false
    case .open:
      guard voucherOpen && block == .none else { return false }
      block = .explicit
      return true
    case .close:
      guard voucherOpen && block != .none else { return false }
      deliverVoucher()
      return true
    case .row:
      guard voucherOpen, block == .explicit, let base = line.baseAddress else { return false }
      var newObjects = [ObjectReference]()
      for index in parsed.objects {
        let object = objects[Int(index)]
        let code = UnsafeBufferPointer(
          start: base + Int(object.code.lowerBound), count: object.code.count)
        // The sink (a validator) only needs each object's first use.
        if seenObjects.insert(dimension: object.dimension, code: code) {
          newObjects.append(
            ObjectReference(
              dimension: object.dimension, code: String(decoding: code, as: UTF8.self)))
        }
      }
      sink.fastRow(
        parsed.rowKind, slot: Int(parsed.slot), newObjects: newObjects, amount: parsed.amount,
        at: SourceLocation(line: lineNumber, column: Int(parsed.column)),
        diagnostics: &diagnostics)
      if parsed.closes { deliverVoucher() }
      return true
    case .voucher:
      guard !voucherOpen, let base = line.baseAddress, let date = parsed.date else { return false }
      let series = UnsafeBufferPointer(
        start: base + Int(parsed.series.lowerBound), count: parsed.series.count)
      let number = UnsafeBufferPointer(
        start: base + Int(parsed.number.lowerBound), count: parsed.number.count)
      let location = SourceLocation(line: lineNumber, column: Int(parsed.column))
      startVoucher(at: location)
      let numericNumber = VoucherRecord.numericNumber(number)
      // Plain digits without a leading zero say the number: no text needed.
      let isPlain = numericNumber != nil && (number.count == 1 || number[0] != 0x30)
      sink.fastVoucher(
        series: seriesNames.text(series),
        number: isPlain ? nil : String(decoding: number, as: UTF8.self),
        numericNumber: numericNumber, date: date, registrationDate: parsed.registrationDate,
        at: location, diagnostics: &diagnostics)
      return true
    }
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

  @inline(__always)
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
    let ones = ByteWord.ones
    return ByteWord.hasByte(word, below: 0x20) || ByteWord.hasZeroByte(word ^ (ones &* 0x22))
      || ByteWord.hasZeroByte(word ^ (ones &* 0x5C)) || ByteWord.hasZeroByte(word ^ (ones &* 0x7F))
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

  /// Eight digits followed by a blank or the end (a date as SIE writes it), checked eight bytes
  /// at a time; `nil`, and nothing consumed, for anything else.
  @inline(__always)
  mutating func eightDigits() -> UnsafeBufferPointer<UInt8>? {
    let start = position
    guard count - start >= 8 else { return nil }
    let word = ByteWord.load(base + start)
    // Every byte in 0x30...0x39: none below 0x30, none above 0x39 (adding 0x46 carries into
    // the high bit exactly for those), with no high bit set to begin with.
    let ones = ByteWord.ones
    guard (word | (word &- ones &* 0x30) | (word &+ ones &* 0x46)) & ByteWord.highs == 0 else {
      return nil
    }
    let after = start + 8
    guard after == count || base[after] == 0x20 || base[after] == 0x09 else { return nil }
    position = after
    return UnsafeBufferPointer(start: base + start, count: 8)
  }

  /// Any plain token, with quotes and braces ending as the tokenizer ends them.
  @inline(__always)
  mutating func anyToken() -> UnsafeBufferPointer<UInt8>? {
    guard let byte = peek, byte != 0x7B, byte != 0x7D else { return nil }
    return plainToken()
  }
}
