import Basics
import Invoicing
import Ledger

/// What `ledger journal` and `ledger balance` show: a book, a period, text or JSON.
struct LedgerQuery: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Option(help: "Show from this day (default: the beginning).") var from: Day?
  @Option(help: "Show up to this day (default: today, in the creditor's time zone).") var to: Day?
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  var json: Bool { format == .json }

  /// The vouchers of the book within the period: exported ones, then what the next exports
  /// would make (their numbers are provisional).
  func vouchers(_ console: Console) throws -> (
    vouchers: [Voucher], exported: [Bool], names: AccountMap
  ) {
    let book = try openBook(bookOptions.directory, forWriting: false, console: console)
    let journal = try BookLedger(state: book.state).journalWithExports(through: to ?? book.today)
    var vouchers = [Voucher]()
    var exported = [Bool]()
    for (index, voucher) in journal.vouchers.enumerated() {
      if let from, voucher.date < from { continue }
      if let to, voucher.date > to { continue }
      vouchers.append(voucher)
      exported.append(index < journal.exported)
    }
    return (vouchers, exported, AccountMap(state: book.state))
  }
}

struct LedgerJournal: Command {
  static let configuration = CommandConfiguration(
    name: "journal",
    abstract: "Show the vouchers: exported ones, and those the next export would make.",
    discussion:
      "Text output writes amounts with Swedish grouping (10 562,50); JSON plain (10562.50)."
  )
  @OptionGroup var query: LedgerQuery

  func run(_ console: Console) throws -> Int32 {
    let (vouchers, exported, _) = try query.vouchers(console)
    if query.json {
      console.printJSON(.array(zip(vouchers, exported).map { Self.json($0, exported: $1) }))
      return 0
    }
    for (voucher, isExported) in zip(vouchers, exported) {
      let heading = "\(voucher.series) \(voucher.number)  \(voucher.date)  \(voucher.text)"
      console.print(TextTable.escaped(heading) + (isExported ? "" : "  (not exported yet)"))
      var table = TextTable(["account", "objects", "amount", "text"], rightAligned: ["amount"])
      for row in voucher.rows {
        var objects = [String]()
        if let code = row.costCentre { objects.append("1 \(code)") }
        if let code = row.project { objects.append("6 \(code)") }
        table.append([
          row.account.text, objects.isEmpty ? "" : "{" + objects.joined(separator: ", ") + "}",
          row.amount.swedishFormatted, row.text ?? "",
        ])
      }
      table.lines.dropFirst().forEach { console.print("    " + $0) }
    }
    return 0
  }

  static func json(_ voucher: Voucher, exported: Bool) -> JSONValue {
    .object([
      "series": .string(voucher.series), "number": .integer(voucher.number),
      "date": voucher.date.jsonValue,
      "text": .string(voucher.text), "exported": .bool(exported),
      "rows": .array(
        voucher.rows.map { row in
          var object: JSONObject = [
            "account": .string(row.account.text), "amount": row.amount.jsonValue,
          ]
          object.set("costCentre", row.costCentre.map(JSONValue.string))
          object.set("project", row.project.map(JSONValue.string))
          object.set("text", row.text.map(JSONValue.string))
          return .object(object)
        }),
    ])
  }
}

struct LedgerBalance: Command {
  static let configuration = CommandConfiguration(
    name: "balance", abstract: "Show the trial balance: debit, credit and balance per account.",
    discussion:
      "Text output writes amounts with Swedish grouping (10 562,50); JSON plain (10562.50)."
  )
  @OptionGroup var query: LedgerQuery

  func run(_ console: Console) throws -> Int32 {
    let (vouchers, _, names) = try query.vouchers(console)
    var debit = [AccountNumber: Amount]()
    var credit = [AccountNumber: Amount]()
    for voucher in vouchers {
      for row in voucher.rows {
        if row.amount > .zero {
          debit[row.account, default: .zero] += row.amount
        } else {
          credit[row.account, default: .zero] -= row.amount
        }
      }
    }
    let accounts = Set(debit.keys).union(credit.keys).sorted()
    if query.json {
      console.printJSON(
        .array(
          accounts.map { account in
            let (d, c) = (debit[account] ?? .zero, credit[account] ?? .zero)
            return .object([
              "account": .string(account.text), "name": .string(names.name(of: account)),
              "debit": d.jsonValue, "credit": c.jsonValue, "balance": (d - c).jsonValue,
            ])
          }))
      return 0
    }
    var table = TextTable(
      ["account", "name", "debit", "credit", "balance"],
      rightAligned: ["debit", "credit", "balance"])
    var totals = (Amount.zero, Amount.zero)
    for account in accounts {
      let (d, c) = (debit[account] ?? .zero, credit[account] ?? .zero)
      totals.0 += d
      totals.1 += c
      table.append([
        account.text, String(names.name(of: account).prefix(40)), d.swedishFormatted,
        c.swedishFormatted, (d - c).swedishFormatted,
      ])
    }
    table.append([
      "total", "", totals.0.swedishFormatted, totals.1.swedishFormatted,
      (totals.0 - totals.1).swedishFormatted,
    ])
    table.print(to: console)
    return 0
  }
}
