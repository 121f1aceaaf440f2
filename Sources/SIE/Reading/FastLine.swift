import Basics

/// A line as the fast path reads it, before the engine's state is consulted: `{`, `}`, a
/// `#VER` or a row, clean (see ``ParserCore/scanFast()``); anything else is ``Kind/other``
/// and left to the general path. Parsing needs nothing but the line's bytes, so the thread
/// that reads a file ahead parses its lines too.
///
/// Positions are offsets into the line; a row's objects are a range of an object table kept
/// beside the lines.
struct FastLine {
  enum Kind: UInt8 {
    case other
    case open
    case close
    case row
    case voucher
  }

  // Laid out small (64 bytes, no optionals) since the reading thread writes one per line
  // and the engine thread reads it back from the other core's cache.
  var amount = Amount(ore: 0)
  var objects: Range<Int32> = 0..<0
  var series: Range<Int32> = 0..<0
  var number: Range<Int32> = 0..<0
  /// The 1-based column of the `#`.
  var column: Int32 = 0
  /// A row's account (a plain number below 100 000).
  var slot: Int32 = 0
  /// A voucher's days as ``Day/packed``; 0 for none. A row's date and quantity are only
  /// checked: the one consumer of the fast path, the validator, needs neither.
  private var datePacked: Int32 = 0
  private var registrationDatePacked: Int32 = 0
  var kind = Kind.other
  var rowKind = TransactionRow.Kind.normal
  /// A row that ends with the voucher's `}`.
  var closes = false

  init(kind: Kind = .other) { self.kind = kind }

  /// A voucher's date.
  var date: Day? {
    get { datePacked == 0 ? nil : Day(packedUnchecked: datePacked) }
    set { datePacked = newValue?.packed ?? 0 }
  }

  var registrationDate: Day? {
    get { registrationDatePacked == 0 ? nil : Day(packedUnchecked: registrationDatePacked) }
    set { registrationDatePacked = newValue?.packed ?? 0 }
  }

}

/// An object of a row's list: its dimension and where its code lies in the line.
struct FastObject {
  var dimension: Int
  var code: Range<Int32>
}

/// Parses lines into ``FastLine``s; keeps the last date read, since rows repeat it.
struct FastLineParser {
  private var dates = DateCache()
  /// ``ByteCursor/classTable``, read once (a static is checked for initialization on each use).
  private let classes = ByteCursor.classTable

  /// The line parsed; a row's objects are appended to `objects`.
  mutating func parse(
    _ line: UnsafeBufferPointer<UInt8>, objects: inout FastObjectTable
  ) -> FastLine {
    var parsed = FastLine()
    parse(line, into: &parsed, objects: &objects)
    return parsed
  }

  /// Parses `line` into `parsed` (which starts as `FastLine()`); a row's objects are appended to
  /// `objects`.
  ///
  /// The reading thread passes the line's place in its table, so that the line is written
  /// once, where the caller reads it (returned by value, it was written to the stack a few
  /// bytes at a time and copied from there sixteen at a time).
  mutating func parse(
    _ line: UnsafeBufferPointer<UInt8>, into parsed: inout FastLine,
    objects: inout FastObjectTable
  ) {
    guard let base = line.baseAddress else { return }
    var cursor = ByteCursor(base: base, count: line.count, classes: classes)
    cursor.skipBlanks()
    guard let first = cursor.peek else { return }
    if first == 0x7B || first == 0x7D {
      cursor.advance()
      cursor.skipBlanks()
      guard cursor.atEnd else { return }
      parsed.kind = first == 0x7B ? .open : .close
      return
    }
    guard first == UInt8(ascii: "#"), cursor.position + 1 < line.count else { return }
    parsed.column = Int32(cursor.position + 1)
    cursor.advance()
    switch cursor.peek {
    case UInt8(ascii: "T"):
      guard cursor.consume("TRANS") else { return }
      parsed.rowKind = .normal
    case UInt8(ascii: "V"):
      guard cursor.consume("VER") else { return }
      parseVoucher(&cursor, into: &parsed)
      return
    case UInt8(ascii: "R"):
      guard cursor.consume("RTRANS") else { return }
      parsed.rowKind = .added
    case UInt8(ascii: "B"):
      guard cursor.consume("BTRANS") else { return }
      parsed.rowKind = .removed
    default:
      return
    }
    let objectStart = objects.count
    guard parseRow(&cursor, into: &parsed, objects: &objects) else {
      objects.count = objectStart
      return
    }
    parsed.objects = Int32(objectStart)..<Int32(objects.count)
    parsed.kind = .row
  }

  /// `account {dim "code" …} amount [date [text [quantity [sign …]]]] [}]`; sets all but the
  /// kind, which the caller sets when it returns `true`.
  private mutating func parseRow(
    _ cursor: inout ByteCursor, into parsed: inout FastLine, objects: inout FastObjectTable
  ) -> Bool {
    guard cursor.skipBlanks() > 0, let slot = cursor.accountSlot() else { return false }
    cursor.skipBlanks()
    guard cursor.peek == 0x7B else { return false }
    cursor.advance()
    while true {
      cursor.skipBlanks()
      guard let next = cursor.peek else { return false }
      if next == 0x7D {
        cursor.advance()
        break
      }
      guard let dimensionToken = cursor.plainToken(inList: true),
        let dimension = IntegerField.parse(dimensionToken), cursor.skipBlanks() > 0,
        let code = cursor.plainToken(inList: true), ByteCursor.isASCII(code)
      else { return false }
      let start = Int32(cursor.base.distance(to: code.baseAddress!))
      objects.append(FastObject(dimension: dimension, code: start..<start + Int32(code.count)))
    }
    cursor.skipBlanks()
    guard let amount = cursor.amount() else { return false }
    // The optional fields: date, text, quantity, sign, and unknown ones; then maybe a `}`.
    var field = 0
    while cursor.skipBlanks() > 0 || !cursor.atEnd {
      guard !cursor.atEnd else { break }
      if cursor.peek == 0x7D {
        cursor.advance()
        cursor.skipBlanks()
        guard cursor.atEnd else { return false }
        parsed.closes = true
        break
      }
      guard let token = (field == 0 ? cursor.eightDigits() : nil) ?? cursor.anyToken() else {
        return false
      }
      switch field {
      case 0:
        if token.count > 0 {
          guard dates.day(token) != nil else { return false }
        }
      case 2:
        if token.count > 0 {
          guard ExactDecimal.parse(token) != nil else { return false }
        }
      default:
        break
      }
      field += 1
    }
    parsed.slot = Int32(slot)
    parsed.amount = amount
    return true
  }

  /// `series number date [text [regdate [sign …]]]`: what the validator needs of a `#VER`;
  /// leaves the kind `.other` when the line is not that.
  private mutating func parseVoucher(_ cursor: inout ByteCursor, into parsed: inout FastLine) {
    guard cursor.skipBlanks() > 0, let series = cursor.plainToken(),
      ByteCursor.isASCII(series), cursor.skipBlanks() > 0, let number = cursor.plainToken(),
      ByteCursor.isASCII(number), cursor.skipBlanks() > 0,
      let dateToken = cursor.eightDigits() ?? cursor.bareToken(),
      let date = dates.day(dateToken)
    else { return }
    var field = 0
    while cursor.skipBlanks() > 0 || !cursor.atEnd {
      guard !cursor.atEnd else { break }
      guard cursor.peek != 0x7B && cursor.peek != 0x7D, let token = cursor.anyToken() else {
        return
      }
      if field == 1 && token.count > 0 {
        guard let day = dates.day(token) else { return }
        parsed.registrationDate = day
      }
      field += 1
    }
    parsed.kind = .voucher
    parsed.date = date
    parsed.series = cursor.range(of: series)
    parsed.number = cursor.range(of: number)
  }
}

/// A growing table of trivial values in memory of its own (so that one thread can fill it and
/// another read it through a pointer).
struct FastObjectTable {
  private(set) var base: UnsafeMutablePointer<FastObject>
  private var capacity: Int
  var count = 0

  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  func deallocate() { base.deallocate() }

  @inline(__always)
  mutating func append(_ object: FastObject) {
    if count == capacity { grow() }
    (base + count).initialize(to: object)
    count += 1
  }

  private mutating func grow() {
    let bigger = UnsafeMutablePointer<FastObject>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity *= 2
  }

  subscript(index: Int32) -> FastObject { base[Int(index)] }
}

extension ByteCursor {
  /// Whether every byte of `token` (a short one: a series, a number, an object's code) is
  /// below 0x80.
  @inline(__always)
  static func isASCII(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    var high: UInt8 = 0
    for byte in token { high |= byte }
    return high < 0x80
  }

  /// Where `token` (a part of the line) lies in the line.
  @inline(__always)
  func range(of token: UnsafeBufferPointer<UInt8>) -> Range<Int32> {
    let start = Int32(base.distance(to: token.baseAddress!))
    return start..<start + Int32(token.count)
  }
}
