import Basics
import Foundation
import Reconcile
import TestSupport
import Testing

/// camt.054 and camt.053 in the Swedish bankgiro shape and as they go wrong.
@Suite struct CamtReaderTests {
  /// A camt.054.001.08 with a namespace prefix: one credit entry of two batches' worth — a
  /// payment with an OCR (`SCOR`), one with two references and free text using a credit note
  /// (`CREN`), a returned one — a reversal, and a debit entry.
  static let notification = """
    <?xml version="1.0" encoding="UTF-8"?>
    <c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
      <c:BkToCstmrDbtCdtNtfctn>
        <c:GrpHdr><c:MsgId>MSG1</c:MsgId><c:CreDtTm>2025-04-05T06:00:00</c:CreDtTm></c:GrpHdr>
        <c:Ntfctn>
          <c:Id>N1</c:Id>
          <c:Acct><c:Id><c:Othr><c:Id>9912346</c:Id><c:SchmeNm><c:Prtry>BGNR</c:Prtry></c:SchmeNm></c:Othr></c:Id></c:Acct>
          <c:Ntry>
            <c:Amt Ccy="SEK">13200.00</c:Amt>
            <c:CdtDbtInd>CRDT</c:CdtDbtInd>
            <c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
            <c:BookgDt><c:Dt>2025-04-05</c:Dt></c:BookgDt>
            <c:AcctSvcrRef>D1</c:AcctSvcrRef>
            <c:NtryDtls>
              <c:Btch><c:NbOfTxs>3</c:NbOfTxs><c:TtlAmt Ccy="SEK">13200.00</c:TtlAmt></c:Btch>
              <c:TxDtls>
                <c:Refs><c:AcctSvcrRef>S1</c:AcctSvcrRef></c:Refs>
                <c:Amt Ccy="SEK">12500.00</c:Amt>
                <c:CdtDbtInd>CRDT</c:CdtDbtInd>
                <c:RltdPties><c:Dbtr><c:Pty><c:Nm>Åkessons Åkeri AB</c:Nm></c:Pty></c:Dbtr>
                  <c:DbtrAcct><c:Id><c:IBAN>SE4550000000058398257466</c:IBAN></c:Id></c:DbtrAcct></c:RltdPties>
                <c:RmtInf><c:Strd><c:CdtrRefInf><c:Tp><c:CdOrPrtry><c:Cd>SCOR</c:Cd></c:CdOrPrtry></c:Tp><c:Ref>100164</c:Ref></c:CdtrRefInf></c:Strd></c:RmtInf>
              </c:TxDtls>
              <c:TxDtls>
                <c:Refs><c:AcctSvcrRef>S2</c:AcctSvcrRef></c:Refs>
                <c:AmtDtls><c:TxAmt><c:Amt Ccy="SEK">700.00</c:Amt></c:TxAmt></c:AmtDtls>
                <c:RltdPties><c:Dbtr><c:Nm>Berg &amp; Söner HB</c:Nm></c:Dbtr></c:RltdPties>
                <c:RmtInf>
                  <c:Ustrd>faktura 1002</c:Ustrd>
                  <c:Ustrd>och 1003</c:Ustrd>
                  <c:Strd><c:RfrdDocInf><c:Tp><c:CdOrPrtry><c:Cd>CINV</c:Cd></c:CdOrPrtry></c:Tp><c:Nb>1002</c:Nb></c:RfrdDocInf></c:Strd>
                  <c:Strd><c:RfrdDocInf><c:Tp><c:CdOrPrtry><c:Cd>CREN</c:Cd></c:CdOrPrtry></c:Tp><c:Nb>1009</c:Nb></c:RfrdDocInf>
                    <c:RfrdDocAmt><c:CdtNoteAmt Ccy="SEK">300.00</c:CdtNoteAmt></c:RfrdDocAmt></c:Strd>
                </c:RmtInf>
              </c:TxDtls>
              <c:TxDtls>
                <c:Amt Ccy="SEK">1.00</c:Amt>
                <c:RtrInf><c:Rsn><c:Cd>AC04</c:Cd></c:Rsn></c:RtrInf>
              </c:TxDtls>
            </c:NtryDtls>
          </c:Ntry>
          <c:Ntry>
            <c:Amt Ccy="SEK">50.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:RvslInd>true</c:RvslInd>
            <c:BookgDt><c:Dt>2025-04-05</c:Dt></c:BookgDt>
          </c:Ntry>
          <c:Ntry>
            <c:Amt Ccy="SEK">99.00</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd>
            <c:BookgDt><c:Dt>2025-04-05</c:Dt></c:BookgDt>
          </c:Ntry>
        </c:Ntfctn>
      </c:BkToCstmrDbtCdtNtfctn>
    </c:Document>
    """

  @Test func creditEntriesBecomePaymentsAndTheRestIsReported() throws {
    let file = try PaymentFileReader.read(Array(Self.notification.utf8))
    #expect(file.format == .camt054)
    #expect(file.deposits.count == 1)
    let payments = file.payments
    #expect(payments.map(\.amount) == [Amount(ore: 1_250_000), Amount(ore: 70_000)])
    #expect(payments.map(\.id) == ["MSG1/N1/D1-1", "MSG1/N1/D1-2"])
    #expect(payments[0].reference == PaymentReference(text: "100164", quality: .structured))
    #expect(payments[0].payer.name == "Åkessons Åkeri AB")
    #expect(payments[0].payer.account == "SE4550000000058398257466")
    #expect(payments[1].payer.name == "Berg & Söner HB")
    #expect(payments[1].texts == ["faktura 1002", "och 1003"])
    #expect(payments[1].extraReferences.map(\.text) == ["1002"])
    #expect(
      payments[1].creditNotes == [
        PaymentReference(text: "1009", quality: .freeText, amount: Amount(ore: 30_000))
      ])
    #expect(file.deposits[0].account == "9912346")
    let notes = file.notes.map(\.message)
    #expect(notes.contains { $0.contains("returned payment (reason AC04)") })
    #expect(notes.contains { $0.contains("reverses an earlier entry") })
    #expect(notes.contains { $0.contains("a debit entry of 99.00 SEK") })
    // The batch says 3 transactions of 13 200.00; two are imported, one returned.
    #expect(
      notes.contains { $0.contains("TtlAmt 13200.00 but the transactions sum to 13200.00") }
        == false)
    #expect(
      notes.contains { $0.contains("the entry is 13200.00 but its transactions sum to 13200.00") }
        == false)
  }

  @Test func theGeneratorsFiguresAreReproduced() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("camt.xml")
    let script = FilePath.join(PackagePaths.root, "../shared/bench/gen_camt054.py")
    let run = try TestSupport.run(
      "python3", [script, path, "0.05", "--batch", "20"], mergingErrors: true)
    #expect(run.status == 0)
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.split(separator: "\n").last!.utf8))
        as? [String: Any])
    let file = try PaymentFileReader.read(try FilePath.read(path))
    #expect(file.deposits.count == figures["entries"] as? Int)
    #expect(file.payments.count == figures["payments"] as? Int)
    #expect(
      file.payments.reduce(Int64(0)) { $0 + $1.amount.ore } == Int64(figures["total"] as! Int))
    #expect(
      file.payments.filter { $0.reference?.quality == .structured }.count == figures["refs"] as? Int
    )
    #expect(file.notes.isEmpty)
  }

  @Test func entityBombsDoctypesAndDeepNestingAreRefusedQuickly() {
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <Document><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&lol2;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>
      """
    let external = """
      <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <Document><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&x;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>
      """
    let deep =
      "<Document><BkToCstmrDbtCdtNtfctn>" + String(repeating: "<a>", count: 100_000)
      + String(repeating: "</a>", count: 100_000) + "</BkToCstmrDbtCdtNtfctn></Document>"
    let broken = "<Document><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>x</GrpHdr>"
    for (name, text) in [
      ("bomb", bomb), ("external", external), ("deep", deep), ("broken", broken),
    ] {
      let refusal = #expect(throws: ReconcileError.self, "\(name)") {
        try PaymentFileReader.read(Array(text.utf8))
      }
      #expect(refusal?.code == .invalidXML, "\(name): \(refusal?.message ?? "")")
    }
  }

  /// Found by fuzzing: an element name that is not UTF-8 made Foundation's parser trap.
  @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() {
    var bytes = Array(Self.notification.utf8)
    let name = Array("<c:Id>N1".utf8)
    let at = bytes.firstRange(of: name)!.lowerBound + 3
    bytes[at] = 0xC7
    let line = 1 + bytes[..<at].count { $0 == 0x0A }
    let refusal = #expect(throws: ReconcileError.self) { try PaymentFileReader.read(bytes) }
    #expect(refusal?.code == .invalidXML)
    #expect(refusal?.subject == .line(line))
  }

  /// Found by fuzzing: a processing instruction without data (`<?x?>`) crashed Foundation's
  /// parser; any processing instruction but the XML declaration is refused. One in a comment
  /// is only text.
  @Test(arguments: ["<?x?>", "<?xm?>\n", "<?xml-stylesheet href=\"a\"?>"])
  func processingInstructionsAreRefused(_ instruction: String) {
    let text = Self.notification.replacingOccurrences(
      of: "<c:BkToCstmrDbtCdtNtfctn>", with: instruction + "<c:BkToCstmrDbtCdtNtfctn>")
    let refusal = #expect(throws: ReconcileError.self) {
      try PaymentFileReader.read(Array(text.utf8))
    }
    #expect(refusal?.code == .invalidXML)
    #expect(refusal?.subject == .line(3))
    let commented = Self.notification.replacingOccurrences(
      of: "<c:BkToCstmrDbtCdtNtfctn>", with: "<!-- " + instruction + " --><c:BkToCstmrDbtCdtNtfctn>"
    )
    #expect(throws: Never.self) { try PaymentFileReader.read(Array(commented.utf8)) }
  }
}
