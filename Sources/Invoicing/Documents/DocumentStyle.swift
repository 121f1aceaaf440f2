import Basics
import PDF

/// How a document is printed: the layout edition, the language, the seller's settings as the
/// document was issued under, and the logo.
///
/// Edition 1 is the layout of releases up to 0.2.0, kept so that their exports rebuild byte for
/// byte. Edition 2: the F-skatt line only when the company has it, the registered office, IBAN
/// and BIC, the logo; drafts marked UTKAST without a payment box; credit notes saying what is
/// credited; cost-centre and project codes only when asked for; in client-funds mode no other
/// account to pay to; English for customers who read English; self-invoices that show the
/// seller's VAT number and the text, with the seller's identity in the footer.
public struct DocumentStyle: Sendable {
  /// The layout every new document gets.
  public static let currentEdition = 2

  public var edition: Int
  public var language: DocumentLanguage
  public var settings: CreditorSettings
  public var logo: PDFImage?

  public init(
    edition: Int = DocumentStyle.currentEdition, language: DocumentLanguage = .swedish,
    settings: CreditorSettings, logo: PDFImage? = nil
  ) {
    self.edition = edition
    self.language = language
    self.settings = settings
    self.logo = logo
  }

  var labels: DocumentLabels { DocumentLabels(language: edition >= 2 ? language : .swedish) }

  /// The style of an invoice's (or credit note's, or reminder's) documents in `edition`: the
  /// settings it was attested under and its customer's language (edition 2), or the book's
  /// current settings in Swedish (edition 1). `logo` reads the stored logo file by name.
  public static func of(
    _ record: InvoiceRecord, in state: BookState, edition: Int = currentEdition,
    logo: (String) -> PDFImage? = { _ in nil }
  ) -> DocumentStyle {
    let customer = record.recipient ?? state.customers[record.invoice.customer]
    return style(
      issuedUnder: record.issuedUnder, language: customer?.language ?? .swedish, in: state,
      edition: edition, logo: logo)
  }

  /// The style of a self-invoice's document in `edition`.
  public static func of(
    _ record: SelfInvoiceRecord, in state: BookState, edition: Int = currentEdition,
    logo: (String) -> PDFImage? = { _ in nil }
  ) -> DocumentStyle {
    style(
      issuedUnder: record.issuedUnder, language: .swedish, in: state, edition: edition, logo: logo)
  }

  private static func style(
    issuedUnder: Int?, language: DocumentLanguage, in state: BookState, edition: Int,
    logo: (String) -> PDFImage?
  ) -> DocumentStyle {
    guard edition >= 2 else { return DocumentStyle(edition: edition, settings: state.settings) }
    let settings = issuedUnder.map { state.settingsHistory[$0] } ?? state.settings
    return DocumentStyle(
      edition: edition, language: language, settings: settings, logo: settings.logo.flatMap(logo))
  }
}
