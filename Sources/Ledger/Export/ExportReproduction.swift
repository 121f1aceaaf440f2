import Basics
import Invoicing
import SIE
import Zip

extension BookLedger {
  /// What a recorded export wrote, rebuilt from the journal alone: its vouchers posted again
  /// with the account map it froze, and the SIE file and bundle made from them. The kept copies
  /// in `exports/` are not read, so comparing the two proves that the book still explains every
  /// byte it exported.
  public struct Reproduction: Sendable {
    public var record: ExportRecord
    /// The SIE file's bytes.
    public var file: [UInt8]
    /// The bundle's bytes, when the export made one.
    public var bundle: [UInt8]?
  }

  /// Rebuilds export `number` (1-based, as recorded) from the journal.
  ///
  /// - Parameter documents: the book's `documents/` directory, read for attachments.
  public func reproduce(export number: Int, documents: String) throws -> Reproduction {
    let runs = try exportedVouchers()
    guard let position = runs.firstIndex(where: { $0.record.number == number }) else {
      throw LedgerError(
        .noSuchExport, .export(number), "export \(number) is not recorded in this book")
    }
    let run = runs[position]
    let record = run.record
    let request = ExportRequest(
      from: record.from, to: record.to, type: record.type, profile: record.profile,
      summarization: record.summarization)
    let year = state.settings.fiscalYear(containing: record.from)
    var fileVouchers = run.vouchers
    var opening = [AccountNumber: Amount]()
    if record.type == .type4E {
      (fileVouchers, opening) = Self.history(
        before: runs[..<position].lazy.flatMap(\.vouchers), year: year, adding: run.vouchers)
    }
    let plan = ExportPlan(
      request: request, vouchers: run.vouchers, sources: run.sources, fileVouchers: fileVouchers,
      openingBalances: opening, fiscalYear: year, record: record, waiting: 0)
    let file = try SIEExport.encode(plan, state: state)
    var bundle: [UInt8]?
    if record.bundleHash != nil {
      let entries = ExportBundle.entries(vouchers: run.vouchers, sources: run.sources, state: state)
      bundle = try ExportBundle.write(
        entries, state: state, documents: documents, date: record.generated,
        edition: record.map.edition, to: ZipMemoryOutput()
      ).bytes
    }
    return Reproduction(record: record, file: file, bundle: bundle)
  }

  /// A 4E file's vouchers (the fiscal year's earlier exported vouchers, then `adding`) and its
  /// opening balances (every balance-account row exported before the year).
  static func history(
    before earlier: some Sequence<Voucher>, year: FiscalPeriod, adding vouchers: VoucherList
  ) -> (vouchers: VoucherList, opening: [AccountNumber: Amount]) {
    var opening = [AccountNumber: Amount]()
    var file = VoucherList()
    for voucher in earlier {
      if voucher.date < year.start {
        for row in voucher.rows where AccountMap.isBalanceAccount(row.account) {
          opening[row.account, default: .zero] += row.amount
        }
      } else if year.contains(voucher.date) {
        file.append(voucher)
      }
    }
    // Nothing earlier in the year: the list is shared, not copied.
    guard !file.isEmpty else { return (vouchers, opening) }
    for voucher in vouchers { file.append(voucher) }
    return (file, opening)
  }
}
