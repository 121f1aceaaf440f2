import Basics
import Invoicing
import Ledger

/// `sietool report receivables --as-of D [--format text|json|csv]`
struct ReportReceivables: Command, WorksOnBook {
  static let configuration = CommandConfiguration(
    name: "receivables",
    abstract: "The accounts-receivable list as of a day: open items per customer, aged.",
    discussion: """
      Open items per customer, aged by days past due: not due, 1–30, 31–60, 61–90 and more \
      than 90 days. Amounts in SEK. Under the accrual method the total equals the balance of \
      1510 in 'ledger balance' on that day (with 1519 for what is doubtful); under the cash \
      method invoices are on 1510 only once a year end has booked them.
      """)

  @OptionGroup var bookOptions: BookOptions
  @Option(name: "as-of", help: "The day (default: today).") var asOf: Day?
  @Option(help: "How to print.") var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: false, console: console)
    let day = asOf ?? book.today
    let report = try BookLedger(state: book.state).receivables(asOf: day)
    let names = ReceivablesReport.bucketNames
    switch format {
    case .json:
      let customers = report.customers.map { customer -> JSONValue in
        let items = report.items.filter { $0.customer == customer }
        return .object([
          "customer": .string(customer),
          "name": .string(book.state.customers[customer]?.name ?? ""),
          "items": .array(
            items.map {
              .object([
                "invoice": .string($0.number), "invoiceDate": .string($0.invoiceDate.iso),
                "dueDate": .string($0.dueDate.iso), "daysPastDue": .integer(max(0, $0.daysPastDue)),
                "bucket": .string(names[$0.bucket]), "open": .string($0.open.description),
                "doubtful": .string($0.doubtful.description),
              ])
            }),
          "buckets": buckets(report.totals(of: items)),
          "total": .string(items.reduce(Amount.zero) { $0 + $1.open }.description),
        ])
      }
      console.printJSON(
        .object([
          "asOf": .string(day.iso), "customers": .array(customers),
          "buckets": buckets(report.totals(of: report.items)),
          "total": .string(report.open.description),
          "onReceivables": .string(report.booked.description),
          "doubtful": .string(report.doubtful.description),
        ]))
    case .csv:
      var csv = CSVWriter()
      csv.row(["customer", "invoice", "invoiceDate", "dueDate", "daysPastDue", "bucket", "open"])
      for item in report.items.sorted(by: { ($0.customer, $0.invoice) < ($1.customer, $1.invoice) })
      {
        csv.row([
          item.customer, item.number, item.invoiceDate.iso, item.dueDate.iso,
          String(max(0, item.daysPastDue)), names[item.bucket], item.open.description,
        ])
      }
      console.write(csv.bytes)
    case .text:
      console.print("accounts receivable as of \(day)")
      var table = TextTable(
        ["customer", "name"] + names + ["total"], rightAligned: Set(names + ["total"]))
      for customer in report.customers {
        let items = report.items.filter { $0.customer == customer }
        table.append(
          [customer, book.state.customers[customer]?.name ?? ""]
            + report.totals(of: items).map(\.swedishFormatted)
            + [items.reduce(Amount.zero) { $0 + $1.open }.swedishFormatted])
      }
      table.append(
        ["total", ""] + report.totals(of: report.items).map(\.swedishFormatted)
          + [report.open.swedishFormatted])
      table.lines.forEach { console.print($0) }
      if report.items.isEmpty { console.print("nothing open") }
      if !report.doubtful.isZero {
        console.print("of which reserved as doubtful (1519): \(report.doubtful.swedishFormatted)")
      }
    }
    return 0
  }

  private func buckets(_ totals: [Amount]) -> JSONValue {
    var object = JSONObject()
    for (name, total) in zip(ReceivablesReport.bucketNames, totals) {
      object[name] = .string(total.description)
    }
    return .object(object)
  }
}
