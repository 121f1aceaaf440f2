import Basics
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// The posting notes' oracle table (section 4), row by row, under both methods. Each expected
/// voucher is written as the table writes it; `—` is no voucher.
@Suite struct OracleTests {
  let o1 = "1510 +11120.00; 3001 −8000.00 D1; 2611 −2000.00; 3002 −1000.00 D2; 2621 −120.00"
  let revenue = "3001 −8000.00 D1; 2611 −2000.00; 3002 −1000.00 D2; 2621 −120.00"

  func check(
    _ vouchers: [Voucher], _ expected: [String], series: [String]? = nil, dates: [String]? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      OracleRow.of(vouchers) == expected.map(OracleRow.parse),
      "\(vouchers.map { $0.rows.map { "\($0.account) \($0.amount)" } })",
      sourceLocation: sourceLocation)
    if let series { #expect(vouchers.map(\.series) == series, sourceLocation: sourceLocation) }
    if let dates { #expect(vouchers.map(\.date.iso) == dates, sourceLocation: sourceLocation) }
  }

  @Test func o1InvoiceIssued() throws {
    check(
      try vouchers(.accrual, through: d("2025-03-31")) { try $0.issue(f1001) }, [o1], series: ["F"],
      dates: ["2025-03-10"])
    check(try vouchers(.cash, through: d("2025-03-31")) { try $0.issue(f1001) }, [])
  }

  @Test func o2FullPayment() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11120.00"), on: d("2025-04-05"))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11120.00; 1510 −11120.00"], series: ["I"])
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11120.00; " + revenue], series: ["I"])
  }

  @Test func o3PartialPaymentsByLargestRemainder() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let first: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("3000.00"), on: d("2025-04-05"))
    }
    check(
      try vouchers(.accrual, through: d("2025-05-31"), setup: setup, event: first),
      ["1930 +3000.00; 1510 −3000.00"])
    check(
      try vouchers(.cash, through: d("2025-05-31"), setup: setup, event: first),
      ["1930 +3000.00; 3001 −2158.27 D1; 2611 −539.57; 3002 −269.79 D2; 2621 −32.37"])
    let rest: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("8120.00"), on: d("2025-05-02"))
    }
    let afterFirst: (inout BookTransaction) throws -> Void = {
      try setup(&$0)
      try first(&$0)
    }
    check(
      try vouchers(.accrual, through: d("2025-05-31"), setup: afterFirst, event: rest),
      ["1930 +8120.00; 1510 −8120.00"])
    check(
      try vouchers(.cash, through: d("2025-05-31"), setup: afterFirst, event: rest),
      ["1930 +8120.00; 3001 −5841.73 D1; 2611 −1460.43; 3002 −730.21 D2; 2621 −87.63"])
  }

  @Test func o4OverpaymentAndRefund() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11500.00"), on: d("2025-04-05"))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11500.00; 1510 −11120.00; 2420 −380.00"])
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11500.00; \(revenue); 2420 −380.00"])
    let refund: (inout BookTransaction) throws -> Void = {
      try $0.refund(customer: "K1", amount: sek("380.00"), on: d("2025-04-10"))
    }
    for method in [BookkeepingMethod.accrual, .cash] {
      check(
        try vouchers(
          method, through: d("2025-04-30"),
          setup: {
            try setup(&$0)
            try pay(&$0)
          }, event: refund),
        ["2420 +380.00; 1930 −380.00"], series: ["I"])
    }
  }

  @Test func o5FullCreditNote() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let credit: (inout BookTransaction) throws -> Void = {
      let note = try $0.draftCreditNote(for: 1, selection: .whole, on: d("2025-03-20"))
      _ = try $0.attest(note, on: d("2025-03-20"))
    }
    check(
      try vouchers(.accrual, through: d("2025-03-31"), setup: setup, event: credit),
      ["1510 −11120.00; 3001 +8000.00 D1; 2611 +2000.00; 3002 +1000.00 D2; 2621 +120.00"],
      series: ["F"],
      dates: ["2025-03-20"])
    check(try vouchers(.cash, through: d("2025-03-31"), setup: setup, event: credit), [])
  }

  @Test func o5pCreditNoteOnAPaidInvoiceIsRefunded() throws {
    let setup: (inout BookTransaction) throws -> Void = {
      try $0.issue(f1001)
      try $0.pay(1, amount: sek("11120.00"), on: d("2025-04-05"))
    }
    let creditAndRefund: (inout BookTransaction) throws -> Void = {
      let note = try $0.draftCreditNote(for: 1, selection: .whole, on: d("2025-04-20"))
      _ = try $0.attest(note, on: d("2025-04-20"))
      try $0.refund(customer: "K1", amount: sek("11120.00"), on: d("2025-04-20"))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: setup, event: creditAndRefund),
      [
        "1510 −11120.00; 3001 +8000.00 D1; 2611 +2000.00; 3002 +1000.00 D2; 2621 +120.00",
        "1510 +11120.00; 1930 −11120.00",
      ])
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: setup, event: creditAndRefund),
      ["1930 −11120.00; 3001 +8000.00 D1; 2611 +2000.00; 3002 +1000.00 D2; 2621 +120.00"])
  }

  @Test func o6PartialCreditThenThePaymentOfTheRest() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let credit: (inout BookTransaction) throws -> Void = {
      let note = try $0.draftCreditNote(
        for: 1, selection: .lines([(line: 2, quantity: nil)]), on: d("2025-03-20"))
      _ = try $0.attest(note, on: d("2025-03-20"))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: setup, event: credit),
      ["1510 −1120.00; 3002 +1000.00 D2; 2621 +120.00"])
    check(try vouchers(.cash, through: d("2025-04-30"), setup: setup, event: credit), [])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("10000.00"), on: d("2025-04-05"))
    }
    let credited: (inout BookTransaction) throws -> Void = {
      try setup(&$0)
      try credit(&$0)
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: credited, event: pay),
      ["1930 +10000.00; 1510 −10000.00"])
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: credited, event: pay),
      ["1930 +10000.00; 3001 −8000.00 D1; 2611 −2000.00"])
  }

  /// F1002: EUR 1 000 to an EU business for a service, at 11.0000.
  static let f1002 = InvoiceInput(
    customer: "EU1", invoiceDate: Day(iso: "2025-03-10")!, dueDate: Day(iso: "2025-04-09")!,
    lines: [
      LineInput(description: "Konsulttjänst", unitPrice: Amount(kronor: 1000), vatRate: .standard)
    ],
    currency: "EUR", exchangeRate: ExactDecimal(parsing: "11.0000")!)

  @Test func o7ForeignCurrency() throws {
    let issue: (inout BookTransaction) throws -> Void = { try $0.issue(Self.f1002) }
    check(
      try vouchers(.accrual, through: d("2025-03-31"), event: issue),
      ["1510 +11000.00; 3308 −11000.00"])
    check(try vouchers(.cash, through: d("2025-03-31"), event: issue), [])
    for (received, accrual, cash) in [
      (
        "10800.00", "1930 +10800.00; 7960 +200.00; 1510 −11000.00", "1930 +10800.00; 3308 −10800.00"
      ),
      (
        "11200.00", "1930 +11200.00; 1510 −11000.00; 3960 −200.00", "1930 +11200.00; 3308 −11200.00"
      ),
    ] {
      let pay: (inout BookTransaction) throws -> Void = {
        try $0.pay(1, amount: Amount(kronor: 1000), on: d("2025-04-09"), amountSEK: sek(received))
      }
      check(try vouchers(.accrual, through: d("2025-04-30"), setup: issue, event: pay), [accrual])
      check(try vouchers(.cash, through: d("2025-04-30"), setup: issue, event: pay), [cash])
    }
  }

  @Test func o8ReminderFee() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let remind: (inout BookTransaction) throws -> Void = {
      try $0.remind(1, on: d("2025-04-20"), fee: sek("60.00"))
    }
    check(
      try vouchers(.accrual, through: d("2025-05-31"), setup: setup, event: remind),
      ["1510 +60.00; 3930 −60.00"])
    check(try vouchers(.cash, through: d("2025-05-31"), setup: setup, event: remind), [])
    let payFee: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("60.00"), on: d("2025-05-02"))
    }
    let reminded: (inout BookTransaction) throws -> Void = {
      try setup(&$0)
      try remind(&$0)
    }
    check(
      try vouchers(.accrual, through: d("2025-05-31"), setup: reminded, event: payFee),
      ["1930 +60.00; 1510 −60.00"])
    check(
      try vouchers(.cash, through: d("2025-05-31"), setup: reminded, event: payFee),
      ["1930 +60.00; 3930 −60.00"])
  }

  @Test func o9Interest() throws {
    let interest: (inout BookTransaction) throws -> Void = {
      let id = try $0.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-05-15"),
          lines: [
            LineInput(
              description: "Dröjsmålsränta 1001", unitPrice: sek("45.00"), category: .interest)
          ]))
      try $0.pay(id, amount: sek("45.00"), on: d("2025-05-30"))
    }
    let accrual = try vouchers(.accrual, through: d("2025-06-30"), event: interest)
    check(
      accrual, ["1510 +45.00; 8313 −45.00", "1930 +45.00; 1510 −45.00"],
      dates: ["2025-05-15", "2025-05-30"])
    check(
      try vouchers(.cash, through: d("2025-06-30"), event: interest), ["1930 +45.00; 8313 −45.00"],
      dates: ["2025-05-30"])
  }

  @Test func o10BadDebt() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let doubtful: (inout BookTransaction) throws -> Void = {
      try $0.record(.markedDoubtful(id: 1, date: d("2025-09-30")))
    }
    check(
      try vouchers(.accrual, through: d("2025-11-30"), setup: setup, event: doubtful),
      ["6352 +9000.00; 1519 −9000.00"])
    check(try vouchers(.cash, through: d("2025-11-30"), setup: setup, event: doubtful), [])
    let writeOff: (inout BookTransaction) throws -> Void = {
      try $0.writeOff(1, on: d("2025-11-15"))
    }
    let marked: (inout BookTransaction) throws -> Void = {
      try setup(&$0)
      try doubtful(&$0)
    }
    check(
      try vouchers(.accrual, through: d("2025-11-30"), setup: marked, event: writeOff),
      ["6351 +9000.00; 2611 +2000.00; 2621 +120.00; 1519 +9000.00; 6352 −9000.00; 1510 −11120.00"])
    check(try vouchers(.cash, through: d("2025-11-30"), setup: marked, event: writeOff), [])
  }

  @Test func o10cCashMethodWriteOffOfAYearEndReceivable() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let writeOff: (inout BookTransaction) throws -> Void = {
      try $0.writeOff(1, on: d("2026-02-10"))
    }
    let result = try vouchers(.cash, through: d("2026-02-28"), setup: setup, event: writeOff)
    check(
      result, ["6351 +9000.00; 2611 +2000.00; 2621 +120.00; 1510 −11120.00"], dates: ["2026-02-10"])
  }

  @Test func o11RoundingToWholeKronor() throws {
    let f1003 = InvoiceInput(
      customer: "K1", invoiceDate: d("2025-03-12"),
      lines: [LineInput(description: "Tjänst", unitPrice: sek("99.00"), vatRate: .standard)])
    let issue: (inout BookTransaction) throws -> Void = { try $0.issue(f1003) }
    check(
      try vouchers(.accrual, round: true, through: d("2025-04-30"), event: issue),
      ["1510 +124.00; 3001 −99.00; 2611 −24.75; 3740 −0.25"])
    check(try vouchers(.cash, round: true, through: d("2025-04-30"), event: issue), [])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("124.00"), on: d("2025-04-01"))
    }
    check(
      try vouchers(.accrual, round: true, through: d("2025-04-30"), setup: issue, event: pay),
      ["1930 +124.00; 1510 −124.00"])
    check(
      try vouchers(.cash, round: true, through: d("2025-04-30"), setup: issue, event: pay),
      ["1930 +124.00; 3001 −99.00; 2611 −24.75; 3740 −0.25"])
  }

  @Test func o11cShortPaymentWithinTolerance() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11119.00"), on: d("2025-04-05"))
    }
    check(
      try vouchers(
        .accrual, tolerance: sek("1.00"), through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11119.00; 3740 +1.00; 1510 −11120.00"])
    check(
      try vouchers(
        .cash, tolerance: sek("1.00"), through: d("2025-04-30"), setup: setup, event: pay),
      ["1930 +11119.00; 3740 +1.00; \(revenue)"])
  }

  static let f1004 = InvoiceInput(
    customer: "K1", invoiceDate: Day(iso: "2025-12-15")!, dueDate: Day(iso: "2026-01-14")!,
    lines: f1001.lines)

  @Test func o12YearEndUnderTheCashMethod() throws {
    let issue: (inout BookTransaction) throws -> Void = { try $0.issue(Self.f1004) }
    check(
      try vouchers(.accrual, through: d("2025-12-31"), event: issue), [o1], dates: ["2025-12-15"])
    check(
      try vouchers(.cash, through: d("2025-12-31"), event: issue), [o1], series: ["J"],
      dates: ["2025-12-31"])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11120.00"), on: d("2026-01-20"))
    }
    for method in [BookkeepingMethod.accrual, .cash] {
      check(
        try vouchers(method, through: d("2026-01-31"), setup: issue, event: pay),
        ["1930 +11120.00; 1510 −11120.00"],
        series: ["I"], dates: ["2026-01-20"])
    }
  }

  @Test func o12cOptionalReversalOnTheFirstDay() throws {
    let issue: (inout BookTransaction) throws -> Void = { try $0.issue(Self.f1004) }
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11120.00"), on: d("2026-01-20"))
    }
    let result = try vouchers(
      .cash, reversal: true, through: d("2026-01-31"), setup: issue, event: pay)
    check(
      result,
      [
        "1510 −11120.00; 3001 +8000.00 D1; 2611 +2000.00; 3002 +1000.00 D2; 2621 +120.00",
        "1930 +11120.00; \(revenue)",
      ],
      series: ["J", "I"], dates: ["2026-01-01", "2026-01-20"])
  }

  @Test func o13ClientFunds() throws {
    let setup: (inout BookTransaction) throws -> Void = { try $0.issue(f1001) }
    let paid: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("11120.00"), on: d("2025-12-31"), means: .clientFunds)
    }
    check(
      try vouchers(.accrual, through: d("2025-12-31"), setup: setup, event: paid),
      ["1689 +11120.00; 1510 −11120.00"])
    // Paid on the last day: nothing is left for the year end (the whole year's journal).
    check(
      try vouchers(.cash, through: d("2025-12-31")) {
        try setup(&$0)
        try paid(&$0)
      }, ["1689 +11120.00; \(revenue)"])
    let afterPayment: (inout BookTransaction) throws -> Void = {
      try setup(&$0)
      try paid(&$0)
    }
    for method in [BookkeepingMethod.accrual, .cash] {
      check(
        try vouchers(method, through: d("2026-01-31"), setup: afterPayment) {
          try $0.record(
            .clientFundsPaidOut(ClientFundsPayout(date: d("2026-01-02"), amount: sek("11120.00"))))
        }, ["1930 +11120.00; 1689 −11120.00"])
      check(
        try vouchers(method, through: d("2026-01-31"), setup: afterPayment) {
          try $0.record(
            .clientFundsPaidOut(
              ClientFundsPayout(
                date: d("2026-01-02"), amount: sek("11120.00"), fee: sek("10.00"),
                feeVAT: sek("2.50"))))
        }, ["1930 +11107.50; 6064 +10.00; 2641 +2.50; 1689 −11120.00"])
    }
  }

  @Test func o14SelfInvoices() throws {
    let issue: (inout BookTransaction) throws -> Void = {
      let id = try $0.draftSelfInvoice(
        payee: "S7", invoiceDate: d("2025-03-31"),
        lines: [LineInput(product: "TJ", quantity: ExactDecimal(8))])
      #expect(try $0.attestSelfInvoice(id, on: d("2025-03-31")) == "SF-S7-0001")
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), event: issue),
      ["4000 +8000.00; 2641 +2000.00; 2440 −10000.00"], series: ["L"])
    check(try vouchers(.cash, through: d("2025-04-30"), event: issue), [])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.record(.selfInvoicePaid(id: 1, date: d("2025-04-10")))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), setup: issue, event: pay),
      ["2440 +10000.00; 1930 −10000.00"])
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: issue, event: pay),
      ["4000 +8000.00; 2641 +2000.00; 1930 −10000.00"])
  }

  @Test func o15PackageProducts() throws {
    let issue: (inout BookTransaction) throws -> Void = {
      try $0.issue(
        InvoiceInput(
          customer: "K1", invoiceDate: d("2025-03-10"), lines: [LineInput(product: "P100")]))
    }
    let rows = "3001 −600.00; 2611 −150.00; 3002 −400.00; 2621 −48.00"
    check(
      try vouchers(.accrual, through: d("2025-04-30"), event: issue), ["1510 +1198.00; " + rows])
    check(try vouchers(.cash, through: d("2025-04-30"), event: issue), [])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("1198.00"), on: d("2025-04-01"))
    }
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: issue, event: pay),
      ["1930 +1198.00; " + rows])
  }

  @Test(arguments: [("EU1", "3108"), ("BYGG", "3231")])
  func o16o17SalesWithoutSwedishVAT(customer: String, account: String) throws {
    let issue: (inout BookTransaction) throws -> Void = {
      try $0.issue(
        InvoiceInput(
          customer: customer, invoiceDate: d("2025-03-10"), lines: [LineInput(product: "VARA")]))
    }
    check(
      try vouchers(.accrual, through: d("2025-04-30"), event: issue),
      ["1510 +10000.00; \(account) −10000.00"])
    check(try vouchers(.cash, through: d("2025-04-30"), event: issue), [])
    let pay: (inout BookTransaction) throws -> Void = {
      try $0.pay(1, amount: sek("10000.00"), on: d("2025-04-01"))
    }
    check(
      try vouchers(.cash, through: d("2025-04-30"), setup: issue, event: pay),
      ["1930 +10000.00; \(account) −10000.00"])
  }

  /// Tricky case 28: a partial payment, then a write-off under the accrual method reduces VAT
  /// only on the unpaid part.
  @Test func writeOffAfterPartialPaymentReducesVATOnTheUnpaidPart() throws {
    let setup: (inout BookTransaction) throws -> Void = {
      try $0.issue(f1001)
      try $0.pay(1, amount: sek("3000.00"), on: d("2025-04-05"))
    }
    check(
      try vouchers(.accrual, through: d("2025-12-30"), setup: setup) {
        try $0.writeOff(1, on: d("2025-11-15"))
      },
      ["2611 +1460.43; 2621 +87.63; 6351 +6571.94; 1510 −8120.00"])
  }
}
