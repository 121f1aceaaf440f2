import Testing

@testable import Ledger

/// A voucher's text held as its parts reads as the parts spaced, whole and piece by piece.
@Suite struct VoucherTextTests {
  @Test(arguments: [
    (VoucherText("Faktura", "1001", "K1", "Åkeri AB"), "Faktura 1001 K1 Åkeri AB"),
    (VoucherText("Inbetalning", "1002", "K2", nil), "Inbetalning 1002 K2"),
    (VoucherText("Dagssammandrag 2025-03-01"), "Dagssammandrag 2025-03-01"),
    (VoucherText("", "", "", ""), "   "),
  ])
  func aTextReadsAsItsPartsSpaced(text: VoucherText, expected: String) {
    #expect(text.string == expected)
    var bytes = [UInt8]()
    text.withPieces { bytes.append(contentsOf: $0) }
    #expect(bytes == Array(expected.utf8))
  }
}
