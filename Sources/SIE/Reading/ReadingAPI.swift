import Basics

extension SIEValidator {
  /// Validates a file while streaming it: memory stays constant whatever its size.
  public static func validate(path: String, options: ValidationOptions = ValidationOptions())
    throws(FileError) -> ValidationReport
  {
    try validate(path: path, options: options, chunkSize: 1 << 20)
  }

  /// Validates a file read in chunks of `chunkSize` bytes, the lines parsed for the fast path
  /// as they are read unless told otherwise (tests cut the file into small chunks and compare).
  static func validate(
    path: String, options: ValidationOptions, chunkSize: Int, parsingAhead: Bool = true,
    fastPath: Bool = true
  ) throws(FileError) -> ValidationReport {
    let file = try OpenFile(path: path)
    let source = LineSource(
      descriptor: file.descriptor, chunkSize: chunkSize, parsing: parsingAhead)
    return withExtendedLifetime(file) { run(source, options: options, fastPath: fastPath) }
  }

  /// Validates what `descriptor` reads until its end: a pipe, say, that another thread or
  /// process writes a file into as it makes it. The descriptor stays open (the caller's to
  /// close); a read that fails ends the file with a diagnostic, as for
  /// ``validate(path:options:)``.
  ///
  /// - Parameter othersBusy: whether the caller keeps the machine's cores busy meanwhile (an
  ///   export that writes a file while it is validated): the reading thread and the validator
  ///   then wait for each other asleep, instead of watching for a while first, which takes a
  ///   core from the work they wait for.
  public static func validate(
    descriptor: Int32, options: ValidationOptions = ValidationOptions(), othersBusy: Bool = false
  ) -> ValidationReport {
    run(
      LineSource(descriptor: descriptor, chunkSize: 1 << 20, parsing: true, watching: !othersBusy),
      options: options)
  }

  /// Validates bytes in memory.
  public static func validate(
    bytes: some Collection<UInt8>, options: ValidationOptions = ValidationOptions()
  ) -> ValidationReport {
    validate(bytes: bytes, options: options, fastPath: true)
  }

  /// Validates bytes in memory, with or without the fast path (tests compare the two).
  static func validate(bytes: some Collection<UInt8>, options: ValidationOptions, fastPath: Bool)
    -> ValidationReport
  {
    LineSource.withContiguousBytes(of: bytes) {
      run(LineSource(borrowing: $0), options: options, fastPath: fastPath)
    }
  }

  private static func run(_ source: LineSource, options: ValidationOptions, fastPath: Bool = true)
    -> ValidationReport
  {
    var core = ParserCore(
      source: source, strict: options.strict, sink: SIEValidator(options: options))
    core.fastPath = fastPath
    defer { core.deallocate() }
    core.run()
    var validator = core.sink
    return validator.finish(from: &core)
  }

  /// Finishes with the facts of the engine that read the file.
  mutating func finish<Sink>(from core: inout ParserCore<Sink>) -> ValidationReport {
    summary.lines = core.lineNumber
    summary.bytes = core.source.bytesConsumed
    return finish(
      encoding: core.encoding, checksum: core.checksum.status, diagnostics: &core.diagnostics)
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
    let file = try OpenFile(path: path)
    let source = LineSource(descriptor: file.descriptor, chunkSize: 1 << 20)
    return withExtendedLifetime(file) { read(source, options: options) }
  }

  /// Reads and validates bytes in memory.
  public static func read(
    bytes: some Collection<UInt8>, options: ValidationOptions = ValidationOptions()
  ) -> (document: SIEDocument, report: ValidationReport) {
    LineSource.withContiguousBytes(of: bytes) {
      read(LineSource(borrowing: $0), options: options)
    }
  }

  private static func read(_ source: LineSource, options: ValidationOptions)
    -> (document: SIEDocument, report: ValidationReport)
  {
    var core = ParserCore(
      source: source, strict: options.strict,
      sink: DocumentCollector(validator: SIEValidator(options: options)))
    defer { core.deallocate() }
    core.run()
    var validator = core.sink.validator
    let records = core.sink.records
    core.sink.records = []
    let report = validator.finish(from: &core)
    return (SIEDocument(records: records).inGroupOrder(), report)
  }
}
