import Basics
import Invoicing
import PDF
import Zip

/// The ZIP that goes with an SIE export: the PDF of every document behind its vouchers (the
/// invoices, credit notes, self-invoices and, since edition 2, reminders), their attachments,
/// and `manifest.csv`: in edition 1 one row per document (number → file, amount, vouchers);
/// since edition 2 one row per voucher and file behind it, saying which attachment is a cover
/// sheet. Entries are sorted by name and dated on the export's `#GEN` day, so the same export
/// always gives the same bytes.
public enum ExportBundle {
  /// One document in the bundle.
  public struct Entry: Sendable {
    public var document: DocumentRef
    public var number: String
    public var kind: String
    public var customer: String
    public var date: Day
    public var total: Amount
    public var currency: String
    public var file: String
    public var attachments: [String]
    /// The attachments (of ``attachments``) that come before the document: cover sheets.
    public var covers: Set<String> = []
    public var vouchers: [String]
  }

  /// The documents behind `vouchers`, in number order, with the vouchers each is in.
  public static func entries(
    vouchers: some Sequence<Voucher>, sources: [[DocumentRef]], state: BookState
  ) -> [Entry] {
    var order = [DocumentRef]()
    var voucherNames = [DocumentRef: [String]]()
    for (voucher, documents) in zip(vouchers, sources) {
      for document in documents {
        if voucherNames[document] == nil { order.append(document) }
        voucherNames[document, default: []].append(voucher.displayName)
      }
    }
    var entries = [Entry]()
    for document in order {
      switch document {
      case .invoice(let id):
        guard let record = state.invoices[id] else { continue }
        let invoice = record.invoice
        let kind =
          switch invoice.kind {
          case .invoice: "faktura"
          case .creditNote: "kreditfaktura"
          case .credit: "kredit"
          }
        let file = "\(kind)-\(invoice.displayName).pdf"
        entries.append(
          Entry(
            document: document, number: invoice.displayName, kind: kind, customer: invoice.customer,
            date: invoice.invoiceDate, total: invoice.totals.total, currency: invoice.currency,
            file: ZipEntryName.sanitized(file),
            attachments: invoice.attachments.map { attachmentName($0, of: invoice) },
            covers: Set(
              invoice.attachments.filter { $0.placement == .cover }.map {
                attachmentName($0, of: invoice)
              }),
            vouchers: voucherNames[document]!))
      case .reminder(let id, let index):
        guard let record = state.invoices[id], record.reminders.indices.contains(index) else {
          continue
        }
        let number = "\(record.invoice.displayName)-\(index + 1)"
        entries.append(
          Entry(
            document: document, number: number, kind: "paminnelse",
            customer: record.invoice.customer, date: record.reminders[index].date,
            total: record.reminders[index].fee, currency: record.invoice.currency,
            file: ZipEntryName.sanitized("paminnelse-\(number).pdf"), attachments: [],
            vouchers: voucherNames[document]!))
      case .selfInvoice(let id):
        guard let record = state.selfInvoices[id] else { continue }
        let selfInvoice = record.selfInvoice
        entries.append(
          Entry(
            document: document, number: selfInvoice.displayName, kind: "sjalvfaktura",
            customer: selfInvoice.payee, date: selfInvoice.invoiceDate,
            total: selfInvoice.totals.total,
            currency: "SEK",
            file: ZipEntryName.sanitized("sjalvfaktura-\(selfInvoice.displayName).pdf"),
            attachments: [], vouchers: voucherNames[document]!))
      }
    }
    // Invoices (credit notes, credits) by number, each followed by its reminders, then
    // self-invoices by number.
    func key(_ entry: Entry) -> (Int, Int, String) {
      switch entry.document {
      case .invoice: (0, Int(entry.number) ?? Int.max, entry.number)
      case .reminder(let id, _):
        (0, state.invoices[id]?.invoice.number ?? Int.max, entry.number)
      case .selfInvoice: (1, 0, entry.number)
      }
    }
    return entries.sorted { key($0) < key($1) }
  }

  static func attachmentName(_ attachment: Attachment, of invoice: Invoice) -> String {
    ZipEntryName.sanitized(
      "bilagor/\(invoice.displayName)/\(attachment.hash.prefix(8))-\(attachment.fileName)")
  }

  /// `manifest.csv`: one row per document (edition 1), or per voucher and file (edition 2).
  public static func manifest(_ entries: [Entry], edition: Int = 1) -> [UInt8] {
    edition >= 2 ? voucherManifest(entries) : documentManifest(entries)
  }

  /// One row per voucher and file behind it, vouchers in series and number order: the
  /// document's PDF, then its attachments (`cover sheet` or `appendix`).
  static func voucherManifest(_ entries: [Entry]) -> [UInt8] {
    var rows = [String: [[String]]]()
    for entry in entries {
      var files = [[entry.file, entry.kind, entry.number]]
      for attachment in entry.attachments {
        files.append([
          attachment, entry.covers.contains(attachment) ? "cover sheet" : "appendix", entry.number,
        ])
      }
      for voucher in entry.vouchers { rows[voucher, default: []] += files }
    }
    func order(_ name: String) -> (String, Int) {
      let parts = name.split(separator: " ")
      return (String(parts.first ?? ""), Int(parts.last ?? "") ?? 0)
    }
    var csv = CSVWriter()
    csv.row(["voucher", "file", "role", "document"])
    for voucher in rows.keys.sorted(by: { order($0) < order($1) }) {
      for file in rows[voucher]! { csv.row([voucher] + file) }
    }
    return csv.bytes
  }

  /// One row per document.
  static func documentManifest(_ entries: [Entry]) -> [UInt8] {
    var csv = CSVWriter()
    csv.row([
      "number", "kind", "customer", "date", "total", "currency", "file", "vouchers", "attachments",
    ])
    for entry in entries {
      csv.row([
        entry.number, entry.kind, entry.customer, entry.date.iso, entry.total.description,
        entry.currency,
        entry.file, entry.vouchers.joined(separator: "; "),
        entry.attachments.joined(separator: "; "),
      ])
    }
    return csv.bytes
  }

  /// Writes the bundle of `entries` to `output`; attachments are read from the book's
  /// `documents` directory.
  public static func write<Output: ZipOutput>(
    _ entries: [Entry], state: BookState, documents: String, date: Day, edition: Int = 1,
    to output: Output
  ) throws -> Output {
    var files = [(name: String, contents: () throws -> [UInt8])]()
    files.append(("manifest.csv", { manifest(entries, edition: edition) }))
    // The logo a document was issued with, read once from the book's documents.
    var logos = [String: PDFImage?]()
    func logo(_ name: String) -> PDFImage? {
      if let known = logos[name] { return known }
      let image = try? PDFImage(FilePath.read(FilePath.join(documents, name)))
      logos[name] = image
      return image
    }
    for entry in entries {
      switch entry.document {
      case .invoice(let id):
        let record = state.invoices[id]!
        let style = DocumentStyle.of(record, in: state, edition: edition, logo: logo)
        files.append((entry.file, { InvoiceRenderer.invoice(record, in: state, style: style) }))
        for (attachment, name) in zip(record.invoice.attachments, entry.attachments) {
          files.append(
            (name, { try FilePath.read(FilePath.join(documents, attachment.hash + ".pdf")) }))
        }
      case .selfInvoice(let id):
        let record = state.selfInvoices[id]!
        let style = DocumentStyle.of(record, in: state, edition: edition, logo: logo)
        files.append(
          (entry.file, { SelfInvoiceRenderer.selfInvoice(record, in: state, style: style) }))
      case .reminder(let id, let index):
        let record = state.invoices[id]!
        let style = DocumentStyle.of(record, in: state, edition: edition, logo: logo)
        files.append(
          (
            entry.file,
            { InvoiceRenderer.reminder(record, index: index, in: state, style: style) }
          ))
      }
    }
    files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    var zip = ZipWriter(output: output, date: date)
    for file in files { try zip.add(file.name, try file.contents()) }
    return try zip.finish()
  }
}
