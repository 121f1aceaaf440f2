import Basics
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// A random year of a book: two dozen invoices in 2025 to domestic, EU and construction
/// customers, each meeting a random fate. With `settled`, every invoice is paid or credited
/// in full and every customer balance is paid back by 20 December; otherwise some stay open,
/// some are written off.
func randomBook(seed: UInt64, method: BookkeepingMethod, settled: Bool) throws -> BookTransaction {
  var random = SplitMix64(seed: seed)
  var tx = try exampleState(method: method, tolerance: sek("1.00"))
  let lastDay = d("2025-12-20")
  func day(after date: Day, within days: Int) -> Day {
    min(date.adding(days: Int.random(in: 1...days, using: &random)), lastDay)
  }
  for _ in 0..<24 {
    let customer = ["K1", "K1", "K1", "BYGG", "EU1"].randomElement(using: &random)!
    let date = d("2025-01-02").adding(days: Int.random(in: 0...300, using: &random))
    var lines = [LineInput]()
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      lines.append(
        LineInput(
          product: ["TJ", "LIV", "P100", "VARA"].randomElement(using: &random)!,
          quantity: ExactDecimal(Int.random(in: 1...5, using: &random)),
          costCentre: [nil, "100", "200"].randomElement(using: &random)!,
          project: [nil, "P1"].randomElement(using: &random)!))
    }
    let id = try tx.issue(InvoiceInput(customer: customer, invoiceDate: date, lines: lines))
    let total = tx.state.invoices[id]!.invoice.totals.total
    let fates = settled ? 0..<6 : 0..<8
    switch Int.random(in: fates, using: &random) {
    case 0:
      try tx.pay(id, amount: total, on: day(after: date, within: 40))
    case 1:
      let first = Amount(ore: total.ore * Int64.random(in: 1...9, using: &random) / 10)
      let when = day(after: date, within: 20)
      // By Swish, then by a means the book knows only by name.
      try tx.pay(id, amount: first, on: when, means: .swish)
      try tx.pay(
        id, amount: total - first, on: day(after: when, within: 30),
        means: PaymentMeans(rawValue: "factoring"))
    case 2:
      let when = day(after: date, within: 30)
      try tx.pay(id, amount: total + Amount(kronor: 50), on: when)
      try tx.refund(
        customer: customer, amount: Amount(kronor: 50), on: day(after: when, within: 10))
    case 3:
      let note = try tx.draftCreditNote(
        for: id, selection: .whole, on: day(after: date, within: 10))
      _ = try tx.attest(note, on: tx.state.invoices[note]!.invoice.invoiceDate)
    case 4:
      let when = day(after: date, within: 10)
      let note = try tx.draftCreditNote(
        for: id, selection: .lines([(line: 1, quantity: nil)]), on: when)
      _ = try tx.attest(note, on: when)
      let open = tx.state.invoices[id]!.open
      if open > .zero { try tx.pay(id, amount: open, on: day(after: when, within: 20)) }
    case 5:
      let due = tx.state.invoices[id]!.invoice.dueDate
      guard due.adding(days: 10) < lastDay else {
        try tx.pay(id, amount: total, on: day(after: date, within: 20))
        break
      }
      try tx.remind(id, on: due.adding(days: 5), fee: sek("60.00"))
      // Short by 50 öre, within the tolerance.
      try tx.pay(id, amount: total + sek("59.50"), on: due.adding(days: 9))
    case 6:
      break  // stays open
    default:
      let due = tx.state.invoices[id]!.invoice.dueDate
      if due < lastDay {
        try tx.pay(id, amount: Amount(ore: total.ore / 3), on: due)
        try tx.writeOff(id, on: lastDay)
      }
    }
  }
  return tx
}

/// A random book on disk holding only the registers, and the rest of its year in two halves of
/// events (in journal order), to be appended by the test.
func randomBookInHalves(seed: UInt64, method: BookkeepingMethod) throws -> (
  TemporaryBook, first: [Event], second: [Event]
) {
  let full = try randomBook(seed: seed, method: method, settled: false)
  let template = try exampleState(method: method, tolerance: sek("1.00"))
  let book = try TemporaryBook(method: method, tolerance: sek("1.00"))
  let events = Array(full.events.dropFirst(template.events.count))
  let half = events.count / 2
  return (book, Array(events[..<half]), Array(events[half...]))
}

/// The sum per account of a journal.
func totalsPerAccount(_ vouchers: [Voucher]) -> [String: Amount] {
  var totals = [String: Amount]()
  for voucher in vouchers {
    for row in voucher.rows { totals[row.account.text, default: .zero] += row.amount }
  }
  return totals.filter { !$0.value.isZero }
}
