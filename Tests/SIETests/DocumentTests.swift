import Basics
import Invoicing
import TestSupport
import Testing

@testable import SIE

@Suite struct DocumentTests {
  static let file = """
    #FLAGGA 0
    #PROGRAM p 1
    #FORMAT PC8
    #GEN 20250101
    #SIETYP 4
    #FNAMN x
    #RAR 0 20250101 20251231
    #KONTO 1930 "Bank"
    #KONTO 1510 "Kundfordringar"
    #KONTO 3001 "Försäljning"
    #KTYP 3001 I
    #IB 0 1930 100.00
    #UB 0 1930 105.00
    #UB 0 1510 -5.00
    #RES 0 3001 0.00
    #VER A 1 20250105 "Betalning"
    {
    #TRANS 1930 {} 5.00
    #BTRANS 1930 {} 999.00
    #RTRANS 1510 {} -5.00
    #TRANS 1510 {} -4.00 20250106
    }
    #VER A 2 20260105 "Next year"
    {
    #TRANS 3001 {} 1.00
    #TRANS 1930 {} -1.00
    }

    """

  @Test func trialBalanceUsesEffectiveRowsOfTheYear() throws {
    let (document, _) = read(Self.file)
    let lines = try document.trialBalance(year: 0)
    let bank = lines.first { $0.account == "1930" }!
    #expect(bank.opening == Amount(ore: 10_000))
    #expect(bank.movement == Amount(ore: 500))
    #expect(bank.closing == Amount(ore: 10_500))
    #expect(bank.declared == Amount(ore: 10_500))
    #expect(!bank.differs)
    let receivables = lines.first { $0.account == "1510" }!
    #expect(receivables.movement == Amount(ore: -500))  // the #RTRANS, not its twin
    #expect(receivables.name == "Kundfordringar")
    let sales = lines.first { $0.account == "3001" }
    #expect(sales?.movement == .zero)  // the 2026 voucher is outside year 0
    #expect(sales?.declared == .zero)
  }

  @Test func documentViews() {
    let (document, report) = read(Self.file)
    #expect(report.summary.transactions == 4)
    #expect(document.vouchers.count == 2)
    #expect(
      document.vouchers[0].effectiveRows.map(\.amount) == [Amount(ore: 500), Amount(ore: -500)])
    #expect(document.accountTypes[AccountNumber("3001")] == .income)
    #expect(document.fiscalYear(0)?.end == Day(year: 2025, month: 12, day: 31))
    #expect(document.currency == "SEK")
  }

  @Test func differencesNameWhatChanged() {
    let (a, _) = read(Self.file)
    let changed = Self.file
      .replacingOccurrences(of: "\"Kundfordringar\"", with: "\"Kundfordr.\"")
      .replacingOccurrences(of: "#UB 0 1930 105.00", with: "#UB 0 1930 106.00")
      .replacingOccurrences(
        of: "#TRANS 3001 {} 1.00\n#TRANS 1930 {} -1.00",
        with: "#TRANS 1930 {} -1.00\n#TRANS 3001 {} 1.00")
    let (b, _) = read(changed)
    let differences = a.differences(to: b)
    #expect(differences.map(\.kind) == [.accountRenamed, .balanceChanged])
    #expect(differences[1].key == "#UB 0 1930")
    #expect(a.differences(to: a).isEmpty)
  }

  @Test func jsonHoldsEveryField() {
    let (document, _) = read(Self.file)
    let voucher = document.records.first { $0.label == .ver }!.jsonValue
    #expect(voucher["series"] == .string("A"))
    #expect(voucher["date"] == .string("2025-01-05"))
    let rows = voucher["rows"]?.arrayValue ?? []
    #expect(rows.count == 4)
    #expect(rows[1]["label"] == .string("#BTRANS"))
    #expect(rows[3]["date"] == .string("2025-01-06"))
    #expect(rows[0]["amount"] == .string("5.00"))
  }

  @Test func csvHasOneLinePerEffectiveRow() {
    let (document, _) = read(Self.file)
    let rows = document.vouchers[0].csvRows
    #expect(rows.count == 2)
    #expect(
      rows[1] == [
        "A", "1", "2025-01-05", "Betalning", "1510", "", "-5.00", "2025-01-05", "", "", "",
      ])
  }
}
