import Basics
import Foundation
import Invoicing
import Reconcile

/// Reading payment files and matching payments, against baselines in the same run.
enum ReconcileBenchmarks {
  /// BgMax reading (the file from `gen_bgmax.py`), against `cat` of the same bytes.
  static func bgmax(file: String) throws {
    let size = Measure.fileSize(file)
    let bytes = try FilePath.read(file)
    print("## BgMax: \(file) (\(Measure.mebibytes(size)))")
    let cat = try Measure.program("/bin/cat", [file])
    print(
      "cat (baseline):                 \(String(format: "%.3f", cat)) s  \(Measure.megabytesPerSecond(size, cat))"
    )
    var payments = 0
    let read = try Measure.best {
      payments = try BgMaxReader.read(bytes).deposits.reduce(0) { $0 + $1.payments.count }
    }
    print(
      "BgMax read + totals checked:    \(String(format: "%.3f", read)) s  \(Measure.megabytesPerSecond(size, read))  (\(payments) payments)"
    )
    print("")
  }

  /// camt.054 reading (the file from `gen_camt054.py`), against `xmllint --stream --noout`.
  static func camt(file: String) throws {
    let size = Measure.fileSize(file)
    let bytes = try FilePath.read(file)
    print("## camt.054: \(file) (\(Measure.mebibytes(size)))")
    let xmllint = try Measure.program("/usr/bin/xmllint", ["--stream", "--noout", file])
    print(
      "xmllint --stream --noout (baseline): \(String(format: "%.3f", xmllint)) s  \(Measure.megabytesPerSecond(size, xmllint))"
    )
    var payments = 0
    let read = try Measure.best {
      payments = try CamtReader.read(bytes).deposits.reduce(0) { $0 + $1.payments.count }
    }
    print(
      "camt.054 read:                        \(String(format: "%.3f", read)) s  \(Measure.megabytesPerSecond(size, read))  (\(payments) payments; \(String(format: "%.2f", read / xmllint))× xmllint)"
    )
    print("")
  }

  /// Matching `count` payments against `count` open invoices: a third with the OCR, a third
  /// with the invoice number in text, a third by amount only.
  static func matching(count: Int) throws {
    print("## Matching \(count) payments against \(count) open invoices")
    let scheme = OCRScheme(lengthDigit: true)
    let day = Day(iso: "2025-04-05")!
    var items = [OpenItem]()
    items.reserveCapacity(count)
    var random = SystemRandomNumberGenerator()
    for index in 0..<count {
      let number = 100_000 + index
      items.append(
        OpenItem(
          id: index + 1, number: number, customer: "K\(index % 50_000)",
          open: Amount(ore: Int64.random(in: 10_000...10_000_000, using: &random)),
          ocr: scheme.reference(for: number), dueDate: day, invoiceDate: day))
    }
    let finder = ReferenceFinder(scheme: scheme, invoiceNumbers: 100_000...(100_000 + count))
    let build = Measure.best(1) { _ = MatchingEngine(openItems: items) }
    let engine = MatchingEngine(openItems: items)
    var payments = [PaymentToMatch]()
    payments.reserveCapacity(count)
    let clues = Measure.best(1) {
      payments.removeAll(keepingCapacity: true)
      for (index, item) in items.enumerated() {
        var bank = BankPayment(id: "p\(index)", amount: item.open, currency: "SEK", date: day)
        switch index % 3 {
        case 0: bank.reference = PaymentReference(text: item.ocr!, quality: .structured)
        case 1:
          bank.reference = PaymentReference(text: "faktura \(item.number)", quality: .freeText)
        default: break
        }
        payments.append(
          PaymentToMatch(id: bank.id, amount: bank.amount, date: day, clues: finder.clues(in: bank))
        )
      }
    }
    var decisions = [Decision]()
    let decide = Measure.best(1) { decisions = engine.decide(payments) }
    let applied = decisions.filter { $0.applied != nil }.count
    print(String(format: "index the open items:      %.2f s", build))
    print(String(format: "find the references' clues: %.2f s", clues))
    print(String(format: "decide:                    %.2f s  (%d applied)", decide, applied))
    print(String(format: "total:                     %.2f s", build + clues + decide))
    print("peak memory (whole process): \(Measure.mebibytes(Measure.peakMemory()))")
    print("")
  }
}
