import Basics

/// Follows `#KSUMMA` while a file is read (SIE §10): the CRC-32 of the content of every token
/// of every line between the opening `#KSUMMA` and the closing `#KSUMMA n`, in code page 437,
/// without blanks, quotes or braces, and `\"` counted as `"`.
struct ChecksumTracker {
  private enum State {
    case none
    case active(CRC32, opened: SourceLocation)
    case closed
  }

  private var state = State.none
  private(set) var status = ChecksumStatus.absent

  var isActive: Bool {
    if case .active = state { return true }
    return false
  }

  mutating func open(at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
    switch state {
    case .none:
      state = .active(CRC32(), opened: location)
    case .active, .closed:
      diagnostics.report(.error, .checksumMismatch, "a second opening #KSUMMA", at: location)
    }
  }

  mutating func close(
    expected: UInt32, at location: SourceLocation, diagnostics: inout DiagnosticCollector
  ) {
    guard case .active(let crc, _) = state else {
      diagnostics.report(
        .error, .checksumMismatch, "#KSUMMA \(expected) without an opening #KSUMMA", at: location)
      status = .invalid(expected: expected, computed: 0)
      return
    }
    state = .closed
    if crc.value == expected {
      status = .valid(expected)
    } else {
      status = .invalid(expected: expected, computed: crc.value)
      diagnostics.report(
        .error, .checksumMismatch,
        "#KSUMMA is \(expected) but the contents give \(crc.value)", at: location)
    }
  }

  /// Adds the tokens of a line.
  mutating func add(
    _ tokenizer: LineTokenizer, of line: UnsafeBufferPointer<UInt8>, encoding: TextEncoding
  ) {
    guard case .active(var crc, let opened) = state else { return }
    ChecksumTracker.hash(tokenizer, of: line, encoding: encoding, into: &crc)
    state = .active(crc, opened: opened)
  }

  /// Adds the content of every token of a line but braces, in code page 437.
  static func hash(
    _ tokenizer: LineTokenizer, of line: UnsafeBufferPointer<UInt8>, encoding: TextEncoding,
    into crc: inout CRC32
  ) {
    for index in 0..<tokenizer.count {
      let token = tokenizer[index]
      if token.isBrace { continue }
      token.withContent(in: line) { bytes in
        switch encoding {
        case .ascii, .cp437:
          crc.update(UnsafeRawBufferPointer(bytes))
        case .utf8, .latin1:
          for scalar in encoding.decode(bytes).unicodeScalars {
            crc.update(byte: CP437.byte(for: scalar) ?? UInt8(ascii: "?"))
          }
        }
      }
    }
  }

  mutating func finish(into diagnostics: inout DiagnosticCollector) {
    if case .active(_, let opened) = state {
      status = .truncated
      diagnostics.report(
        .error, .checksumTruncated,
        "#KSUMMA opened here is never closed: the file is truncated or the closing #KSUMMA is lost",
        at: opened)
    }
  }
}
