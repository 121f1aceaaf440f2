import Invoicing

/// The output buffer of the writer: bytes in code page 437, with the `#KSUMMA` CRC kept over
/// field contents as they are written.
struct ByteSink {
  var bytes: [UInt8] = []
  var crc = CRC32()
  var hashing = false
  /// The start of the current line, to drop a trailing blank.
  var fieldsOnLine = 0

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func label(_ label: SIELabel) {
    let text = label.bytes
    bytes.append(contentsOf: text)
    if hashing { crc.update(text) }
    fieldsOnLine = 0
  }

  mutating func raw(_ text: [UInt8]) { bytes.append(contentsOf: text) }

  mutating func endLine() {
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  mutating func space() { bytes.append(0x20) }

  /// A field written bare: its content goes into the checksum as is.
  mutating func bare(_ content: UnsafeBufferPointer<UInt8>) {
    space()
    bytes.append(contentsOf: content)
    if hashing { crc.update(UnsafeRawBufferPointer(content)) }
  }

  mutating func bare(_ content: [UInt8]) {
    content.withUnsafeBufferPointer { bare($0) }
  }

  /// A field in quotes, `"` escaped as `\"`; the checksum sees the unescaped content.
  mutating func quoted(_ content: UnsafeBufferPointer<UInt8>, leadingSpace: Bool = true) {
    if leadingSpace { space() }
    bytes.append(0x22)
    for byte in content {
      if byte == 0x22 { bytes.append(0x5C) }
      bytes.append(byte)
    }
    bytes.append(0x22)
    if hashing { crc.update(UnsafeRawBufferPointer(content)) }
  }

  /// An amount with two decimals: `-1234.50`.
  mutating func amount(_ amount: Amount) {
    space()
    let start = bytes.count
    var magnitude = amount.ore.magnitude
    if amount.ore < 0 { bytes.append(UInt8(ascii: "-")) }
    let cents = magnitude % 100
    magnitude /= 100
    let digitsStart = bytes.count
    repeat {
      bytes.append(UInt8(truncatingIfNeeded: magnitude % 10) + 0x30)
      magnitude /= 10
    } while magnitude > 0
    bytes[digitsStart...].reverse()
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(truncatingIfNeeded: cents / 10) + 0x30)
    bytes.append(UInt8(truncatingIfNeeded: cents % 10) + 0x30)
    if hashing {
      bytes.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }
  }

  /// A date `YYYYMMDD`.
  mutating func day(_ day: Day) {
    space()
    var value = Int(day.packed)
    var digits = [UInt8](repeating: 0x30, count: 8)
    for index in stride(from: 7, through: 0, by: -1) {
      digits[index] = UInt8(value % 10) + 0x30
      value /= 10
    }
    bytes.append(contentsOf: digits)
    if hashing { crc.update(digits) }
  }

  /// An integer.
  mutating func integer(_ value: Int) {
    bare(Array(String(value).utf8))
  }
}

extension SIELabel {
  /// The label's bytes with `#`.
  var bytes: [UInt8] { Array(text.utf8) }
}
