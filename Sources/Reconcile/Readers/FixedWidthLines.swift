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

  private(set) var lines: [Line] = []
  /// Whether the text had replacement characters or other signs of a damaged encoding.
  private(set) var damagedText = false

  init(_ input: [UInt8]) {
    var bytes = input
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    bytes = Self.singleByte(bytes, damaged: &damagedText)
    let hasLineEnds = bytes.contains(0x0A) || bytes.contains(0x0D)
    var ranges = [Range<Int>]()
    if hasLineEnds {
      var start = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D {
          ranges.append(start..<index)
          if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
          start = index + 1
        }
        index += 1
      }
      if start < bytes.count { ranges.append(start..<bytes.count) }
    } else {
      var start = 0
      while start < bytes.count {
        ranges.append(start..<min(bytes.count, start + 80))
        start += 80
      }
    }
    for (offset, range) in ranges.enumerated() {
      var line = bytes[range]
      if line.contains(0x09) { line = Self.expandingTabs(line)[...] }
      if line.allSatisfy({ $0 == 0x20 }) { continue }
      if line.first == UInt8(ascii: "[") { continue }  // a ruler line
      lines.append(Line(number: offset + 1, bytes: line))
    }
  }

  /// Text as one byte per character (ISO-8859-1; `?` for characters beyond it).
  static func singleByte(_ bytes: [UInt8], damaged: inout Bool) -> [UInt8] {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
    guard let text = String(validating: bytes, as: UTF8.self) else { return bytes }
    var result = [UInt8]()
    result.reserveCapacity(bytes.count)
    for scalar in text.unicodeScalars {
      if scalar == "\u{FFFD}" { damaged = true }
      result.append(scalar.value <= 0xFF ? UInt8(scalar.value) : UInt8(ascii: "?"))
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
    return String(slice.map { Character(Unicode.Scalar($0)) })
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
