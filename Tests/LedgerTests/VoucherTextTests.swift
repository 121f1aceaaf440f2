import Testing

@testable import Ledger

/// A voucher's text held as its parts reads as the parts spaced, as a `String` and as the
/// bytes a voucher list takes (put together on the stack, or on the heap when long).
@Suite struct VoucherTextTests {
  @Test(arguments: [
    (VoucherText("Faktura", "1001", "K1", "Åkeri AB"), "Faktura 1001 K1 Åkeri AB"),
    (VoucherText("Inbetalning", "1002", "K2", nil), "Inbetalning 1002 K2"),
    (VoucherText("Dagssammandrag 2025-03-01"), "Dagssammandrag 2025-03-01"),
    (VoucherText("", "", "", ""), "   "),
    (
      VoucherText("Faktura", "1003", "K3", String(repeating: "Ö", count: 3000)),
      "Faktura 1003 K3 " + String(repeating: "Ö", count: 3000)
    ),
  ])
  func aTextReadsAsItsPartsSpaced(text: VoucherText, expected: String) {
    #expect(text.string == expected)
    #expect(text.withUTF8 { Array($0) } == Array(expected.utf8))
  }
}
