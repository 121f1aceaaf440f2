import Basics

/// A checkpoint that cannot be read as written: it is ignored and the journal replayed.
struct CheckpointDamage: Error, Sendable {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}

/// The texts and customers of a checkpoint's section, which its values name by number.
struct CheckpointTables: Sendable {
  var strings: [String] = []
  var customers: [SharedCustomer] = []
}

/// Reads what ``CheckpointWriter`` wrote; anything out of place is ``CheckpointDamage``,
/// never a trap.
struct CheckpointReader: ~Copyable {
  private let base: UnsafePointer<UInt8>
  private let end: Int
  /// Where the next value starts, from the start of the bytes.
  private(set) var position = 0
  /// The texts and customers the values name by number.
  private(set) var tables = CheckpointTables()
  /// Whether an invoice's lines are checked against what a book can total as they are read:
  /// off only for a record read again from bytes that were checked when the checkpoint was
  /// opened (the check is most of the work of reading an invoice).
  var checksLines = true

  /// Reads `buffer`, which must outlive the reader: its tables first.
  init(_ buffer: UnsafeBufferPointer<UInt8>) throws(CheckpointDamage) {
    base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
    end = buffer.count
    tables.strings = try array { r throws(CheckpointDamage) in try r.text() }
    tables.customers = try array { r throws(CheckpointDamage) in
      SharedCustomer(try r.decode { try Customer(json: $0) })
    }
  }

  /// Reads the value at `position` in `buffer`, whose tables were read before as `tables`.
  init(_ buffer: UnsafeBufferPointer<UInt8>, tables: CheckpointTables, at position: Int) {
    base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
    end = buffer.count
    self.tables = tables
    self.position = min(position, end)
  }

  var isAtEnd: Bool { position == end }
  /// The bytes not read yet.
  var remaining: Int { end - position }

  @inline(__always)
  mutating func byte() throws(CheckpointDamage) -> UInt8 {
    guard position < end else { throw CheckpointDamage("ends early") }
    defer { position += 1 }
    return base[position]
  }

  /// A LEB128 varint: seven bits a byte, the low ones first.
  @inline(__always)
  private mutating func varint() throws(CheckpointDamage) -> UInt64 {
    // Most numbers (days aside) fit in one byte.
    if position < end, base[position] < 0x80 {
      defer { position += 1 }
      return UInt64(base[position])
    }
    return try longVarint()
  }

  private mutating func longVarint() throws(CheckpointDamage) -> UInt64 {
    if end - position >= 8 {
      // Up to eight bytes at once: the first byte without the high bit ends it; the seven-bit
      // groups are then moved together in three steps (pairs, fours, eights).
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      let stops = ~word & 0x8080_8080_8080_8080
      if stops != 0 {
        let length = stops.trailingZeroBitCount / 8 + 1
        let kept = length == 8 ? word : word & ((1 << (8 * UInt64(length))) - 1)
        var value = kept & 0x7F7F_7F7F_7F7F_7F7F
        value = (value & 0x7F00_7F00_7F00_7F00) >> 1 | (value & 0x007F_007F_007F_007F)
        value = (value & 0x3FFF_0000_3FFF_0000) >> 2 | (value & 0x0000_3FFF_0000_3FFF)
        value = (value & 0x0FFF_FFFF_0000_0000) >> 4 | (value & 0x0000_0000_0FFF_FFFF)
        position += length
        return value
      }
    }
    var value: UInt64 = 0
    var shift: UInt64 = 0
    if end - position >= 10 {
      // The longest varint fits: no check of the end per byte.
      var at = position
      while shift < 64 {
        let next = base[at]
        at += 1
        value |= UInt64(next & 0x7F) << shift
        if next < 0x80 {
          position = at
          return value
        }
        shift += 7
      }
      throw CheckpointDamage("a number is too long")
    }
    while true {
      let next = try byte()
      guard shift < 64 else { throw CheckpointDamage("a number is too long") }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  @inline(__always)
  mutating func count() throws(CheckpointDamage) -> Int {
    let value = try varint()
    guard value <= UInt64(Int.max) else { throw CheckpointDamage("a count is too large") }
    return Int(value)
  }

  /// A count of items still to come, each at least one byte long.
  mutating func itemCount() throws(CheckpointDamage) -> Int {
    let value = try count()
    guard value <= end - position else { throw CheckpointDamage("a count runs past the end") }
    return value
  }

  /// A signed integer, zigzagged.
  @inline(__always)
  mutating func int() throws(CheckpointDamage) -> Int {
    let value = try varint()
    return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
  }

  @inline(__always)
  mutating func bool() throws(CheckpointDamage) -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    default: throw CheckpointDamage("a flag is neither 0 nor 1")
    }
  }

  @inline(__always)
  /// An amount within ``Limits`` (what a book accepts), so that no sum over them overflows.
  mutating func amount() throws(CheckpointDamage) -> Amount {
    let amount = Amount(ore: Int64(try int()))
    guard Limits.contains(amount) else { throw CheckpointDamage("\(amount) is past the limits") }
    return amount
  }

  @inline(__always)
  mutating func day() throws(CheckpointDamage) -> Day {
    let packed = try count()
    guard let day = Day(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100),
      Limits.contains(day)
    else { throw CheckpointDamage("\(packed) is not a day a book keeps") }
    return day
  }

  mutating func decimal() throws(CheckpointDamage) -> ExactDecimal {
    let significand = try int()
    let scale = try byte()
    guard scale <= 18 else { throw CheckpointDamage("a decimal's scale is \(scale)") }
    return ExactDecimal(significand: Int64(significand), scale: Int(scale))
  }

  @inline(__always)
  mutating func string() throws(CheckpointDamage) -> String {
    let index = try count()
    guard index < tables.strings.count else { throw CheckpointDamage("text \(index) is not known") }
    return tables.strings[index]
  }

  /// A length, then that many bytes of UTF-8.
  private mutating func text() throws(CheckpointDamage) -> String {
    let length = try itemCount()
    defer { position += length }
    return String(
      decoding: UnsafeBufferPointer(start: base + position, count: length), as: UTF8.self)
  }

  mutating func customer() throws(CheckpointDamage) -> Customer { try sharedCustomer().customer }

  /// A customer, held once however many documents show it.
  mutating func sharedCustomer() throws(CheckpointDamage) -> SharedCustomer {
    let index = try count()
    guard index < tables.customers.count else {
      throw CheckpointDamage("customer \(index) is not known")
    }
    return tables.customers[index]
  }

  mutating func json() throws(CheckpointDamage) -> JSONValue {
    let length = try itemCount()
    let text = Array(UnsafeBufferPointer(start: base + position, count: length))
    position += length
    do {
      return try JSONValue(parsing: text)
    } catch {
      throw CheckpointDamage("JSON: \(error)")
    }
  }

  /// A value read from its JSON form.
  mutating func decode<T>(_ make: (JSONReader) throws -> T) throws(CheckpointDamage) -> T {
    let value = try json()
    do {
      return try make(JSONReader(value, path: "checkpoint"))
    } catch {
      throw CheckpointDamage("\(error)")
    }
  }

  mutating func optional<T>(_ read: (inout CheckpointReader) throws(CheckpointDamage) -> T)
    throws(CheckpointDamage) -> T?
  {
    try bool() ? try read(&self) : nil
  }

  mutating func array<T>(_ read: (inout CheckpointReader) throws(CheckpointDamage) -> T)
    throws(CheckpointDamage) -> [T]
  {
    let count = try itemCount()
    var values = [T]()
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }

  /// A list written with `array`, read into a log.
  mutating func log<T>(_ read: (inout CheckpointReader) throws(CheckpointDamage) -> T)
    throws(CheckpointDamage) -> ChunkedLog<T>
  {
    let count = try itemCount()
    var values = ChunkedLog<T>()
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }

  /// A list written with `array`, read through to check it and not kept: its length.
  mutating func readThrough<T>(_ read: (inout CheckpointReader) throws(CheckpointDamage) -> T)
    throws(CheckpointDamage) -> Int
  {
    let count = try itemCount()
    for _ in 0..<count { _ = try read(&self) }
    return count
  }

  /// A case of an enum, by its number.
  mutating func choice<T: CheckpointCase>(_: T.Type) throws(CheckpointDamage) -> T {
    let number = try count()
    guard number < T.checkpointCases.count else {
      throw CheckpointDamage("\(T.self) has no case \(number)")
    }
    return T.checkpointCases[number]
  }
}

/// An enum written in a checkpoint as the number of its case (every case is in
/// ``checkpointCases``; their order is part of the checkpoint's layout, which names the
/// release that wrote it).
protocol CheckpointCase: Equatable {
  static var checkpointCases: [Self] { get }
}

extension ProductKind: CheckpointCase {
  static let checkpointCases = Array(ProductKind.allCases)
}
extension LineCategory: CheckpointCase {
  static let checkpointCases = Array(LineCategory.allCases)
}
extension SaleType: CheckpointCase {
  static let checkpointCases = Array(SaleType.allCases)
}
extension InvoiceState: CheckpointCase {
  static let checkpointCases = Array(InvoiceState.allCases)
}
extension Attachment.Placement: CheckpointCase {
  static let checkpointCases = Array(Attachment.Placement.allCases)
}
extension SelfInvoiceState: CheckpointCase {
  static let checkpointCases = Array(SelfInvoiceState.allCases)
}
extension IncomingState: CheckpointCase {
  static let checkpointCases = Array(IncomingState.allCases)
}
