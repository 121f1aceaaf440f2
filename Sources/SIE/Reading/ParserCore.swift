import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reading engine: lines → tokens → typed records, with voucher blocks followed, `#KSUMMA`
/// verified on the way, and every oddity reported as a diagnostic. What it reads goes to its
/// sink: the streaming reader's queue, the document reader or the validator.
///
/// The engine is a struct over raw buffers, specialised for its sink, so that the hot loop
/// runs without reference counting or exclusivity checks. Its owner frees the buffers.
struct ParserCore<Sink: ParserSink> {
  var sink: Sink
  var source: LineSource
  var tokenizer = LineTokenizer()
  var fields: [FieldSpan] = []
  /// The current line.
  var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  var lineNumber = 0
  /// The encoding: detected from the first chunk; `.ascii` stays open until a byte ≥ 0x80
  /// shows up, when detection runs again on what is buffered from there.
  var encoding: TextEncoding
  /// Set once invalid UTF-8 has been reported.
  var invalidUTF8Reported = false
  var diagnostics: DiagnosticCollector
  var checksum = ChecksumTracker()
  /// Set once the encoding mismatch (if any) has been reported.
  var encodingReported = false

  var finished = false
  var sawFirstRecord = false
  /// Object lists of rows are read into this buffer, reused from row to row.
  var rowObjects: [ObjectReference] = []
  /// Whether clean voucher lines take the fast path (off only to test the two paths agree).
  var fastPath = true
  /// Objects the fast path has delivered already.
  var seenObjects = RawObjectSet()
  /// The fast path's parser, for lines not parsed ahead, and its objects.
  var fastParser = FastLineParser()
  var fastObjects = FastObjectTable()
  var seriesNames = TextCache()

  /// Whether a voucher is open, and where it started.
  var voucherOpen = false
  var openVoucherLocation = SourceLocation(line: 0)
  var block = BlockState.none

  enum BlockState {
    /// `#VER` read, no `{` yet.
    case none
    /// Inside `{ … }`.
    case explicit
    /// Rows came without a `{`; the block ends at the next record.
    case implicit
  }

  init(source: LineSource, strict: Bool, sink: Sink) {
    self.source = source
    self.sink = sink
    encoding = TextEncoding.detect(source.lookahead, isComplete: source.lookaheadIsComplete)
    diagnostics = DiagnosticCollector(strict: strict)
  }

  func deallocate() {
    source.deallocate()
    tokenizer.deallocate()
    fastObjects.deallocate()
  }

  /// Reads one line (or finishes the input); returns `false` once everything is read.
  mutating func step() -> Bool {
    if finished { return false }
    if let next = source.nextLine() {
      line = next
      lineNumber = source.lineNumber
      processLine()
    } else {
      finishInput()
    }
    return true
  }

  /// Reads everything.
  mutating func run() {
    while step() {}
  }

  mutating func emit(_ record: SIERecord, at location: SourceLocation) {
    sink.record(record, at: location, diagnostics: &diagnostics)
  }

  // MARK: Lines

  mutating func reportSkippedLine() {
    guard let skipped = source.skippedLongLine else { return }
    source.skippedLongLine = nil
    diagnostics.report(
      .error, .lineTooLong, "line longer than \(LineSource.maximumLineLength >> 20) MiB skipped",
      at: SourceLocation(line: skipped))
  }

  mutating func processLine() {
    reportSkippedLine()
    if fastPath && sawFirstRecord && !checksum.isActive && !Sink.wantsDetails && scanFast() {
      return
    }
    tokenizer.tokenize(line)
    guard tokenizer.count > 0 else { return }
    let first = tokenizer[0]
    let isChecksumLine = first.kind == .bare && label(of: first) == .ksumma
    if checksum.isActive && !isChecksumLine {
      checksum.add(tokenizer, of: line, encoding: encoding)
    }

    var index = 0
    while index < tokenizer.count && tokenizer[index].isBrace {
      let brace = tokenizer[index]
      guard sawFirstRecord else { return rejectFile(startingWith: brace) }
      if brace.kind == .open {
        openBlock(at: location(of: brace))
      } else {
        closeBlock(at: location(of: brace))
      }
      index += 1
    }
    guard index < tokenizer.count else { return }
    let head = tokenizer[index]
    guard head.kind == .bare, tokenBytes(head).first == UInt8(ascii: "#") else {
      guard sawFirstRecord else { return rejectFile(startingWith: head) }
      diagnostics.report(
        .warning, .strayLine, "line is not a record (it does not start with a #label); ignored",
        at: location(of: head))
      return
    }
    processRecord(labelIndex: index)
  }

  /// Reports that the input is not an SIE file and stops reading.
  mutating func rejectFile(startingWith token: Token) {
    let bytes = tokenBytes(token)
    let preview = encoding.decode(UnsafeBufferPointer(rebasing: bytes.prefix(24)))
    diagnostics.report(
      .error, .notSIEFile,
      "not an SIE file: it starts with \"\(preview)\", not with #FLAGGA, #PROGRAM or another "
        + "identification record",
      at: location(of: token))
    finished = true
  }

  /// The label of a `#…` token, or `nil` when unknown.
  func label(of token: Token) -> SIELabel? {
    let bytes = tokenBytes(token)
    guard bytes.count > 1 else { return nil }
    return SIELabel.recognize(UnsafeBufferPointer(rebasing: bytes[1...]))
  }

  mutating func processRecord(labelIndex: Int) {
    let labelToken = tokenizer[labelIndex]
    let recordLocation = location(of: labelToken)
    let closesBlock = groupFields(after: labelIndex)
    let label = label(of: labelToken)

    if !sawFirstRecord {
      guard let label, label.group <= .identification else {
        return rejectFile(startingWith: labelToken)
      }
      sawFirstRecord = true
    }

    switch label {
    case .trans?, .rtrans?, .btrans?:
      let kind: TransactionRow.Kind =
        label == .trans ? .normal : label == .rtrans ? .added : .removed
      handleRow(decodeRow(kind), label: label!, at: recordLocation)
    case .ver?:
      let voucher = decodeVoucher()
      startVoucher(at: recordLocation)
      sink.beginVoucher(voucher, at: recordLocation, diagnostics: &diagnostics)
    case .ksumma?:
      checksumRecord(at: recordLocation)
    default:
      if voucherOpen {
        if block == .explicit {
          diagnostics.report(
            .warning, .recordInVoucher,
            "\(labelToken.description(in: line)) inside a voucher block; read as a record of its own",
            at: recordLocation)
        } else {
          deliverVoucher()
        }
      }
      if let record = decodeRecord(label, labelToken: labelToken, at: recordLocation) {
        emit(record, at: recordLocation)
      }
    }
    if closesBlock { closeBlock(at: recordLocation) }
  }

  // MARK: VoucherRecord blocks

  mutating func handleRow(_ row: RowView, label: SIELabel, at location: SourceLocation) {
    if voucherOpen {
      if block == .none {
        diagnostics.report(
          .warning, .missingVoucherBlock,
          "voucher has no { line; the rows that follow were taken as its body",
          at: openVoucherLocation)
        block = .implicit
      }
      sink.row(row, at: location, diagnostics: &diagnostics)
    } else {
      diagnostics.report(
        .error, .rowOutsideVoucher, "\(label.text) outside a voucher; ignored", at: location)
    }
  }

  /// Closes the voucher before (if any) and opens one at `location`; the caller then hands the
  /// header to the sink.
  mutating func startVoucher(at location: SourceLocation) {
    if voucherOpen {
      if block == .explicit {
        diagnostics.report(
          .warning, .unclosedVoucherBlock, "voucher block not closed with } before the next #VER",
          at: openVoucherLocation)
      }
      deliverVoucher()
    }
    voucherOpen = true
    openVoucherLocation = location
    block = .none
  }

  mutating func openBlock(at location: SourceLocation) {
    if voucherOpen && block == .none {
      block = .explicit
    } else {
      diagnostics.report(
        .warning, .unexpectedBrace, "{ without a #VER before it; ignored", at: location)
    }
  }

  mutating func closeBlock(at location: SourceLocation) {
    if voucherOpen && block != .none {
      deliverVoucher()
    } else {
      diagnostics.report(
        .warning, .unexpectedBrace, "} without an open voucher block; ignored", at: location)
    }
  }

  mutating func deliverVoucher() {
    guard voucherOpen else { return }
    voucherOpen = false
    sink.endVoucher(diagnostics: &diagnostics)
  }

  mutating func finishInput() {
    reportSkippedLine()
    if let error = source.readError {
      diagnostics.report(
        .error, .readFailed, "reading stopped: \(String(cString: strerror(error)))",
        at: SourceLocation(line: lineNumber + 1))
    }
    if voucherOpen {
      switch block {
      case .explicit:
        diagnostics.report(
          .error, .unclosedVoucherBlock, "the file ends inside this voucher's block",
          at: openVoucherLocation)
      case .none:
        diagnostics.report(
          .warning, .missingVoucherBlock, "voucher has no { … } block", at: openVoucherLocation)
      case .implicit:
        break
      }
      deliverVoucher()
    }
    if sawFirstRecord { checksum.finish(into: &diagnostics) }
    if !sawFirstRecord && diagnostics.count(of: .notSIEFile) == 0 {
      diagnostics.report(.error, .notSIEFile, "not an SIE file: it holds no records")
    }
    reportEncoding(at: nil)
    finished = true
  }

  /// Reports that the bytes are not code page 437, once.
  mutating func reportEncoding(at location: SourceLocation?) {
    guard !encodingReported, sawFirstRecord, encoding == .utf8 || encoding == .latin1 else {
      return
    }
    encodingReported = true
    diagnostics.report(
      .warning, .encodingMismatch,
      "the file is \(encoding.rawValue), but SIE files are code page 437 (#FORMAT PC8)",
      at: location)
  }
}

extension Token {
  /// The token's text as written, for messages.
  func description(in line: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: line[Int(start)..<Int(end)]), as: UTF8.self)
  }
}
