import Basics
import Foundation
import Invoicing
import Ledger
import Reconcile
import SIE

/// `swift run -c release Benchmarks sie FILE... | book | pdf | export | bundle` — see BENCHMARKS.md.
@main
enum Main {
  static func main() throws {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let mode = arguments.first else { usage() }
    /// The `n`th argument after the mode; the usage, and exit status 64, if it is missing.
    func argument(_ n: Int) -> String {
      guard arguments.count > n else { usage("\(mode) needs more arguments") }
      return arguments[n]
    }
    switch mode {
    case "sie":
      for file in arguments.dropFirst() { try SIEBenchmarks.run(file: file) }
    case "bgmax":
      for file in arguments.dropFirst() { try ReconcileBenchmarks.bgmax(file: file) }
    case "camt":
      for file in arguments.dropFirst() { try ReconcileBenchmarks.camt(file: file) }
    case "read-payments":
      for _ in 0..<3 {
        for file in arguments.dropFirst() {
          _ = try PaymentFileReader.read(try FilePath.read(file))
        }
      }
    case "match":
      try ReconcileBenchmarks.matching(count: Int(arguments.dropFirst().first ?? "") ?? 1_000_000)
    case "book":
      try BookBenchmarks.importAndReplay(invoices: 100_000)
      try BookBenchmarks.replayMillion(events: 1_000_000)
    case "pdf":
      try BookBenchmarks.pdfs(count: 5_000)
    case "validate-sie":
      // Streaming validation only, repeated, for profiling.
      for _ in 0..<10 { _ = try SIEValidator.validate(path: argument(1)) }
    case "write-sie":
      // Encoding only, repeated, for profiling.
      let (document, _) = try SIEDocument.read(path: argument(1))
      for _ in 0..<10 { _ = try SIEWriter().encode(document) }
    case "sha256":
      try Self.sha256(file: argument(1))
    case "crc32":
      try Self.crc32(file: argument(1))
    case "export":
      try BookBenchmarks.export(invoices: Int(arguments.dropFirst().first ?? "") ?? 1_000_000)
    case "bundle":
      try BookBenchmarks.bundle(invoices: Int(arguments.dropFirst().first ?? "") ?? 2_000)
    case "make-book":
      guard let invoices = Int(argument(2)) else { usage("make-book: INVOICES is a number") }
      _ = try BookBenchmarks.makeBook(at: argument(1), invoices: invoices)
    case "replay-book":
      // Replay from line 1 of a book made by make-book, against sha256sum of its journal.
      var count = 0
      var kept = [Book]()  // freed after the measurement, as the command line leaves it to exit
      let replay = try Measure.best {
        kept.append(try Book.open(at: argument(1), checkpoint: .none))
        count = kept.last!.state.eventCount
      }
      let sha256sum = try Measure.program("/usr/bin/sha256sum", [argument(1) + "/journal.jsonl"])
      print(
        String(
          format: "replay from line 1: %.2f s for %d events; sha256sum %.2f s (%.1f×)", replay,
          count, sha256sum, replay / sha256sum))
    case "open-book":
      let time = try Measure.best(1) { _ = try Book.open(at: argument(1)) }
      print(String(format: "%.2f s", time))
    case "export-book":
      let book = try Book.open(at: argument(1), forWriting: true)
      let time = try Measure.best(1) {
        _ = try Exporter.export(
          ExportRequest(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!), book: book,
          to: argument(1) + "/../export-book.se", bundle: nil, today: Day(iso: "2026-01-15")!)
      }
      print(String(format: "%.2f s", time))
    case "sizes":
      print(
        "TransactionRow", MemoryLayout<TransactionRow>.stride, "Voucher",
        MemoryLayout<VoucherRecord>.stride,
        "SIERecord", MemoryLayout<SIERecord>.stride, "ObjectReference",
        MemoryLayout<ObjectReference>.stride)
    case "write-only":
      let (document, _) = try SIEDocument.read(path: argument(1))
      for _ in 0..<3 { _ = try SIEWriter().encode(document) }
    case "memory-stream", "memory-document", "memory-baseline":
      try SIEBenchmarks.memory(mode: mode, file: arguments.dropFirst().first)
    default:
      usage("unknown benchmark \(mode)")
    }
  }

  /// Prints `problem` and the usage to standard error and exits with status 64.
  static func usage(_ problem: String? = nil) -> Never {
    var text = problem.map { "Benchmarks: \($0)\n" } ?? ""
    text +=
      "usage: Benchmarks sie FILE... | bgmax FILE... | camt FILE... | read-payments FILE... | match [N] | book | pdf | sha256 FILE | crc32 FILE | export [INVOICES] | bundle [INVOICES] | make-book DIR INVOICES | replay-book DIR | open-book DIR | export-book DIR | write-sie FILE | write-only FILE | validate-sie FILE | sizes | memory-stream|memory-document|memory-baseline [FILE]\n"
    FileHandle.standardError.write(Data(text.utf8))
    exit(64)
  }

  /// CRC-32 of a file in memory, best of five (to compare builds run in turns).
  static func crc32(file: String) throws {
    let bytes = try FilePath.read(file)
    var value: UInt32 = 0
    let time = Measure.best(5) { value = CRC32.checksum(bytes) }
    print(
      "crc32 \(Measure.mebibytes(bytes.count)): \(Measure.megabytesPerSecond(bytes.count, time)) (\(String(value, radix: 16)))"
    )
  }

  /// SHA-256 of a file in memory, against `sha256sum` on the same file in the same run.
  static func sha256(file: String) throws {
    let bytes = try FilePath.read(file)
    var digest = ""
    let ours = Measure.best(3) { digest = SHA256.hex(bytes) }
    let theirs = try Measure.program("/usr/bin/sha256sum", [file])
    print(
      "sha256 \(Measure.mebibytes(bytes.count)): \(Measure.megabytesPerSecond(bytes.count, ours)), "
        + "sha256sum \(Measure.megabytesPerSecond(bytes.count, theirs)), ratio \(String(format: "%.2f", ours / theirs))× (\(digest.prefix(12))…)"
    )
  }
}
