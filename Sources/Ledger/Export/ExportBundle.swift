import Basics
import Invoicing
import Zip

/// The ZIP that goes with an SIE export: the PDF of every invoice, credit note and
/// self-invoice behind its vouchers, their attachments, and `manifest.csv` (invoice number →
/// file, amount, vouchers). Entries are sorted by name and dated on the export's `#GEN` day,
/// so the same export always gives the same bytes.
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
    public var vouchers: [String]
  }

  /// The documents behind `vouchers`, in number order, with the vouchers each is in.
  public static func entries(
    vouchers: [Voucher], sources: [[DocumentRef]], state: BookState
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
            attachments: invoice.attachments.map {
              ZipEntryName.sanitized(
                "bilagor/\(invoice.displayName)/\($0.hash.prefix(8))-\($0.fileName)")
            },
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
    // Invoices (credit notes, credits) by number, then self-invoices by number.
    func key(_ entry: Entry) -> (Int, Int, String) {
      switch entry.document {
      case .invoice: (0, Int(entry.number) ?? Int.max, entry.number)
      case .selfInvoice: (1, 0, entry.number)
      }
    }
    return entries.sorted { key($0) < key($1) }
  }

  /// `manifest.csv`: one row per document.
  public static func manifest(_ entries: [Entry]) -> [UInt8] {
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
    _ entries: [Entry], state: BookState, documents: String, date: Day, to output: Output
  ) throws -> Output {
    var files = [(name: String, contents: () throws -> [UInt8])]()
    files.append(("manifest.csv", { manifest(entries) }))
    for entry in entries {
      switch entry.document {
      case .invoice(let id):
        let record = state.invoices[id]!
        files.append((entry.file, { InvoiceRenderer.invoice(record, in: state) }))
        for (attachment, name) in zip(record.invoice.attachments, entry.attachments) {
          files.append(
            (name, { try FilePath.read(FilePath.join(documents, attachment.hash + ".pdf")) }))
        }
      case .selfInvoice(let id):
        let record = state.selfInvoices[id]!
        files.append((entry.file, { InvoiceRenderer.selfInvoice(record, in: state) }))
      }
    }
    files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    var zip = ZipWriter(output: output, date: date)
    for file in files { try zip.add(file.name, try file.contents()) }
    return try zip.finish()
  }
}
