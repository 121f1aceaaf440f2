import Basics

/// What an invoice is: a sales invoice, a credit note for one, or a standalone credit.
public enum InvoiceKind: Hashable, Sendable {
  case invoice
  /// A credit note for the invoice with this id: when attested, it credits that invoice.
  case creditNote(of: Int)
  /// A credit of its own (a negative invoice), to be used on an invoice of the same customer.
  case credit

  public var isCredit: Bool { self != .invoice }
}

/// How the sale is taxed, from the customer's market.
public enum SaleType: String, Hashable, Sendable, CaseIterable {
  /// Swedish VAT.
  case domestic
  /// Domestic reverse charge (construction): no VAT, the buyer accounts for it.
  case reverseCharge
  /// To a business in another EU country: no Swedish VAT.
  case eu
  /// Outside the EU: no Swedish VAT.
  case export

  /// The note the invoice must carry when it has no VAT.
  public var vatNote: String? {
    switch self {
    case .domestic: nil
    case .reverseCharge: "Omvänd betalningsskyldighet för byggtjänster"
    case .eu: "Omvänd betalningsskyldighet / Reverse charge"
    case .export: "Export, ej svensk moms"
    }
  }
}

/// A PDF kept with an invoice.
public struct Attachment: Hashable, Sendable {
  public enum Placement: String, Hashable, Sendable, CaseIterable {
    /// Before the invoice (försättsblad).
    case cover
    /// After the invoice.
    case appendix
  }

  /// The SHA-256 of the content; the file is `documents/<hash>.pdf`.
  public var hash: String
  public var fileName: String
  public var placement: Placement
  public var size: Int

  public init(hash: String, fileName: String, placement: Placement, size: Int) {
    self.hash = hash
    self.fileName = fileName
    self.placement = placement
    self.size = size
  }
}

/// An invoice, credit note or standalone credit, as drafted and (once attested) fixed.
public struct Invoice: Hashable, Sendable {
  /// The book's internal id, given when drafted.
  public var id: Int
  public var kind: InvoiceKind
  /// The invoice number, given when attested from the unbroken series.
  public var number: Int?
  /// The caller's own id (from an import).
  public var externalId: String?
  public var customer: String
  public var invoiceDate: Day
  public var dueDate: Day
  public var lines: [InvoiceLine]
  public var currency: String
  /// SEK per unit of ``currency``, for invoices in another currency.
  public var exchangeRate: ExactDecimal?
  public var saleType: SaleType
  public var roundToKronor: Bool
  /// The OCR reference, given when attested.
  public var ocr: String?
  public var reference: String?
  public var text: String?
  /// The day of the first reminder, set when the invoice is made: reminded then without anyone
  /// asking (BR-12), whatever the reminder plan says.
  public var reminderDate: Day?
  public var attachments: [Attachment]

  public init(
    id: Int, kind: InvoiceKind = .invoice, customer: String, invoiceDate: Day, dueDate: Day,
    lines: [InvoiceLine], currency: String = "SEK", exchangeRate: ExactDecimal? = nil,
    saleType: SaleType = .domestic, roundToKronor: Bool = false, externalId: String? = nil,
    reference: String? = nil, text: String? = nil, reminderDate: Day? = nil
  ) {
    self.id = id
    self.kind = kind
    number = nil
    self.externalId = externalId
    self.customer = customer
    self.invoiceDate = invoiceDate
    self.dueDate = dueDate
    self.lines = lines
    self.currency = currency
    self.exchangeRate = exchangeRate
    self.saleType = saleType
    self.roundToKronor = roundToKronor
    ocr = nil
    self.reference = reference
    self.text = text
    self.reminderDate = reminderDate
    attachments = []
  }

  public var totals: InvoiceTotals { InvoiceTotals(lines: lines, roundToKronor: roundToKronor) }

  /// `totals.total`, without listing the rates.
  public var total: Amount { InvoiceTotals.total(of: lines, roundToKronor: roundToKronor) }

  /// `"1001"`, or `"draft 7"` before attestation.
  public var displayName: String { number.map(String.init) ?? "draft \(id)" }

  /// A heading for the document: Faktura, Kreditfaktura.
  public var title: String { kind.isCredit ? "Kreditfaktura" : "Faktura" }
}

/// An invoice's sums: net and VAT per rate (VAT computed on each rate's net), the rounding to
/// whole kronor when chosen, and the total.
public struct InvoiceTotals: Hashable, Sendable {
  public struct RateLine: Hashable, Sendable {
    public var rate: VATRate
    public var net: Amount
    public var vat: Amount
  }

  public var rates: [RateLine]
  public var net: Amount
  public var vat: Amount
  /// The difference to the total rounded to whole kronor (zero when not rounding).
  public var rounding: Amount
  public var total: Amount

  public init(lines: [InvoiceLine], roundToKronor: Bool) {
    let nets = Self.nets(of: lines)
    var used = 0
    for index in nets.indices where nets[index] != nil { used += 1 }
    rates = []
    rates.reserveCapacity(used)
    for index in nets.indices {
      guard let net = nets[index] else { continue }
      let rate = Self.order[index]
      rates.append(RateLine(rate: rate, net: net, vat: rate.vat(on: net)))
    }
    net = rates.reduce(.zero) { $0 + $1.net }
    vat = rates.reduce(.zero) { $0 + $1.vat }
    let exact = net + vat
    total = roundToKronor ? exact.roundedToKronor() : exact
    rounding = total - exact
  }

  /// The ``total`` of `lines` alone, worked out as the initializer does without listing the
  /// rates: replaying a book asks for it at every payment.
  public static func total(of lines: [InvoiceLine], roundToKronor: Bool) -> Amount {
    var exact = Amount.zero
    let nets = nets(of: lines)
    for index in nets.indices {
      if let net = nets[index] { exact += net + order[index].vat(on: net) }
    }
    return roundToKronor ? exact.roundedToKronor() : exact
  }

  /// The rates, highest first.
  private static let order: InlineArray<4, VATRate> = [.standard, .reduced, .low, .zero]

  /// The net of the lines and parts at each rate of ``order``, `nil` for a rate none uses.
  private static func nets(of lines: [InvoiceLine]) -> InlineArray<4, Amount?> {
    var nets: InlineArray<4, Amount?> = [nil, nil, nil, nil]
    func add(_ net: Amount, _ rate: VATRate) {
      let index =
        switch rate {
        case .standard: 0
        case .reduced: 1
        case .low: 2
        case .zero: 3
        }
      nets[index] = (nets[index] ?? .zero) + net
    }
    for line in lines {
      if line.parts.isEmpty {
        add(line.net, line.vatRate)
      } else {
        for part in line.parts { add(part.net, part.vatRate) }
      }
    }
    return nets
  }
}
