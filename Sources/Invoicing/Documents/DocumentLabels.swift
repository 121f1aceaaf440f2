import Basics

/// The words on a document, in Swedish or English.
struct DocumentLabels {
  let language: DocumentLanguage

  private var english: Bool { language == .english }

  private func text(_ swedish: String, _ english: String) -> String {
    self.english ? english : swedish
  }

  var invoiceNumber: String { text("Fakturanummer", "Invoice number") }
  var invoiceDate: String { text("Fakturadatum", "Invoice date") }
  var dueDate: String { text("Förfallodatum", "Due date") }
  var ocr: String { "OCR" }
  var customerNumber: String { text("Kundnummer", "Customer number") }
  var yourReference: String { text("Er referens", "Your reference") }
  var yourVATNumber: String { text("Ert momsreg.nr", "Your VAT number") }
  var credits: String { text("Krediterar faktura", "Credits invoice") }
  var draft: String { text("Utkast", "Draft") }
  var draftMark: String { text("UTKAST", "DRAFT") }
  var draftNote: String {
    text("Utkast: inte en faktura, ska inte betalas.", "Draft: not an invoice, not to be paid.")
  }

  func title(_ kind: InvoiceKind) -> String {
    kind.isCredit ? text("Kreditfaktura", "Credit note") : text("Faktura", "Invoice")
  }

  var columns: [String] {
    english
      ? ["Description", "Quantity", "Unit", "Unit price", "Discount", "VAT", "Amount"]
      : ["Beskrivning", "Antal", "Enhet", "À-pris", "Rabatt", "Moms", "Belopp"]
  }
  var costCentre: String { text("KS", "Cost centre") }
  var project: String { text("Projekt", "Project") }
  var net: String { text("Netto", "Net") }
  func vat(_ percent: Int, on net: String) -> String {
    text("Moms \(percent) % på \(net)", "VAT \(percent) % on \(net)")
  }
  var rounding: String { text("Öresavrundning", "Rounding") }
  var toPay: String { text("Att betala", "To pay") }
  var credited: String { text("Krediteras", "Credited") }
  var notToBePaid: String {
    text("Kreditfakturan ska inte betalas.", "This credit note is not to be paid.")
  }
  func exchangeRate(_ currency: String, _ rate: String) -> String {
    text("Växelkurs: 1 \(currency) = \(rate) SEK", "Exchange rate: 1 \(currency) = \(rate) SEK")
  }
  var attachments: String { text("Bilagor", "Attachments") }
  func vatNote(_ saleType: SaleType) -> String? {
    guard english else { return saleType.vatNote }
    switch saleType {
    case .domestic: return nil
    case .reverseCharge: return "Reverse charge: construction services (Swedish VAT Act)"
    case .eu: return "Reverse charge"
    case .export: return "Export, no Swedish VAT"
    }
  }

  var payment: String { text("Betalning", "Payment") }
  var payee: String { text("Mottagare", "Payee") }
  var ocrNumber: String { text("OCR-nummer", "OCR reference") }
  var amount: String { text("Belopp", "Amount") }
  var quoteOCR: String {
    text("Ange OCR-numret när du betalar.", "Quote the OCR reference when you pay.")
  }
  func clientFunds(_ name: String) -> String {
    text("Klientmedel för \(name)", "Client funds for \(name)")
  }

  var reminder: String { text("Påminnelse", "Reminder") }
  var date: String { text("Datum", "Date") }
  var invoice: String { text("Faktura", "Invoice") }
  var fellDue: String { text("Förföll", "Fell due") }
  func reminderText(_ invoice: String, _ due: String) -> String {
    text(
      "Vi har ännu inte fått betalt för faktura \(invoice). Vänligen betala senast \(due).",
      "We have not yet received payment for invoice \(invoice). Please pay by \(due).")
  }
  var invoiceAmount: String { text("Fakturabelopp", "Invoice amount") }
  var paid: String { text("Betalt", "Paid") }
  var creditedSoFar: String { text("Krediterat", "Credited") }
  var earlierFees: String { text("Tidigare påminnelseavgifter", "Earlier reminder fees") }
  var reminderFee: String { text("Påminnelseavgift", "Reminder fee") }

  var page: String { text("Sida", "Page") }
  var registrationNumber: String { text("Org.nr", "Reg. no.") }
  var vatNumber: String { text("Momsreg.nr", "VAT no.") }
  var fSkatt: String { text("Godkänd för F-skatt", "Approved for F-tax") }
  var registeredOffice: String { text("Säte", "Registered office") }
}
