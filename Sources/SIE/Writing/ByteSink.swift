import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The writer's output: a growing byte buffer in code page 437, with the `#KSUMMA` CRC kept
/// over field contents as they are written. The buffer is grown with `realloc`, which moves a
/// large one by remapping its pages rather than copying them.
///
/// A sink may start in memory it is lent (the storage of the array that will hold the output,
/// see ``output(estimatedBytes:_:)``): while the output fits, it is never copied.
struct ByteSink {
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Whether ``buffer`` is lent memory, not the sink's own.
  private(set) var isInPlace = false
  private(set) var count = 0
  var crc = CRC32()
  var hashing = false

  /// The tables, held here so that writing a number or a label does not go through the check
  /// that a global is initialized.
  private let pairs = ByteSink.digitPairs
  private let labels = SIELabel.flatForms
  /// The last day written, and its digits.
  private var lastDay: Int32 = -1
  private var lastDayDigits: UInt64 = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 4096)
    buffer = Self.reallocate(nil, capacity: self.capacity)
  }

  /// A sink that writes into `memory` until it is full, then moves to a buffer of its own.
  init(lending memory: UnsafeMutableBufferPointer<UInt8>) {
    if let base = memory.baseAddress, memory.count > 0 {
      buffer = base
      capacity = memory.count
      isInPlace = true
    } else {
      capacity = 4096
      buffer = Self.reallocate(nil, capacity: capacity)
    }
  }

  /// The bytes written; the sink is spent afterwards.
  mutating func finish() -> [UInt8] {
    let result = Array(UnsafeBufferPointer(start: buffer, count: count))
    discard()
    capacity = 0
    count = 0
    return result
  }

  /// Hands `body` the bytes written so far and starts again at the buffer's start, keeping
  /// its capacity; the checksum goes on over what follows.
  mutating func drain<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
    try body(UnsafeRawBufferPointer(start: buffer, count: count))
    count = 0
  }

  /// Frees the buffer without returning it (lent memory is left alone).
  func discard() {
    if !isInPlace { free(buffer) }
  }

  /// The output of the sink `body` makes (lending it `memory`, the storage of the array
  /// returned) and returns when done: the array itself when the output fit in
  /// `estimatedBytes`, else the sink's own buffer copied once; `nil` when `body` returns none
  /// (having discarded its sink).
  static func output(
    estimatedBytes: Int, _ body: (_ memory: UnsafeMutableBufferPointer<UInt8>) -> ByteSink?
  ) -> [UInt8]? {
    var elsewhere: [UInt8]?
    var made = false
    let inPlace = [UInt8](unsafeUninitializedCapacity: Swift.max(estimatedBytes, 1)) {
      memory, initialized in
      guard var sink = body(memory) else { return }
      made = true
      if sink.isInPlace {
        initialized = sink.count
      } else {
        elsewhere = sink.finish()
      }
    }
    return made ? elsewhere ?? inPlace : nil
  }

  private static func reallocate(_ buffer: UnsafeMutablePointer<UInt8>?, capacity: Int)
    -> UnsafeMutablePointer<UInt8>
  {
    guard let grown = realloc(buffer, capacity) else {
      fatalError("out of memory for \(capacity) bytes of SIE output")
    }
    return grown.assumingMemoryBound(to: UInt8.self)
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    if isInPlace {
      let own = Self.reallocate(nil, capacity: newCapacity)
      own.update(from: buffer, count: count)
      buffer = own
      isInPlace = false
    } else {
      buffer = Self.reallocate(buffer, capacity: newCapacity)
    }
    capacity = newCapacity
  }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    reserve(1)
    buffer[count] = value
    count += 1
  }

  /// Bytes that are not field content (separators, braces, line ends).
  @inline(__always)
  mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
    reserve(bytes.count)
    (buffer + count).update(from: bytes.baseAddress!, count: bytes.count)
    count += bytes.count
  }

  /// A label: its bytes go into the checksum.
  mutating func label(_ label: SIELabel) {
    content(label.byteBuffer(in: labels))
  }

  /// Field content: written as is and added to the checksum.
  @inline(__always)
  mutating func content(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count > 0 else { return }
    raw(bytes)
    if hashing { crc.update(UnsafeRawBufferPointer(bytes)) }
  }

  mutating func endLine() {
    reserve(2)
    buffer[count] = 0x0D
    buffer[count + 1] = 0x0A
    count += 2
  }

  @inline(__always)
  mutating func space() { byte(0x20) }

  /// Quoted content, `"` escaped as `\"`; the checksum sees the unescaped content.
  mutating func quoted(_ bytes: UnsafeBufferPointer<UInt8>, leadingSpace: Bool = true) {
    reserve(bytes.count * 2 + 3)
    if leadingSpace {
      buffer[count] = 0x20
      count += 1
    }
    buffer[count] = 0x22
    count += 1
    for byte in bytes {
      if byte == 0x22 {
        buffer[count] = 0x5C
        count += 1
      }
      buffer[count] = byte
      count += 1
    }
    buffer[count] = 0x22
    count += 1
    if hashing { crc.update(UnsafeRawBufferPointer(bytes)) }
  }

  /// A free text quoted in one pass from its UTF-8: printable ASCII as it is (`"` escaped),
  /// Swedish and other letters of code page 437 through ``TextEncoder/table``. Writes nothing
  /// and says `false` when the text needs ``TextEncoder`` (a control character, a character
  /// outside the code page, broken UTF-8), ends in a backslash, or has a quote to escape while
  /// the checksum is kept (which sees the text unescaped).
  mutating func quotedText(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let length = utf8.count
    reserve(length * 2 + 3)
    let output = buffer + count
    output[0] = 0x20
    output[1] = 0x22
    var written = 2
    var index = 0
    var escaped = false
    var last: UInt8 = 0
    let source = utf8.baseAddress
    while index < length {
      // Eight bytes at a time while they are printable ASCII without a quote.
      while index + 8 <= length, let source {
        let word = ByteWord.load(source + index)
        guard ByteWord.isPlainText(word) else { break }
        UnsafeMutableRawPointer(output + written).storeBytes(
          of: UInt64(littleEndian: word), as: UInt64.self)
        written += 8
        index += 8
        last = UInt8(truncatingIfNeeded: word >> 56)
      }
      guard index < length else { break }
      let lead = utf8[index]
      if lead < 0x80 {
        guard lead >= 0x20, lead != 0x7F else { return false }
        if lead == 0x22 {
          output[written] = 0x5C
          written += 1
          escaped = true
        }
        output[written] = lead
        written += 1
        last = lead
        index += 1
        continue
      }
      guard let byte = TextEncoder.codePage437Byte(utf8, at: &index) else { return false }
      output[written] = byte
      written += 1
      last = byte
    }
    guard last != 0x5C, !(hashing && escaped) else { return false }
    output[written] = 0x22
    written += 1
    if hashing { crc.update(UnsafeRawBufferPointer(start: output + 2, count: written - 3)) }
    count += written
    return true
  }

  /// "00", "01", … "99": numbers are written two digits at a time.
  nonisolated(unsafe) static let digitPairs: UnsafePointer<UInt8> = {
    let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 200)
    for value in 0..<100 {
      pairs[2 * value] = UInt8(value / 10) + 0x30
      pairs[2 * value + 1] = UInt8(value % 10) + 0x30
    }
    return UnsafePointer(pairs)
  }()

  /// How many decimal digits `value` has.
  @inline(__always)
  static func digitCount(_ value: UInt64) -> Int {
    var count = 1
    var threshold: UInt64 = 10
    while count < 20 && value >= threshold {
      count += 1
      threshold &*= 10
    }
    return count
  }

  /// Writes `value` in exactly `length` digits (leading zeros when it has fewer) so that the
  /// last one lands before `end`.
  @inline(__always)
  static func writeDigits(
    _ value: UInt64, length: Int, endingAt end: UnsafeMutablePointer<UInt8>,
    pairs: UnsafePointer<UInt8>
  ) {
    var position = end
    var rest = value
    var left = length
    while left >= 2 {
      let pair = Int(rest % 100)
      rest /= 100
      position -= 2
      position[0] = pairs[2 * pair]
      position[1] = pairs[2 * pair + 1]
      left -= 2
    }
    if left == 1 {
      position -= 1
      position[0] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
    }
  }

  /// Digits of a non-negative number, into the buffer and the checksum.
  @inline(__always)
  mutating func digits(_ value: UInt64, minimumCount: Int = 1) {
    reserve(21)
    let length = Swift.max(Self.digitCount(value), minimumCount)
    Self.writeDigits(value, length: length, endingAt: buffer + count + length, pairs: pairs)
    if hashing { crc.update(UnsafeRawBufferPointer(start: buffer + count, count: length)) }
    count += length
  }

  /// An integer field (after a space).
  mutating func integer(_ value: Int) {
    space()
    formatted(negative: value < 0, UInt64(value.magnitude))
  }

  /// An amount with two decimals: ` -1234.50`.
  mutating func amount(_ amount: Amount) {
    space()
    let magnitude = amount.ore.magnitude
    formatted(negative: amount.ore < 0, magnitude / 100, decimals: magnitude % 100, places: 2)
  }

  /// An exact decimal in its shortest form (``ExactDecimal/description``): ` -7.25`, ` 3`.
  mutating func decimal(_ value: ExactDecimal) {
    space()
    let magnitude = value.significand.magnitude
    let places = Int(value.scale)
    var power: UInt64 = 1
    for _ in 0..<places { power &*= 10 }
    formatted(
      negative: value.isNegative, magnitude / power, decimals: magnitude % power, places: places)
  }

  /// `-1234`, or with `places` decimals `-1234.50`, written at once, straight into the buffer
  /// (and the checksum).
  @inline(__always)
  private mutating func formatted(
    negative: Bool, _ whole: UInt64, decimals: UInt64 = 0, places: Int = 0
  ) {
    reserve(42)
    let digitCount = Self.digitCount(whole)
    let length = (negative ? 1 : 0) + digitCount + (places == 0 ? 0 : 1 + places)
    let start = buffer + count
    if negative { start[0] = UInt8(ascii: "-") }
    let wholeEnd = start + (negative ? 1 : 0) + digitCount
    Self.writeDigits(whole, length: digitCount, endingAt: wholeEnd, pairs: pairs)
    if places > 0 {
      wholeEnd[0] = UInt8(ascii: ".")
      Self.writeDigits(decimals, length: places, endingAt: wholeEnd + 1 + places, pairs: pairs)
    }
    if hashing { crc.update(UnsafeRawBufferPointer(start: start, count: length)) }
    count += length
  }

  /// A date ` YYYYMMDD`.
  mutating func day(_ day: Day) {
    space()
    // Rows usually repeat their voucher's date: its eight digits are kept.
    if day.packed != lastDay {
      lastDay = day.packed
      var digits: UInt64 = 0
      withUnsafeMutableBytes(of: &digits) { raw in
        Self.writeDigits(
          UInt64(day.packed), length: 8,
          endingAt: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + 8, pairs: pairs)
      }
      lastDayDigits = digits
    }
    reserve(8)
    UnsafeMutableRawPointer(buffer + count).storeBytes(of: lastDayDigits, as: UInt64.self)
    if hashing { crc.update(UnsafeRawBufferPointer(start: buffer + count, count: 8)) }
    count += 8
  }
}
