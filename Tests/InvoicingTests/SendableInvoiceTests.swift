import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing
@testable import PDF

/// The second layout: what a Swedish company needs on an invoice it sends, read back from the
/// rendered PDF with `pdftotext` and checked with `qpdf`.
@Suite struct SendableInvoiceTests {
  /// A 4 × 2 RGB PNG.
  static let png: [UInt8] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 2, 8, 2, 0,
    0, 0, 240, 202, 234, 52, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 56, 33, 39, 7, 71, 12, 200,
    28, 0, 111, 10, 8, 33, 6, 165, 210, 118, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
  ]

  func text(_ bytes: [UInt8], _ directory: TemporaryDirectory, _ name: String) throws -> String {
    let path = directory.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let qpdf = try run("qpdf", ["--check", path])
    #expect(qpdf.status == 0, "\(name): \(qpdf.output)")
    return try run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]).output
  }

  /// Drafts and attests `input`; returns its id.
  func issue(_ input: InvoiceInput, in book: Book) throws -> Int {
    try book.transact { tx in
      let id = try tx.draft(input)
      _ = try tx.attest(id, on: input.invoiceDate)
      return id
    }
  }

  /// A book whose settings say everything an invoice may show.
  func book(_ directory: TemporaryDirectory, change: (inout CreditorSettings) -> Void = { _ in })
    throws -> Book
  {
    let book = try exampleBook(in: directory)
    var settings = book.state.settings
    settings.vatNumber = "SE556677889901"
    settings.registeredOffice = "Stockholm"
    settings.iban = "SE45 5000 0000 0583 9825 7466"
    settings.bic = "ESSESESS"
    settings.phone = "08-123 45 67"
    change(&settings)
    try book.updateSettings(settings)
    return book
  }

  @Test func theSellersParticularsAreOnTheInvoice() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let id = try issue(f1001, in: book)
    let page = try text(
      InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state), directory, "f.pdf")
    for expected in [
      "Godkänd för F-skatt", "Säte: Stockholm", "Momsreg.nr SE556677889901",
      "IBAN SE45 5000 0000 0583 9825 7466", "BIC ESSESESS", "08-123 45 67", "Att betala",
    ] {
      #expect(page.contains(expected), "missing \(expected) in:\n\(page)")
    }
    // Cost-centre and project codes are the seller's bookkeeping, not the customer's.
    #expect(!page.contains("KS 100") && !page.contains("Projekt P1"), "\(page)")
  }

  @Test func withoutFSkattTheInvoiceDoesNotSaySo() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory) {
      $0.fSkatt = false
      $0.printDimensions = true
    }
    let id = try issue(f1001, in: book)
    let page = try text(
      InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state), directory, "f.pdf")
    #expect(!page.contains("F-skatt"), "\(page)")
    #expect(page.contains("KS 100"), "asked for, the codes are printed:\n\(page)")
  }

  @Test func aDraftIsMarkedAndHasNoPaymentBox() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let id = try book.transact { try $0.draft(f1001) }
    let page = try text(
      InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state), directory, "d.pdf")
    #expect(page.contains("UTKAST"))
    #expect(page.contains("Utkast: inte en faktura"))
    #expect(!page.contains("Betalning") && !page.contains("OCR-nummer"), "\(page)")
  }

  @Test func inClientFundsModeOnlyTheClientFundsAccountIsOffered() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory) {
      $0.paymentMode = .clientFunds
      $0.clientFundsBankgiro = "5555-5551"
    }
    let id = try issue(f1001, in: book)
    let page = try text(
      InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state), directory, "c.pdf")
    #expect(page.contains("5555-5551") && page.contains("Klientmedel för Exempelbolaget AB"))
    #expect(!page.contains("5050-1055") && !page.contains("IBAN"), "\(page)")
  }

  @Test func anEnglishCustomerGetsAnEnglishInvoice() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let id = try book.transact { tx in
      var customer = tx.state.customers["K2"]!
      customer.language = .english
      try tx.updateCustomer(customer)
      var input = f1001
      input.customer = "K2"
      let id = try tx.draft(input)
      _ = try tx.attest(id, on: d("2025-03-10"))
      return id
    }
    let page = try text(
      InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state), directory, "e.pdf")
    for expected in [
      "Invoice", "Invoice number", "Due date", "To pay", "Approved for F-tax", "Page 1",
      "Quote the OCR reference",
    ] {
      #expect(page.contains(expected), "missing \(expected) in:\n\(page)")
    }
    #expect(!page.contains("Att betala"))
  }

  @Test func theLogoIsEmbeddedAndRefusedWhenItCannotBeShown() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let name = try book.storeLogo(Self.png, fileName: "logo.png")
    var settings = book.state.settings
    settings.logo = name
    try book.updateSettings(settings)
    let id = try issue(f1001, in: book)
    let record = book.state.invoices[id]!
    let bytes = InvoiceRenderer.invoice(
      record, in: book.state, style: .of(record, in: book.state, logo: book.logo(named:)))
    _ = try text(bytes, directory, "logo.pdf")
    let images = try run("pdfimages", ["-list", directory.file("logo.pdf")])
    #expect(images.output.contains("image       4     2  rgb     3   8  image"), "\(images.output)")
    // Transparency, palettes and files that are not pictures are refused, naming why.
    var alpha = Self.png
    alpha[25] = 6
    for (bytes, says) in [
      (alpha, "transparency"), (Array("GIF89a".utf8), "not a JPEG or PNG"),
    ] {
      let refusal = #expect(throws: BookError.self) {
        try book.storeLogo(bytes, fileName: "bad")
      }
      #expect(refusal?.code == .invalidLogo)
      #expect(refusal?.message.contains(says) == true, "\(refusal?.message ?? "")")
    }
  }

  @Test func anInvoiceKeepsTheSellersDetailsItWasIssuedWith() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let id = try issue(f1001, in: book)
    let before = InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state)
    var settings = book.state.settings
    settings.registeredOffice = "Göteborg"
    try book.updateSettings(settings)
    #expect(InvoiceRenderer.invoice(book.state.invoices[id]!, in: book.state) == before)
  }

  @Test func aSelfInvoiceIsInTheSellersName() throws {
    let directory = TemporaryDirectory()
    let book = try book(directory)
    let id = try book.transact { tx in
      var payee = tx.state.customers["K2"]!
      payee.vatNumber = "SE969611123701"
      payee.organizationNumber = "969611-1237"
      try tx.updateCustomer(payee)
      let id = try tx.draftSelfInvoice(
        payee: "K2", invoiceDate: d("2025-03-31"),
        lines: [LineInput(product: "TJ", quantity: ExactDecimal(2))], text: "Avser mars")
      _ = try tx.attestSelfInvoice(id, on: d("2025-03-31"))
      return id
    }
    let page = try text(
      InvoiceRenderer.selfInvoice(book.state.selfInvoices[id]!, in: book.state), directory,
      "s.pdf")
    #expect(page.contains("Momsreg.nr SE969611123701"), "\(page)")
    #expect(page.contains("Avser mars"))
    // The buyer's F-skatt and VAT number are not offered as the issuer's in the footer.
    #expect(!page.contains("F-skatt"), "\(page)")
    let footer = page.split(separator: "\n").last { $0.contains("Org.nr") } ?? ""
    #expect(footer.contains("Berg HB"), "\(footer)")
  }
}
