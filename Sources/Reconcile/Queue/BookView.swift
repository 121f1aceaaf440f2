import Basics
import Invoicing

/// What the matching engine needs of a book: its open items, the payers it knows, the links
/// remembered from people's matches, and the creditor's rules.
extension MatchingEngine {
  /// The engine for a book as it stands.
  public init(book state: BookState) {
    var items = [OpenItem]()
    for record in state.allInvoices where record.state != .draft {
      guard let number = record.invoice.number else { continue }
      let status: OpenItem.Status =
        switch record.state {
        case .paid: .paid
        case .credited, .writtenOff: .closed
        default: record.open.isZero ? .paid : .open
        }
      items.append(
        OpenItem(
          id: record.invoice.id, number: number, customer: record.invoice.customer,
          open: record.open, ocr: record.invoice.ocr, dueDate: record.invoice.dueDate,
          invoiceDate: record.invoice.invoiceDate, status: status,
          currency: record.invoice.currency))
    }
    let payers = state.allCustomers.map {
      KnownPayer(
        customer: $0.number, name: $0.name, organizationNumber: $0.organizationNumber,
        bankgiro: $0.bankgiro)
    }
    self.init(
      openItems: items, payers: payers, links: Self.links(in: state),
      settings: MatchSettings(tolerance: state.settings.paymentTolerance))
  }

  /// Payer → customer, from the matches people made (the latest wins).
  static func links(in state: BookState) -> [String: String] {
    var links = [String: String]()
    for record in state.allIncoming {
      guard let customer = record.customer,
        record.actions.contains(where: { $0.kind == "matched" })
      else { continue }
      if let key = PayerIndex.linkKey(record.payment.payer) { links[key] = customer }
    }
    return links
  }
}

extension IncomingPayment {
  /// How the bank classed the reference.
  public var referenceQuality: ReferenceQuality {
    referenceKind.flatMap(ReferenceQuality.init(rawValue:)) ?? .freeText
  }

  /// The payer as the engine sees it.
  public var payer: Payer {
    var payer = Payer()
    payer.name = payerName
    payer.organizationNumber = payerOrganizationNumber
    payer.bankgiro = payerBankgiro
    payer.account = payerAccount
    return payer
  }
}

extension ReferenceFinder {
  /// The finder for a book: its OCR scheme, and invoice numbers from the first to the last.
  public init(book state: BookState) {
    let last = max(state.nextInvoiceNumber - 1, state.settings.firstInvoiceNumber)
    self.init(scheme: state.settings.ocr, invoiceNumbers: 1...max(last, 1))
  }

  /// The clues of a payment kept in the book (its reference and texts as given).
  public func clues(in payment: IncomingPayment) -> (
    clues: [ReferenceClue], credits: [ReferenceClue]
  ) {
    var bank = BankPayment(
      id: payment.id, amount: payment.amount, currency: payment.currency, date: payment.date)
    bank.reference = payment.reference.map {
      PaymentReference(text: $0, quality: payment.referenceQuality)
    }
    bank.extraReferences = payment.extraReferences.map {
      PaymentReference(text: $0, quality: .structured)
    }
    bank.texts = payment.texts
    var credits = [ReferenceClue]()
    for deduction in payment.deductions {
      var credit = BankPayment(
        id: payment.id, kind: .deduction, amount: deduction.amount, currency: payment.currency,
        date: payment.date)
      credit.reference = PaymentReference(text: deduction.reference, quality: .freeText)
      for var clue in clues(in: credit) {
        clue.amount = deduction.amount
        credits.append(clue)
      }
    }
    return (clues(in: bank), credits)
  }
}
