import Basics
import Foundation
import Invoicing
import SIE
import TestSupport
import Testing

@testable import Ledger

/// The committed books of every journal format (`Tests/Fixtures/Books/`), made by the release
/// of their day with `make-vN.sh`: each is opened by today's code, and every export it records
/// is rebuilt from its journal and repeated, byte for byte as first written. The fixtures never
/// change; a new format adds its own.
@Suite struct FixtureBookTests {
  static let root = PackagePaths.fixture("Books")

  /// The books, and the file each export wrote (in export order).
  static let books: [(name: String, exports: [String])] = [
    ("v1-cash", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
    ("v1-accrual", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
    ("v2-cash", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
    ("v2-accrual", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
    ("v3-cash", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
    ("v3-accrual", ["2025Q1", "2025Q2", "2025H2", "2026Q1"]),
  ]

  /// A copy of a fixture book in a temporary directory (the fixture itself is never written).
  static func copy(_ name: String) throws -> (directory: String, book: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sietool-fixture-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: root + "/" + name + "/book", toPath: directory + "/book")
    return (directory, directory + "/book")
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test(arguments: books.map(\.name))
  func rebuildsEveryExportFromTheJournal(name: String) throws {
    let exports = Self.books.first { $0.name == name }!.exports
    let (directory, path) = try Self.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let book = try Book.open(at: path)
    let ledger = try BookLedger(state: book.state)
    #expect(ledger.records.map(\.number) == Array(1...exports.count))
    for (index, file) in exports.enumerated() {
      let rebuilt = try ledger.reproduce(
        export: index + 1, documents: path + "/" + Book.documentsDirectory)
      let fixture = Self.root + "/" + name + "/" + file
      #expect(rebuilt.file == (try Self.bytes(fixture + ".se")), "\(name) \(file).se")
      #expect(rebuilt.bundle == (try Self.bytes(fixture + ".zip")), "\(name) \(file).zip")
    }
  }

  @Test(arguments: books.map(\.name))
  func repeatsEveryExportByteIdentically(name: String) throws {
    let exports = Self.books.first { $0.name == name }!.exports
    let (directory, path) = try Self.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let book = try Book.open(at: path, forWriting: true)
    for record in try BookLedger(state: book.state).records {
      let file = exports[record.number - 1]
      let result = try Exporter.export(
        ExportRequest(
          from: record.from, to: record.to, type: record.type, profile: record.profile,
          summarization: record.summarization),
        book: book, to: directory + "/out.se", bundle: directory + "/out.zip",
        today: Day(iso: "2030-01-01")!)
      #expect(result.isRepeat)
      let fixture = Self.root + "/" + name + "/" + file
      #expect(try Self.bytes(directory + "/out.se") == (try Self.bytes(fixture + ".se")))
      #expect(try Self.bytes(directory + "/out.zip") == (try Self.bytes(fixture + ".zip")))
    }
  }

  /// A new export on a book of an earlier format records spans (format 4) after the records of
  /// the book's own format; the book then reads both, and rebuilds the new export as written.
  @Test(arguments: books.map(\.name))
  func aNewExportRecordsSpansBesideEarlierRecords(name: String) throws {
    let (directory, path) = try Self.copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var book: Book? = try Book.open(at: path, forWriting: true)
    try book!.transact { tx in
      let id = try tx.draft(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2026-04-10"),
          lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))]))
      _ = try tx.attest(id, on: d("2026-04-10"))
      try tx.pay(id, amount: Amount(kronor: 2500), on: d("2026-04-20"))
    }
    let result = try Exporter.export(
      ExportRequest(from: d("2026-04-01"), to: d("2026-06-30")), book: book!,
      to: directory + "/q2.se", bundle: nil, today: d("2030-01-01"))
    // The invoice (accrual) and the payment.
    #expect(result.voucherCount == (name.hasSuffix("accrual") ? 2 : 1))
    book = nil
    let journal = String(decoding: try Self.bytes(path + "/journal.jsonl"), as: UTF8.self)
    let last = journal.split(separator: "\n").last!
    #expect(last.hasPrefix("{\"v\":4,") && last.contains("\"bookedSpans\":"))
    let reopened = try Book.open(at: path)
    let ledger = try BookLedger(state: reopened.state)
    #expect(ledger.records.map { $0.spans != nil } == [false, false, false, false, true])
    #expect(ledger.records.last?.activities == result.record.activities)
    #expect(try ledger.exportedVouchers().last?.vouchers == result.vouchers)
    let rebuilt = try ledger.reproduce(
      export: 5, documents: path + "/" + Book.documentsDirectory)
    #expect(rebuilt.file == (try Self.bytes(directory + "/q2.se")))
  }

  /// Format 1 named what an export booked by position; format 2 by journal line and place, and
  /// records the release in `#PROGRAM`.
  @Test(arguments: [("v1-cash", 1), ("v2-cash", 2)])
  func exportRecordsNameWhatTheyBookedByTheirFormat(name: String, format: Int) throws {
    let journal = String(
      decoding: try Self.bytes(Self.root + "/" + name + "/book/journal.jsonl"), as: UTF8.self)
    let exports = journal.split(separator: "\n").filter { $0.contains("\"ledgerExported\"") }
    #expect(exports.count == 4)
    for line in exports {
      #expect(line.contains("\"booked\":") == (format == 2))
      #expect(line.contains("\"activities\":") == (format == 1))
      #expect(line.contains("\"program\":") == (format == 2))
    }
  }
}
