import Basics
import Invoicing
import SIE

/// Writes an export's vouchers as an SIE 4 file: header, `#RAR`, `#KONTO` for the accounts
/// used, `#DIM` and `#OBJEKT` for the cost centres (dimension 1) and projects (dimension 6)
/// used, for 4E the balances, then the vouchers. The file must pass strict validation and the
/// receiver's profile, or it is not written.
public enum SIEExport {
  /// The program named in `#PROGRAM`: this release (an export repeated or rebuilt later names
  /// the release that first made it, which its record keeps).
  public static let program = Program(name: "sietool", version: Release.version)

  /// The SIE document of a plan.
  public static func document(_ plan: ExportPlan, state: BookState) -> SIEDocument {
    var document = header(plan, state: state)
    for place in plan.fileVouchers.indices {
      document.records.append(.voucher(sieVoucher(in: plan.fileVouchers, at: place)))
    }
    return document
  }

  /// The records of a plan's file before its vouchers.
  static func header(_ plan: ExportPlan, state: BookState) -> SIEDocument {
    // The company as it was when the export was made.
    let settings = plan.record.settingsIndex.map { state.settingsHistory[$0] } ?? state.settings
    let request = plan.request
    var records: [SIERecord] = [
      .flag(0), .program(Program(name: program.name, version: plan.record.programVersion)),
      .format("PC8"),
      .generated(Generation(date: plan.record.generated)), .sieType(4),
      .prose("Kundreskontra \(request.from.iso) - \(request.to.iso)"),
      .organizationNumber(OrganizationNumberRecord(settings.organizationNumber)),
    ]
    if !settings.address.isEmpty {
      let address = settings.address
      records.append(
        .address(
          Address(
            street: address.street, postal: "\(address.postalCode) \(address.city)".trimmingBlanks,
            phone: settings.phone ?? "")))
    }
    records.append(.companyName(settings.name))
    records.append(
      .fiscalYear(FiscalYear(index: 0, start: plan.fiscalYear.start, end: plan.fiscalYear.end)))
    // The chart: the accounts used, and the objects used.
    var usedAccounts = DistinctValues<AccountNumber>()
    var usedCostCentres = DistinctValues<String>()
    var usedProjects = DistinctValues<String>()
    for row in plan.fileVouchers.allRows {
      usedAccounts.insert(row.account)
      if let code = row.costCentre { usedCostCentres.insert(code) }
      if let code = row.project { usedProjects.insert(code) }
    }
    var accounts = usedAccounts.set
    let costCentres = usedCostCentres.set
    let projects = usedProjects.set
    for account in plan.openingBalances.keys { accounts.insert(account) }
    // A 4E file needs a chart even for a period with nothing to book: the receivables account
    // of the mapping the export used. (A 4I file may be empty, and earlier exports were.)
    if accounts.isEmpty && request.type == .type4E {
      accounts.insert(plan.record.map.accounts.receivables)
    }
    for account in accounts.sorted() {
      records.append(
        .account(Account(number: account, name: plan.record.map.name(of: account))))
    }
    if !costCentres.isEmpty {
      records.append(.dimension(Dimension(number: 1, name: "Kostnadsställe")))
    }
    if !projects.isEmpty { records.append(.dimension(Dimension(number: 6, name: "Projekt"))) }
    for code in costCentres.sorted() {
      records.append(
        .object(
          DimensionObject(dimension: 1, code: code, name: state.costCentres[code]?.name ?? code)))
    }
    for code in projects.sorted() {
      records.append(
        .object(DimensionObject(dimension: 6, code: code, name: state.projects[code]?.name ?? code))
      )
    }
    if request.type == .type4E { records += balances(plan, accounts: accounts) }
    return SIEDocument(records: records)
  }

  /// `#IB`, `#UB` for balance accounts and `#RES` for result accounts, year 0.
  static func balances(_ plan: ExportPlan, accounts: Set<AccountNumber>) -> [SIERecord] {
    var movement = [AccountNumber: Amount]()
    for row in plan.fileVouchers.allRows { movement[row.account, default: .zero] += row.amount }
    var records = [SIERecord]()
    for account in accounts.sorted() {
      let number = account
      if AccountMap.isBalanceAccount(account) {
        let opening = plan.openingBalances[account] ?? .zero
        records.append(.balance(Balance(.opening, year: 0, account: number, amount: opening)))
        records.append(
          .balance(
            Balance(
              .closing, year: 0, account: number, amount: opening + (movement[account] ?? .zero))))
      } else {
        records.append(
          .balance(Balance(.result, year: 0, account: number, amount: movement[account] ?? .zero)))
      }
    }
    return records
  }

  /// The voucher at `place` in `list` as an SIE `#VER`, read from the list's columns.
  static func sieVoucher(in list: VoucherList, at place: Int) -> VoucherRecord {
    let date = list.date(at: place)
    let range = list.rowRange(at: place)
    var rows = [TransactionRow]()
    rows.reserveCapacity(range.count)
    for row in range { rows.append(transactionRow(list.allRows[row])) }
    return VoucherRecord(
      series: list.series(at: place), number: String(list.number(at: place)), date: date,
      text: list.text(at: place), registrationDate: date, rows: rows)
  }

  /// A voucher row as an SIE `#TRANS`.
  private static func transactionRow(_ row: VoucherRow) -> TransactionRow {
    TransactionRow(
      account: row.account, objects: objects(of: row), amount: row.amount, text: row.text ?? "")
  }

  /// A row's cost centre (dimension 1) and project (dimension 6) as SIE objects.
  private static func objects(of row: VoucherRow) -> [ObjectReference] {
    var objects = [ObjectReference]()
    if let code = row.costCentre { objects.append(ObjectReference(dimension: 1, code: code)) }
    if let code = row.project { objects.append(ObjectReference(dimension: 6, code: code)) }
    return objects
  }

  /// The file's bytes, checked: strict validation as the chosen type, and the receiver's
  /// profile. The vouchers are written and checked one at a time, never held as a document.
  public static func encode(_ plan: ExportPlan, state: BookState) throws(LedgerError) -> [UInt8] {
    let header = header(plan, state: state)
    var check = ReceiverProfile.Check(plan.request.profile, header: header)
    let output: SIEWriter.Output
    do {
      // About 150 bytes a voucher; written into the output's array while they fit.
      output = try SIEVoucherStream.encode(
        header: header, options: writingOptions,
        estimatedBytes: (1 << 16) + plan.fileVouchers.count * 192
      ) { stream in
        writeVouchers(plan, to: stream, checking: &check)
      }
    } catch {
      throw LedgerError(.exportNotEncodable, .none, "\(error)")
    }
    let report = SIEValidator.validate(bytes: output.bytes, options: validationOptions(plan))
    try accept(report, check, plan)
    return output.bytes
  }

  /// Writes the file to `outputs` (their temporary files) in pieces as its vouchers are made,
  /// so that it is never held whole, and checks it as ``encode(_:state:)`` does, validating
  /// the pieces on a thread of their own as they go to the outputs. Its size and SHA-256
  /// (hex), worked out on another core as the pieces are written. On an error the outputs
  /// hold a file that must not be published.
  static func write(_ plan: ExportPlan, state: BookState, to outputs: [AtomicFileWriter])
    throws -> (count: Int, hash: String)
  {
    let header = header(plan, state: state)
    var check = ReceiverProfile.Check(plan.request.profile, header: header)
    let validation = try ValidatingPipe(options: validationOptions(plan))
    // Written once and not read again here: the page cache reuses its pages as it goes.
    for output in outputs { output.dropsWrittenPages = true }
    let pipeline = PipelinedOutput(outputs, validating: validation)
    let stream = SIEVoucherStream(
      header: header, options: writingOptions, estimatedBytes: pieceSize + (1 << 16))
    writeVouchers(plan, to: stream, checking: &check) {
      if stream.pendingByteCount >= pieceSize { stream.drain { pipeline.write($0) } }
    }
    let last: SIEWriter.Output
    do {
      last = try stream.finish()
    } catch {
      throw LedgerError(.exportNotEncodable, .none, "\(error)")
    }
    pipeline.write(last.bytes)
    let hash = try pipeline.finish()
    // Every piece is in the pipe: the validator finishes while the outputs go to disk.
    let report = validation.finish()
    try pipeline.synced()
    try accept(report, check, plan)
    return (pipeline.count, hash)
  }

  /// Writes the plan's vouchers to `stream` one at a time, each checked for the receiver as
  /// it is written; `written` runs after each.
  private static func writeVouchers(
    _ plan: ExportPlan, to stream: SIEVoucherStream, checking check: inout ReceiverProfile.Check,
    written: () -> Void = {}
  ) {
    let list = plan.fileVouchers
    // Written and checked from the columns, without making a record of each voucher (the same
    // bytes, the same findings).
    // Rows with objects mostly repeat those of the last row with any: they are kept (rows
    // without any, in between, take the empty list, which is not made).
    var shared = (costCentre: String?.none, project: String?.none, objects: [ObjectReference]())
    let series = list.seriesNames
    var heads = [VoucherList.Head]()
    heads.reserveCapacity(headsRead)
    for start in stride(from: 0, to: list.count, by: headsRead) {
      list.readHeads(of: start..<min(start + headsRead, list.count), into: &heads)
      for head in heads {
        list.withText(in: head.text) {
          stream.beginVoucher(
            series: series[head.series], number: head.number, date: head.date, text: $0,
            registrationDate: head.date)
          check.add(
            series: series[head.series], number: head.number, date: head.date, text: $0,
            imbalance: head.imbalance, rows: CheckedRows(rows: list.allRows, range: head.rows))
        }
        for index in head.rows {
          let row = list.allRows[index]
          let (costCentre, project) = (row.costCentre, row.project)
          let none = costCentre == nil && project == nil
          if !none && (costCentre != shared.costCentre || project != shared.project) {
            shared = (costCentre, project, objects(of: row))
          }
          stream.writeRow(
            account: row.account, objects: none ? [] : shared.objects, amount: row.amount,
            text: row.text ?? "")
        }
        stream.endVoucher()
        written()
      }
    }
  }

  /// The account and text of each row of a voucher, read only by a receiver that looks at
  /// them.
  private struct CheckedRows: Sequence, IteratorProtocol {
    let rows: ChunkedLog<VoucherRow>
    var range: Range<Int>

    mutating func next() -> (account: AccountNumber, text: String)? {
      guard let index = range.popFirst() else { return nil }
      let row = rows[index]
      return (row.account, row.text ?? "")
    }
  }

  /// How many vouchers' heads ``writeVouchers(_:to:checking:written:)`` reads at a time: their
  /// rows stay in the processor's cache until they are written.
  static let headsRead = 256

  /// The size of the pieces ``write(_:state:to:)`` hands to the outputs.
  static let pieceSize = 1 << 20

  static let writingOptions = SIEWriter.Options(transliterate: true)

  static func validationOptions(_ plan: ExportPlan) -> ValidationOptions {
    ValidationOptions(type: plan.request.type, strict: true, fileName: "export")
  }

  /// Refuses a file that fails strict validation or the receiver's profile.
  private static func accept(
    _ report: ValidationReport, _ check: ReceiverProfile.Check, _ plan: ExportPlan
  ) throws(LedgerError) {
    if !report.isValid {
      let problems = report.diagnostics.prefix(5).map { "  \($0.message)" }.joined(separator: "\n")
      throw LedgerError(
        .exportInvalid, .period(plan.request.from, plan.request.to),
        "the export does not pass strict validation:\n\(problems)")
    }
    let findings = check.findings.filter { $0.diagnostic.severity == .error }
    if !findings.isEmpty {
      let problems = findings.prefix(5).map { "  \($0.diagnostic.message)" }.joined(separator: "\n")
      throw LedgerError(
        .exportRefusedByReceiver, .period(plan.request.from, plan.request.to),
        "the export would be refused by \(plan.request.profile.rawValue):\n\(problems)")
    }
  }
}
