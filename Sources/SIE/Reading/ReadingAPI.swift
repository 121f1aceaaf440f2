import Invoicing

extension SIEValidator {
  /// Validates a file while streaming it: memory stays constant whatever its size.
  public static func validate(path: String, options: ValidationOptions = ValidationOptions())
    throws(FileError) -> ValidationReport
  {
    let reader = try SIEReader(path: path, options: SIEReader.Options(strict: options.strict))
    var validator = SIEValidator(options: options)
    return validator.run(reader) { _ in }
  }

  /// Validates bytes in memory.
  public static func validate(
    bytes: some Collection<UInt8>, options: ValidationOptions = ValidationOptions()
  ) -> ValidationReport {
    let reader = SIEReader(bytes: bytes, options: SIEReader.Options(strict: options.strict))
    var validator = SIEValidator(options: options)
    return validator.run(reader) { _ in }
  }

  /// Feeds every record of `reader` to the validator and to `body`, then finishes.
  mutating func run(_ reader: SIEReader, _ body: (SIERecord) -> Void) -> ValidationReport {
    while let record = reader.next() {
      check(
        record, at: reader.location, rowLocations: reader.rowLocations,
        diagnostics: &reader.diagnostics)
      body(record)
    }
    summary.lines = reader.lineNumber
    summary.bytes = reader.bytesRead
    return finish(
      encoding: reader.encoding, checksum: reader.checksum, diagnostics: &reader.diagnostics)
  }
}

extension SIEDocument {
  /// Reads and validates a whole file into memory.
  ///
  /// - Returns: the document, its records in group order, and the validation report.
  /// - Throws: ``FileError`` when the file cannot be opened; everything else is reported.
  public static func read(path: String, options: ValidationOptions = ValidationOptions())
    throws(FileError) -> (document: SIEDocument, report: ValidationReport)
  {
    let reader = try SIEReader(path: path, options: SIEReader.Options(strict: options.strict))
    return read(reader, options: options)
  }

  /// Reads and validates bytes in memory.
  public static func read(
    bytes: some Collection<UInt8>, options: ValidationOptions = ValidationOptions()
  ) -> (document: SIEDocument, report: ValidationReport) {
    read(
      SIEReader(bytes: bytes, options: SIEReader.Options(strict: options.strict)), options: options)
  }

  private static func read(_ reader: SIEReader, options: ValidationOptions)
    -> (document: SIEDocument, report: ValidationReport)
  {
    var records = [SIERecord]()
    var validator = SIEValidator(options: options)
    let report = validator.run(reader) { records.append($0) }
    return (SIEDocument(records: records).inGroupOrder(), report)
  }
}
