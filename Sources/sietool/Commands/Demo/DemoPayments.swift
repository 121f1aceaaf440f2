import Basics
import Invoicing
import Reconcile

/// The demo's payment file: four payments on 2025-12-15 for invoices still open — an exact
/// OCR, a wrong check digit with the invoice number in the text, an overpayment, and one
/// nobody can place — imported, the queue shown, the suggestion matched by hand.
enum DemoPayments {
  static let day = Day(iso: "2025-12-15")!

  static func run(_ book: Book, directory: String, console: Console) throws {
    let open = book.state.allInvoices.filter {
      $0.invoice.kind == .invoice && $0.state != .draft && !$0.state.isFinal && $0.open > .zero
        && $0.invoice.currency == "SEK"
    }
    guard open.count >= 3 else { return }
    let scheme = book.state.settings.ocr
    var writer = BgMaxWriter(
      bankgiro: book.state.settings.bankgiro ?? "9912346", created: "20251215060000000000")
    let exact = open[0]
    writer.add(.init(amount: exact.open, reference: exact.invoice.ocr ?? ""), on: day)
    let misTyped = open[1]
    var wrong = Array(misTyped.invoice.ocr ?? "1")
    wrong[wrong.count - 1] =
      wrong.last == "9" ? "0" : Character(String((Int(String(wrong.last!)) ?? 0) + 1))
    writer.add(
      .init(
        amount: misTyped.open, reference: String(wrong), referenceCode: 3,
        texts: ["Faktura \(misTyped.invoice.number ?? 0)"]), on: day)
    let overpaid = open[2]
    writer.add(
      .init(
        amount: overpaid.open + Amount(kronor: 100),
        reference: scheme.reference(for: overpaid.invoice.number ?? 0)),
      on: day)
    writer.add(
      .init(amount: Amount(ore: 77_777), referenceCode: 0, payerName: "Okänd Betalare"), on: day)
    let path = FilePath.join(directory, "bgmax-2025-12-15.txt")
    try AtomicFile.write(writer.bytes(), to: path)
    let plan = try PaymentImport.plan([.init(name: path, bytes: writer.bytes())], book: book.state)
    if let event = plan.event { try book.transact { try $0.record(event) } }
    let summary = plan.summary
    console.print(
      "  payments  \(path): 4 payments, \(summary.matched) placed at once, \(summary.suggested) suggested, \(summary.unhandled) unhandled"
    )
    for record in book.state.allIncoming {
      let placed = record.allocations.compactMap { book.state.invoices[$0.invoice]?.invoice.number }
      let what: String
      switch record.state {
      case .suggested:
        let numbers =
          record.suggestions.first?.invoices.compactMap { book.state.invoices[$0]?.invoice.number }
          ?? []
        what =
          "suggested: invoice \(numbers.map(String.init).joined(separator: ", ")) (score \(record.suggestions.first?.score ?? 0))"
      case .overpayment:
        what =
          "placed on \(placed.map(String.init).joined(separator: ", ")), \(record.rest.swedishFormatted) overpaid"
      case .matched: what = "placed on \(placed.map(String.init).joined(separator: ", "))"
      default: what = record.state.rawValue
      }
      console.print("            \(record.payment.amount.swedishFormatted.padding(12)) \(what)")
    }
    for record in book.state.allIncoming where record.state == .suggested {
      guard let suggestion = record.suggestions.first else { continue }
      let numbers = suggestion.invoices.compactMap { book.state.invoices[$0]?.invoice.number }
      try book.transact { tx in
        try tx.record(
          try PaymentQueue.match(record.payment.id, invoices: numbers, in: tx.state, on: day))
      }
      console.print(
        "            matched the suggestion by hand: \(record.payment.id) → invoice \(numbers.map(String.init).joined(separator: ", "))"
      )
    }
  }
}
