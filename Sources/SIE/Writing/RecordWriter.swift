import Basics

/// Writes records field by field, following SIE 4C §12: empty fields before a filled one are
/// written `""`, trailing empty fields are left out.
struct RecordWriter {
  var sink: ByteSink
  var encoder: TextEncoder
  let checksum: Bool
  var pendingEmpty = 0
  /// Scratch space for texts that are not plain ASCII.
  var scratch: [UInt8] = []
  /// The voucher being written, named in messages: its series, and its number as given (an
  /// integer made into text only for a message).
  var voucherName: (series: String, number: VoucherNumber) = ("", .text(""))

  /// A voucher's number as the writer was given it.
  enum VoucherNumber {
    case text(String)
    case integer(Int)

    var text: String {
      switch self {
      case .text(let text): text
      case .integer(let number): String(number)
      }
    }
  }

  /// Where a field is, for messages; built into text only when something is reported.
  enum Place {
    /// A field of a record: `#KONTO 1510 name`.
    case record(SIELabel, String)
    /// A field of the voucher being written: `text`, `sign`.
    case voucher(StaticString)
    /// A field of a row (0-based) of the voucher being written.
    case row(Int, StaticString)
    /// A record of an unknown label.
    case unknown(String)
  }

  func describe(_ place: Place) -> String {
    let voucher = VoucherRecord(
      series: voucherName.series, number: voucherName.number.text, date: nil
    ).displayName
    switch place {
    case .record(let label, let detail):
      return detail.isEmpty ? label.text : "\(label.text) \(detail)"
    case .voucher(let field): return "#VER \(voucher) \(field)"
    case .row(let index, let field): return "row \(index + 1) of voucher \(voucher) \(field)"
    case .unknown(let label): return label
    }
  }

  init(options: SIEWriter.Options, sink: ByteSink) {
    self.sink = sink
    encoder = TextEncoder(transliterate: options.transliterate)
    checksum = options.checksum
  }

  /// The records, with the opening `#KSUMMA` after `#FLAGGA` when checksumming.
  mutating func writeRecords(of document: SIEDocument) {
    for index in document.records.indices {
      write(document.records[index])
      if checksum, document.records[index].label == .flagga, !sink.hashing {
        sink.label(.ksumma)
        sink.endLine()
        sink.hashing = true
      }
    }
  }

  /// The closing `#KSUMMA` with the checksum, when checksumming.
  mutating func finishChecksum() {
    if checksum {
      if !sink.hashing {
        sink.label(.ksumma)
        sink.endLine()
        sink.hashing = true
      }
      let value = sink.crc.value
      sink.hashing = false
      sink.label(.ksumma)
      sink.space()
      sink.digits(UInt64(value))
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

  @inline(__always)
  private mutating func flushEmpty() {
    if pendingEmpty > 0 { writeEmpty() }
  }

  /// The `""` of the empty fields before a filled one.
  private mutating func writeEmpty() {
    while pendingEmpty > 0 {
      sink.quoted(UnsafeBufferPointer(start: nil, count: 0))
      pendingEmpty -= 1
    }
  }

  /// A free text: always quoted.
  mutating func text(_ value: String, _ place: Place) {
    guard !value.isEmpty else { return empty() }
    flushEmpty()
    if value.utf8.withContiguousStorageIfAvailable({ sink.quotedText($0) }) == true { return }
    withCodePage437(value, place) { bytes, writer in
      if bytes.last == 0x5C {
        // `"…\"` would read as an escaped quote: the final backslash cannot be written.
        var copy = Array(bytes)
        copy[copy.count - 1] = UInt8(ascii: "/")
        writer.encoder.changes.append(
          Diagnostic(
            .warning, .textChanged,
            "\(writer.describe(place)): a backslash at the end of a quoted text cannot be "
              + "written; written as /"))
        copy.withUnsafeBufferPointer { writer.sink.quoted($0) }
      } else {
        writer.sink.quoted(bytes)
      }
    }
  }

  /// A free text given as UTF-8: what ``text(_:_:)`` writes for the string of those bytes.
  mutating func text(utf8: UnsafeBufferPointer<UInt8>, _ place: Place) {
    guard !utf8.isEmpty else { return empty() }
    flushEmpty()
    if sink.quotedText(utf8) { return }
    text(String(decoding: utf8, as: UTF8.self), place)
  }

  /// A code or number: bare when it can be, quoted otherwise (spaces, quotes, braces).
  mutating func code(_ value: String, _ place: Place) {
    guard !value.isEmpty else { return empty() }
    var copy = value
    let written = copy.withUTF8 { utf8 -> Bool in
      for byte in utf8
      where byte <= 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x7B || byte == 0x7D
        || byte == 0x5C
      {
        return false
      }
      flushEmpty()
      sink.space()
      sink.content(utf8)
      return true
    }
    if !written { codeSlowly(value, place) }
  }

  /// A code with bytes beyond printable ASCII: bare when its code page 437 form allows.
  private mutating func codeSlowly(_ value: String, _ place: Place) {
    let bare = value.unicodeScalars.allSatisfy {
      $0.value > 0x20 && $0 != "\"" && $0 != "{" && $0 != "}" && $0.value != 0x7F && $0 != "\\"
    }
    guard bare else { return text(value, place) }
    flushEmpty()
    sink.space()
    withCodePage437(value, place) { bytes, writer in writer.sink.content(bytes) }
  }

  /// A voucher series or number: quoted only when empty or not letters and digits.
  mutating func series(_ value: String, _ place: Place) {
    guard !value.isEmpty else { return empty() }
    var copy = value
    let written = copy.withUTF8 { utf8 -> Bool in
      for byte in utf8
      where
        !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A))
      {
        return false
      }
      flushEmpty()
      sink.space()
      sink.content(utf8)
      return true
    }
    if !written { text(value, place) }
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
    sink.decimal(value)
  }

  mutating func account(_ value: AccountNumber, _ place: Place) {
    // A plain number is written from its value, without making its text.
    if let number = value.plainValue {
      flushEmpty()
      sink.space()
      sink.digits(UInt64(number))
    } else {
      code(value.text, place)
    }
  }

  /// `{}`.
  mutating func emptyObjects() {
    flushEmpty()
    sink.space()
    sink.byte(0x7B)
    sink.byte(0x7D)
  }

  /// An object list; written even when empty: `{}`.
  mutating func objects(_ objects: [ObjectReference], _ place: Place) {
    flushEmpty()
    sink.space()
    sink.byte(0x7B)
    for (index, object) in objects.enumerated() {
      if index > 0 { sink.space() }
      if object.dimension < 0 { sink.byte(UInt8(ascii: "-")) }
      sink.digits(UInt64(object.dimension.magnitude))
      withCodePage437(object.code, place) { bytes, writer in
        if bytes.last == 0x5C {
          var copy = Array(bytes)
          copy[copy.count - 1] = UInt8(ascii: "/")
          copy.withUnsafeBufferPointer { writer.sink.quoted($0) }
        } else {
          writer.sink.quoted(bytes)
        }
      }
    }
    sink.byte(0x7D)
  }

  /// Unknown trailing fields, as read.
  mutating func extra(_ fields: [RawField], _ place: Place) {
    for field in fields {
      switch field {
      case .text(let value): code(value, place)
      case .list(let items):
        flushEmpty()
        sink.space()
        sink.byte(0x7B)
        for (index, item) in items.enumerated() {
          withCodePage437(item, place) { bytes, writer in
            writer.sink.quoted(bytes, leadingSpace: index > 0)
          }
        }
        sink.byte(0x7D)
      }
    }
  }

  /// Calls `body` with the code page 437 bytes of `text`: straight from its storage when it
  /// is printable ASCII, through the encoder (changes and failures reported) otherwise.
  mutating func withCodePage437(
    _ text: String, _ place: Place, _ body: (UnsafeBufferPointer<UInt8>, inout RecordWriter) -> Void
  ) {
    var copy = text
    var bytes = [UInt8]()
    swap(&bytes, &scratch)
    defer { swap(&bytes, &scratch) }
    let handled = copy.withUTF8 { utf8 in
      for byte in utf8 where byte < 0x20 || byte >= 0x7F {
        // Not plain ASCII: convert, when every character has a place in the code page.
        guard TextEncoder.convert(utf8, into: &bytes) else { return false }
        bytes.withUnsafeBufferPointer { body($0, &self) }
        return true
      }
      body(utf8, &self)
      return true
    }
    if handled { return }
    let (changed, missing) = encoder.encode(text, into: &bytes)
    if changed || !missing.isEmpty {
      encoder.report(text, as: bytes, changed: changed, missing: missing, at: describe(place))
    }
    bytes.withUnsafeBufferPointer { body($0, &self) }
  }
}
