import Invoicing

/// Writes records field by field, following SIE 4C §12: empty fields before a filled one are
/// written `""`, trailing empty fields are left out.
struct RecordWriter {
  var sink: ByteSink
  var encoder: TextEncoder
  let checksum: Bool
  private var pendingEmpty = 0

  init(options: SIEWriter.Options, estimatedRecords: Int) {
    sink = ByteSink(capacity: estimatedRecords * 64)
    encoder = TextEncoder(transliterate: options.transliterate)
    checksum = options.checksum
  }

  mutating func write(_ document: SIEDocument) {
    for record in document.records {
      write(record)
      if checksum, case .flag = record, !sink.hashing {
        sink.label(.ksumma)
        sink.endLine()
        sink.hashing = true
      }
    }
    if checksum {
      if !sink.hashing {
        sink.label(.ksumma)
        sink.endLine()
        sink.hashing = true
      }
      let value = sink.crc.value
      sink.hashing = false
      sink.label(.ksumma)
      sink.bare(Array(String(value).utf8))
      sink.endLine()
    }
  }

  // MARK: Fields

  mutating func begin(_ label: SIELabel) {
    pendingEmpty = 0
    sink.label(label)
  }

  mutating func end() {
    pendingEmpty = 0
    sink.endLine()
  }

  mutating func empty() { pendingEmpty += 1 }

  private mutating func flushEmpty() {
    while pendingEmpty > 0 {
      sink.quoted(UnsafeBufferPointer(start: nil, count: 0))
      pendingEmpty -= 1
    }
  }

  /// A free text: always quoted.
  mutating func text(_ value: String, _ place: @autoclosure () -> String) {
    guard !value.isEmpty else { return empty() }
    flushEmpty()
    var bytes = encode(value, place())
    if bytes.last == 0x5C {
      bytes[bytes.count - 1] = UInt8(ascii: "/")
      encoder.changes.append(
        Diagnostic(
          .warning, .textChanged,
          "\(place()): a backslash at the end of a quoted text cannot be written; written as /"))
    }
    bytes.withUnsafeBufferPointer { sink.quoted($0) }
  }

  /// A code or number: bare when it can be, quoted otherwise (spaces, quotes, braces).
  mutating func code(_ value: String, _ place: @autoclosure () -> String) {
    guard !value.isEmpty else { return empty() }
    let bytes = encode(value, place())
    let canBeBare = bytes.allSatisfy {
      $0 > 0x20 && $0 != 0x22 && $0 != 0x7B && $0 != 0x7D && $0 != 0x7F
    }
    if canBeBare {
      flushEmpty()
      sink.bare(bytes)
    } else {
      text(value, place())
    }
  }

  /// A voucher series or number: quoted only when empty or not letters and digits.
  mutating func series(_ value: String, _ place: @autoclosure () -> String) {
    guard !value.isEmpty else { return empty() }
    let alphanumeric = value.utf8.allSatisfy {
      ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
    }
    if alphanumeric {
      flushEmpty()
      sink.bare(Array(value.utf8))
    } else {
      text(value, place())
    }
  }

  mutating func integer(_ value: Int) {
    flushEmpty()
    sink.integer(value)
  }

  mutating func amount(_ value: Amount) {
    flushEmpty()
    sink.amount(value)
  }

  mutating func day(_ value: Day?) {
    guard let value else { return empty() }
    flushEmpty()
    sink.day(value)
  }

  mutating func quantity(_ value: ExactDecimal?) {
    guard let value else { return empty() }
    flushEmpty()
    sink.bare(Array(value.description.utf8))
  }

  mutating func account(_ value: AccountNumber, _ place: @autoclosure () -> String) {
    code(value.text, place())
  }

  /// An object list; written even when empty: `{}`.
  mutating func objects(_ objects: [ObjectReference], _ place: @autoclosure () -> String) {
    flushEmpty()
    sink.space()
    sink.raw([0x7B])
    for (index, object) in objects.enumerated() {
      if index > 0 { sink.raw([0x20]) }
      let dimension = Array(String(object.dimension).utf8)
      sink.raw(dimension)
      if sink.hashing { sink.crc.update(dimension) }
      var code = encode(object.code, place())
      if code.last == 0x5C { code[code.count - 1] = UInt8(ascii: "/") }
      code.withUnsafeBufferPointer { sink.quoted($0) }
    }
    sink.raw([0x7D])
  }

  /// Unknown trailing fields, as read.
  mutating func extra(_ fields: [RawField], _ place: @autoclosure () -> String) {
    for field in fields {
      switch field {
      case .text(let value): code(value, place())
      case .list(let items):
        flushEmpty()
        sink.space()
        sink.raw([0x7B])
        for (index, item) in items.enumerated() {
          let bytes = encode(item, place())
          bytes.withUnsafeBufferPointer { sink.quoted($0, leadingSpace: index > 0) }
        }
        sink.raw([0x7D])
      }
    }
  }

  mutating func encode(_ text: String, _ place: @autoclosure () -> String) -> [UInt8] {
    var text = text
    let simple = text.withUTF8 { utf8 in utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    if simple { return Array(text.utf8) }
    encoder.place = place()
    return encoder.encode(text)
  }
}
