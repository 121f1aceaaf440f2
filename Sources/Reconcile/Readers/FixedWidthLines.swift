import Basics

/// The records of a fixed-width bank file as bytes of one character each: the text decoded
/// (UTF-8 when it is valid UTF-8 with multibyte characters, else ISO-8859-1, a BOM dropped),
/// every character as its ISO-8859-1 byte; split at CR, LF or CRLF, or, without line ends, every
/// 80 bytes; TABs expanded to the next multiple of 6 (which restores the positions in the files
/// seen); empty lines and a ruler line left out.
struct FixedWidthLines {
  struct Line {
    /// 1-based line (or record) number in the file.
    var number: Int
    var bytes: ArraySlice<UInt8>
  }

  /// The text, one byte per character.
  let bytes: [UInt8]
  /// Whether the text had replacement characters or other signs of a damaged encoding.
  private(set) var damagedText = false

  init(_ input: [UInt8]) {
    var bytes = input
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var damaged = false
    self.bytes = Self.singleByte(bytes, damaged: &damaged)
    damagedText = damaged
  }

  /// Calls `body` with each record in turn (none is kept: a file's records are read once).
  func forEach(_ body: (Line) throws(ReconcileError) -> Void) throws(ReconcileError) {
    let count = bytes.count
    let hasLineEnds = bytes.contains(0x0A) || bytes.contains(0x0D)
    var start = 0
    var number = 0
    while start < count {
      var end: Int
      var next: Int
      if hasLineEnds {
        end = start
        while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        next = end + 1
        if end < count, bytes[end] == 0x0D, end + 1 < count, bytes[end + 1] == 0x0A { next += 1 }
      } else {
        end = min(count, start + 80)
        next = end
      }
      number += 1
      var line = bytes[start..<end]
      start = next
      if line.contains(0x09) { line = Self.expandingTabs(line)[...] }
      if line.allSatisfy({ $0 == 0x20 }) { continue }
      if line.first == UInt8(ascii: "[") { continue }  // a ruler line
      try body(Line(number: number, bytes: line))
    }
  }

  /// Text as one byte per character: ISO-8859-1 as it is; valid UTF-8 with multibyte
  /// characters transcoded (`?` for characters beyond ISO-8859-1, a replacement character
  /// noted as damage).
  static func singleByte(_ bytes: [UInt8], damaged: inout Bool) -> [UInt8] {
    guard let first = bytes.firstIndex(where: { $0 >= 0x80 }) else { return bytes }
    // Most files are ISO-8859-1: the first non-ASCII byte that starts no UTF-8 sequence says so
    // before anything is copied.
    let lead = bytes[first]
    let leadLength = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
    guard leadLength > 0, first + leadLength <= bytes.count,
      bytes[(first + 1)..<(first + leadLength)].allSatisfy({ $0 & 0xC0 == 0x80 })
    else { return bytes }
    var result = [UInt8]()
    result.reserveCapacity(bytes.count)
    result += bytes[..<first]
    var index = first
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        result.append(byte)
        index += 1
        continue
      }
      // A multibyte sequence: its length from the lead byte, its continuation bytes checked.
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
      guard length > 0, index + length <= count,
        bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
      else { return bytes }  // not UTF-8: ISO-8859-1 as it is
      var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for continuation in bytes[(index + 1)..<(index + length)] {
        scalar = scalar << 6 | UInt32(continuation & 0x3F)
      }
      if scalar == 0xFFFD { damaged = true }
      result.append(scalar <= 0xFF ? UInt8(scalar) : UInt8(ascii: "?"))
      index += length
    }
    return result
  }

  static func expandingTabs(_ line: ArraySlice<UInt8>) -> [UInt8] {
    var result = [UInt8]()
    for byte in line {
      if byte == 0x09 {
        repeat { result.append(0x20) } while result.count % 6 != 0
      } else {
        result.append(byte)
      }
    }
    return result
  }
}

extension ArraySlice<UInt8> {
  /// The characters at 1-based positions `from...to` (blanks past the end).
  func field(_ from: Int, _ to: Int) -> ArraySlice<UInt8> {
    let start = startIndex + from - 1
    let end = Swift.min(endIndex, startIndex + to)
    return start < end ? self[start..<end] : []
  }

  /// The field as text, ISO-8859-1, without leading and trailing blanks.
  func text(_ from: Int, _ to: Int) -> String {
    var slice = field(from, to)
    while let first = slice.first, first == 0x20 { slice = slice.dropFirst() }
    while let last = slice.last, last == 0x20 { slice = slice.dropLast() }
    if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
    return String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
  }

  /// Whether the field holds only blanks (or nothing).
  func isBlank(_ from: Int, _ to: Int) -> Bool { field(from, to).allSatisfy { $0 == 0x20 } }

  /// The record type: the first two characters as one number (`"20"` → 0x3230).
  var recordType: UInt16 {
    count >= 2 ? UInt16(self[startIndex]) << 8 | UInt16(self[startIndex + 1]) : 0
  }

  /// The field as a whole number of digits, blanks around it allowed; `nil` otherwise.
  func number(_ from: Int, _ to: Int) -> Int64? {
    var value: Int64 = 0
    var digits = 0
    var seenBlankAfter = false
    for byte in field(from, to) {
      if byte == 0x20 {
        if digits > 0 { seenBlankAfter = true }
        continue
      }
      guard byte >= 0x30, byte <= 0x39, !seenBlankAfter, digits < 18 else { return nil }
      value = value * 10 + Int64(byte - 0x30)
      digits += 1
    }
    return digits > 0 ? value : nil
  }
}
