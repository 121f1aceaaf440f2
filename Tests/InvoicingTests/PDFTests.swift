import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing
@testable import PDF

@Suite struct PDFTests {
  /// A book with F1001 attested, reminded and partly credited, and a self-invoice.
  func documents(_ directory: TemporaryDirectory) throws -> Book {
    let book = try exampleBook(in: directory)
    try book.transact { tx in
      var input = f1001
      input.reference = "Émile Öberg"
      input.text = "Tack för beställningen – välkommen åter!"
      let id = try tx.draft(input)
      _ = try tx.attest(id, on: d("2025-03-10"))
      try tx.remind(id, on: d("2025-04-20"))
      let note = try tx.draftCreditNote(
        for: id, selection: .lines([(line: 2, quantity: ExactDecimal(10))]), on: d("2025-04-21"))
      _ = try tx.attest(note, on: d("2025-04-21"))
      let payout = try tx.draftSelfInvoice(
        payee: "K2", invoiceDate: d("2025-03-31"),
        lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))])
      _ = try tx.attestSelfInvoice(payout, on: d("2025-03-31"))
    }
    return book
  }

  func check(_ bytes: [UInt8], in directory: TemporaryDirectory, name: String) throws -> String {
    let path = directory.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let qpdf = try run("qpdf", ["--check", path])
    #expect(qpdf.status == 0, "\(name): \(qpdf.output)")
    let text = try run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
    #expect(text.status == 0)
    return text.output
  }

  @Test func invoiceShowsNumberTotalOCRAndSwedishLetters() throws {
    let directory = TemporaryDirectory()
    let book = try documents(directory)
    let record = try #require(book.state.invoice(named: "1001"))
    let text = try check(
      InvoiceRenderer.invoice(record, in: book.state), in: directory, name: "f1001.pdf")
    for expected in [
      "Faktura", "1001", "100164", "11 120,00", "Åkessons Åkeri AB", "Émile Öberg",
      "Exempelbolaget AB",
      "Konsulttjänst", "2 000,00", "120,00", "5050-1055", "2025-04-09", "välkommen åter", "–",
    ] {
      #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
    }
  }

  @Test func creditNoteReminderAndSelfInvoice() throws {
    let directory = TemporaryDirectory()
    let book = try documents(directory)
    let invoice = try #require(book.state.invoice(named: "1001"))
    let note = try #require(book.state.invoice(named: "1002"))
    let credit = try check(
      InvoiceRenderer.invoice(note, in: book.state), in: directory, name: "credit.pdf")
    #expect(credit.contains("Kreditfaktura"))
    #expect(credit.contains("1001"))
    // What is credited, never "Att betala -1 120,00".
    #expect(credit.contains("Krediteras"))
    #expect(credit.contains("1 120,00"))
    #expect(!credit.contains("Att betala"))
    let reminder = try check(
      InvoiceRenderer.reminder(invoice, index: 0, in: book.state), in: directory,
      name: "reminder.pdf")
    #expect(reminder.contains("Påminnelse"))
    #expect(reminder.contains("60,00"))
    #expect(reminder.contains("100164"))
    let selfInvoice = try #require(book.state.selfInvoice(named: "SF-K2-0001"))
    let payout = try check(
      InvoiceRenderer.selfInvoice(selfInvoice, in: book.state), in: directory, name: "self.pdf")
    #expect(payout.contains("SF-K2-0001"))
    #expect(payout.contains("Självfaktura"))
    #expect(payout.contains("Berg HB"))
  }

  @Test func renderingIsDeterministic() throws {
    let directory = TemporaryDirectory()
    let book = try documents(directory)
    let record = try #require(book.state.invoice(named: "1001"))
    let first = InvoiceRenderer.invoice(record, in: book.state)
    let reopened = try Book.open(at: book.directory)
    #expect(
      InvoiceRenderer.invoice(
        try #require(reopened.state.invoice(named: "1001")), in: reopened.state) == first)
    #expect(!String(decoding: first, as: UTF8.self).contains("CreationDate"))
  }

  @Test func longInvoicesRunOverPages() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    var input = f1001
    input.lines = (1...120).map {
      LineInput(description: "Rad \($0)", unitPrice: Amount(kronor: Int64($0)), vatRate: .standard)
    }
    let id = try book.transact { tx in
      let id = try tx.draft(input)
      _ = try tx.attest(id, on: d("2025-03-10"))
      return id
    }
    let record = try #require(book.state.invoices[id])
    let text = try check(
      InvoiceRenderer.invoice(record, in: book.state), in: directory, name: "long.pdf")
    #expect(text.contains("Rad 1 "))
    #expect(text.contains("Rad 120"))
    #expect(text.contains("\u{0C}"))  // a page break
    #expect(text.contains("9 075,00"))  // 7 260 + 25 %
  }

  @Test func winAnsiCoversSwedishText() {
    for scalar in "åäöÅÄÖéÉü–€”".unicodeScalars {
      #expect(PDFFont.winAnsi(scalar) != UInt8(ascii: "?"), "\(scalar)")
    }
    #expect(PDFFont.winAnsi("å") == 0xE5)
    #expect(PDFFont.winAnsi("É") == 0xC9)
    #expect(PDFFont.winAnsi("ł") == UInt8(ascii: "?"))
    #expect(PDFFont.literal("(Å)\\") == #"(\(\305\)\\)"#)
  }
}
