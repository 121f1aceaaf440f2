import Basics

/// Writes SIE 4 files in the canonical form: code page 437, CRLF, records in group order, one
/// space between fields, codes and numbers bare, free texts quoted with `\"` escapes, `""` for
/// empty fields before a filled one, amounts with two decimals, optionally `#KSUMMA`.
///
/// The same document always gives the same bytes, and reading them back gives the document
/// again (see ``SIEDocument/completedForWriting()``).
///
/// ```swift
/// let output = try SIEWriter(options: .init(checksum: true)).encode(document)
/// try AtomicFile.write(output.bytes, to: "FAKT.SI")
/// ```
public struct SIEWriter: Sendable {
  public struct Options: Sendable {
    /// Write `#KSUMMA` (SIE §10).
    public var checksum: Bool
    /// Replace characters code page 437 lacks (`€` → `EUR`) instead of failing.
    public var transliterate: Bool

    public init(checksum: Bool = false, transliterate: Bool = false) {
      self.checksum = checksum
      self.transliterate = transliterate
    }
  }

  /// The bytes written and the texts that had to change to be written.
  public struct Output: Sendable {
    public var bytes: [UInt8]
    /// Warnings for texts written differently (control characters, transliteration).
    public var changes: [Diagnostic]
    /// The `#KSUMMA` written, if any.
    public var checksum: UInt32?
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Encodes `document`.
  ///
  /// - Throws: ``SIEWriteError`` listing every character code page 437 lacks (unless
  ///   transliterating) with its place; nothing is written then.
  public func encode(_ document: SIEDocument) throws(SIEWriteError) -> Output {
    // The whole document as the header of a stream with no more vouchers: written straight
    // into the array returned when the estimate holds (no copy).
    try SIEVoucherStream.encode(
      header: document, options: options, estimatedBytes: document.estimatedSize
    ) { _ in }
  }

  /// Encodes `document` and writes it to `path` atomically (a temporary file, then rename).
  @discardableResult
  public func write(_ document: SIEDocument, toPath path: String) throws -> Output {
    let output = try encode(document)
    try AtomicFile.write(output.bytes, to: path)
    return output
  }
}

/// The document could not be written; every problem is listed.
public struct SIEWriteError: CodedError, Sendable {
  public var problems: [Diagnostic]
  public var codeName: String { "sie-not-writable" }
  public var subject: ErrorSubject { .none }
  public var message: String { description }

  public var description: String {
    let shown = problems.prefix(20).map { "  " + $0.message }
    let more = problems.count > 20 ? ["  … and \(problems.count - 20) more"] : []
    return "cannot write the SIE file:\n" + (shown + more).joined(separator: "\n")
  }
}

extension SIEDocument {
  /// About how many bytes the writer makes of the document: 64 per record and 48 per row,
  /// rather more than most files need (only the part written is touched).
  var estimatedSize: Int {
    var size = 4096
    for index in records.indices {
      size += 64
      if case .voucher(let voucher) = records[index] { size += 48 * voucher.rows.count }
    }
    return size
  }

  /// The document as the writer writes it: records in group order, `#FLAGGA` present
  /// (`0` when missing) and `#FORMAT PC8`. Reading a written file gives exactly this.
  public func completedForWriting() -> SIEDocument {
    let ordered = inGroupOrder()
    // A document that has both (the usual case) is written as it is: changing a copy of its
    // records would copy every one of them.
    var hasFlag = false
    var hasPC8 = false
    // In group order, #FLAGGA and #FORMAT come before the chart of accounts.
    for index in ordered.records.indices {
      if ordered.records[index].label?.group ?? .flag > .identification { break }
      switch ordered.records[index] {
      case .flag: hasFlag = true
      case .format(let value, _): hasPC8 = value == "PC8"
      default: break
      }
    }
    if hasFlag && hasPC8 { return ordered }
    var records = ordered.records
    if !records.contains(where: { $0.label == .flagga }) {
      records.insert(.flag(0), at: 0)
    }
    if let index = records.firstIndex(where: { $0.label == .format }) {
      if case .format(let value, let extra) = records[index], value != "PC8" {
        records[index] = .format("PC8", extra: extra)
      }
    } else {
      let afterProgram = records.firstIndex { $0.label == .program }.map { $0 + 1 }
      let firstIdentification = records.firstIndex { $0.label.map { $0.group > .flag } ?? false }
      records.insert(.format("PC8"), at: afterProgram ?? firstIdentification ?? records.count)
    }
    return SIEDocument(records: records)
  }
}
