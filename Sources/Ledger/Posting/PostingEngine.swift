import Basics
import Invoicing

/// Turns a book's activities into vouchers under the accrual or the cash method.
///
/// The engine replays activities in the order they are booked (export by export), keeping for
/// every document what is still open of it part by part. Each activity is posted with the
/// account map in force (``AccountMap``), except that a document, once booked, keeps the map
/// it was first booked with. Vouchers come out unnumbered; the export numbers them.
struct PostingEngine {
  /// Money a customer has with the creditor, oldest first.
  enum BalanceItem: Sendable {
    /// An overpayment, on the advances account (SEK).
    case advance(Amount)
    /// What a credit note credited beyond its invoice, still open on the credit note.
    case credit(document: Int, amount: Amount)
  }

  /// Vouchers and, for each, the documents behind it (kept side by side, so that either list
  /// can be handed on whole).
  struct Posted: Sendable {
    var vouchers = VoucherList()
    /// For each voucher, the documents behind it; none at all while no voucher has any (an
    /// export without its bundle finds none), and shorter than the vouchers until
    /// ``arrange(in:)`` when the last have none.
    var documents: [[DocumentRef]] = []

    var count: Int { vouchers.count }

    /// Adds the voucher of `builder` (checked), made straight into the list.
    mutating func append(_ builder: VoucherBuilder, documents behind: [DocumentRef]) {
      if !behind.isEmpty {
        while documents.count < vouchers.count { documents.append([]) }
        documents.append(behind)
      }
      builder.write(to: &vouchers)
    }

    /// The documents behind the voucher at `place`.
    func documents(at place: Int) -> [DocumentRef] {
      place < documents.count ? documents[place] : []
    }

    mutating func reserveCapacity(_ capacity: Int) {
      vouchers.reserveCapacity(capacity)
    }

    /// Puts the vouchers in `order` (`order[k]` is the place of the voucher that goes to place
    /// `k`), and their documents, by swapping those along the permutation's cycles. Then there
    /// are documents for every voucher, or none at all.
    mutating func arrange(in order: [Int]) {
      vouchers.arrange(in: order)
      guard !documents.isEmpty else { return }
      while documents.count < vouchers.count { documents.append([]) }
      var placed = [Bool](repeating: false, count: order.count)
      for start in order.indices where !placed[start] {
        var place = start
        while true {
          placed[place] = true
          let source = order[place]
          if source == start { break }
          documents.swapAt(place, source)
          place = source
        }
      }
    }
  }

  let state: BookState
  /// `state.activities`, as the ledger read them once.
  let activities: ChunkedLog<Activity>
  private(set) var maps: [AccountMap]
  /// The map new documents and non-document events are booked with.
  var currentMap: Int
  /// What is open of each invoice and credit note, by its id (dense: ids are sequential).
  var documents = IDTable<DocumentLedger>()
  /// What is open of each self-invoice, by its id.
  var selfDocuments = IDTable<DocumentLedger>()
  var balances: [String: [BalanceItem]] = [:]
  /// What each invoice payment that is undone later booked, by the book's payment id, so that
  /// undoing it books the opposite.
  var paymentPostings = IDTable<PaymentPosting>()
  /// The payments undone somewhere in the book (most never are: a book of a million payments
  /// keeps what these few booked, not what every payment booked).
  let reversedPayments: Set<Int>
  /// Year-end bookings to reverse on the first day of the next year, by that day.
  var pendingReversals: [(date: Day, documents: [Int], selfDocuments: [Int])] = []
  /// Vouchers made since the last ``takeVouchers()``.
  private(set) var posted = Posted()
  /// Whether to keep vouchers (replaying exports only needs the open amounts).
  var keepsVouchers = true
  /// Whether to find the documents behind each voucher (only an export's bundle needs them).
  var keepsDocuments = true
  /// Each invoice's credit notes, with the index of the activity that credited it.
  let creditNotes: [Int: [(note: Int, activity: Int)]]
  /// The invoices the current run attests, read ahead on another core (none for a short run).
  var readAhead: InvoiceReadAhead?

  init(state: BookState, activities: ChunkedLog<Activity>, map: AccountMap) {
    self.state = state
    self.activities = activities
    maps = [map]
    currentMap = 0
    var notes = [Int: [(note: Int, activity: Int)]]()
    var reversed = Set<Int>()
    for (index, activity) in activities.enumerated() {
      switch activity {
      case .credited(let note, let invoice, _, _, _):
        notes[invoice, default: []].append((note, index))
      case .paymentReversed(_, let payment, _):
        reversed.insert(payment)
      default:
        break
      }
    }
    creditNotes = notes
    reversedPayments = reversed
    documents.reserveCapacity(state.invoices.count)
  }

  /// Adds a map (the one of an export) and makes it current; returns its index.
  mutating func use(_ map: AccountMap) -> Int {
    maps.append(map)
    currentMap = maps.count - 1
    return currentMap
  }

  var map: AccountMap { maps[currentMap] }

  /// The vouchers made so far, leaving none.
  mutating func takeVouchers() -> Posted {
    var taken = Posted()
    swap(&taken, &posted)
    return taken
  }

  /// Makes room for `count` more vouchers (about one per activity posted).
  mutating func reserveVouchers(_ count: Int) {
    guard keepsVouchers else { return }
    posted.reserveCapacity(posted.count + count)
    // A large run fills the documents' table as it attests: faulted in on the side as it grows.
    if count >= VoucherList.populatedCount { documents.populatesAhead = true }
  }

  // MARK: Posting

  /// Books one activity on `date` (the activity's own date, or a later one for an activity
  /// that arrives after its period was exported).
  mutating func post(_ activity: Activity, index: Int, on date: Day) throws(LedgerError) {
    switch activity {
    case .attested(let id, _): try attest(id, index: index, on: date)
    case .credited(let note, let invoice, _, let applied, _):
      try credit(note: note, invoice: invoice, applied: applied, index: index, on: date)
    case .reminderFee(let id, _, let fee): try chargeFee(fee, on: id, index: index, date: date)
    case .payment(let id, let payment): try pay(payment, on: id, index: index, date: date)
    case .doubtful(let id, _, _): try markDoubtful(id, index: index, date: date)
    case .writtenOff(let id, _, _): try writeOff(id, index: index, date: date)
    case .offset(let credit, let invoice, _, let amount):
      try offset(credit: credit, invoice: invoice, amount: amount, index: index, date: date)
    case .refund(let customer, _, let amount):
      try refund(amount, to: customer, index: index, date: date)
    case .clientFundsPayout(let payout): try payOut(payout, index: index, date: date)
    case .selfInvoiceAttested(let id, _): try attestSelfInvoice(id, index: index, date: date)
    case .selfInvoicePaid(let id, _, let amount):
      try paySelfInvoice(id, amount: amount, index: index, date: date)
    case .selfInvoiceCancelled(let id, _): try cancelSelfInvoice(id, index: index, date: date)
    case .incomingReceived(let payment, _, let amount):
      try receiveUnmatched(payment, amount: amount, index: index, date: date)
    case .incomingRemoved(let payment, _, let amount, let refunded):
      try removeUnmatched(payment, amount: amount, refunded: refunded, index: index, date: date)
    case .paymentReversed(let invoice, let payment, _):
      try reversePayment(payment, on: invoice, index: index, date: date)
    }
  }

  /// Keeps a voucher made by a rule (none when all its rows came to zero).
  mutating func emit(
    _ builder: VoucherBuilder, activity: Int?, documents: [DocumentRef]? = nil
  ) throws(LedgerError) {
    guard keepsVouchers, try builder.check() else { return }
    var behind = documents ?? []
    if !keepsDocuments {
      behind = []
    } else if documents == nil, let index = activity {
      behind = documentsBehind(activity: index)
    }
    posted.append(builder, documents: behind)
  }

  /// The documents behind the activity at `index`, as the current map's edition names them.
  func documentsBehind(activity index: Int) -> [DocumentRef] {
    let edition = maps[currentMap].edition
    let activity = activities[index]
    var notes = [Int]()
    if maps[currentMap].method == .cash, case .payment(let id, _) = activity,
      let credits = creditNotes[id]
    {
      notes = credits.filter { $0.activity < index }.map(\.note)
    }
    return DocumentRef.behind(activity, edition: edition, state: state) { notes }
  }

  // MARK: Accounts

  /// The map that books `document`, fixing it on first use.
  mutating func mapIndex(forInvoice id: Int) -> Int {
    guard documents.contains(id) else { return currentMap }
    // In place: reading the document out of the table would copy it.
    var index = currentMap
    documents.update(id) { document in
      if let fixed = document.mapIndex { index = fixed } else { document.mapIndex = index }
    }
    return index
  }

  mutating func mapIndex(forSelfInvoice id: Int) -> Int {
    if let index = selfDocuments[id]?.mapIndex { return index }
    selfDocuments[id]?.mapIndex = currentMap
    return currentMap
  }

  /// The account of a part of `document`.
  func account(for key: ComponentKey, of document: DocumentLedger, map: AccountMap)
    -> AccountNumber
  {
    switch key.role {
    case .sale(let product, let kind, let rate, let category):
      map.sales(
        product: product, kind: kind, rate: rate, category: category, saleType: document.saleType)
    case .vat(let rate): map.outputVAT(rate)
    case .rounding: map.accounts.rounding
    case .fee: map.accounts.reminderFee
    case .purchase(let product): map.purchase(product: product)
    case .inputVAT(let product): map.inputVAT(product: product)
    }
  }

  /// Adds a row for a part on its own account, with its dimensions where the map keeps them.
  func addRow(
    _ key: ComponentKey, _ amount: Amount, of document: DocumentLedger, map: AccountMap,
    to builder: inout VoucherBuilder
  ) {
    let account = account(for: key, of: document, map: map)
    let keep = map.keepsDimensions(account)
    builder.add(
      account, amount, costCentre: keep ? key.costCentre : nil, project: keep ? key.project : nil)
  }

  /// Books parts taken off a document against money (or another document): booked parts clear
  /// the receivable (payable for a self-invoice) at their booked SEK value, the difference to
  /// `valueSEK` going to exchange gain or loss; parts not booked yet are booked on their own
  /// accounts at `valueSEK` (revenue and VAT under the cash method).
  ///
  /// Rows are the negative of the parts for sales documents (a payment credits them) and the
  /// parts themselves for self-invoices.
  func clear(
    _ parts: [Part], of document: DocumentLedger, valueSEK: Amount? = nil, map: AccountMap,
    to builder: inout VoucherBuilder
  ) {
    guard !parts.isEmpty else { return }
    let sign: Int64 = document.kind == .selfInvoice ? 1 : -1
    let total = parts.reduce(Amount.zero) { $0 + $1.amount }
    let values: [Amount]
    if let valueSEK, !total.isZero {
      values = valueSEK.allocated(proportionallyTo: parts.map(\.amount))
    } else {
      values = parts.map(\.sek)
    }
    let balanceAccount =
      document.kind == .selfInvoice ? map.accounts.payables : map.accounts.receivables
    var difference = Amount.zero
    for (part, value) in zip(parts, values) {
      if part.booked {
        builder.add(balanceAccount, part.sek * sign)
        difference += (value - part.sek) * sign
      } else {
        addRow(part.key, value * sign, of: document, map: map, to: &builder)
      }
    }
    if difference < .zero {
      builder.add(map.accounts.exchangeGain, difference)
    } else if difference > .zero {
      builder.add(map.accounts.exchangeLoss, difference)
    }
  }

  /// Reverses a doubtful reserve once its document is closed.
  mutating func releaseReserve(ofInvoice id: Int, map: AccountMap, to builder: inout VoucherBuilder)
  {
    guard documents.contains(id) else { return }
    // In place: most documents have no reserve, and reading one out of the table copies it.
    var reserve = Amount.zero
    documents.update(id) { document in
      guard !document.reserve.isZero, document.open.isZero else { return }
      reserve = document.reserve
      document.reserve = .zero
    }
    guard !reserve.isZero else { return }
    builder.add(map.accounts.doubtfulReceivables, reserve)
    builder.add(map.accounts.expectedBadDebt, -reserve)
  }

  /// The record of invoice `id`. Each is read once, when its invoice is attested: records of
  /// a checkpoint are built for it and not kept.
  func invoice(_ id: Int) throws(LedgerError) -> InvoiceRecord {
    guard let record = state.invoices.readOnce(id) else {
      throw LedgerError(.inconsistentBook, .invoice("d\(id)"), "no invoice with id \(id)")
    }
    return record
  }

  func document(_ id: Int) throws(LedgerError) -> DocumentLedger {
    guard let document = documents[id] else { throw Self.unattested(id) }
    return document
  }

  /// The document of invoice `id`, taken out of the table (moved, not copied) until it is put
  /// back.
  mutating func takeDocument(_ id: Int) throws(LedgerError) -> DocumentLedger {
    guard let document = documents.take(id) else { throw Self.unattested(id) }
    return document
  }

  private static func unattested(_ id: Int) -> LedgerError {
    LedgerError(
      .inconsistentBook, .invoice("d\(id)"), "invoice \(id) is booked before it was attested")
  }
}

extension PostingEngine {
  /// The customer (or payee) of a document in a voucher text: the number, and since edition 2
  /// the name the document was issued to.
  func party(_ document: DocumentLedger, _ map: AccountMap) -> String {
    guard let name = recipient(document, map) else { return document.customer }
    return "\(document.customer) \(name)"
  }

  /// The name a document was issued to, where the map's edition shows it in voucher texts.
  private func recipient(_ document: DocumentLedger, _ map: AccountMap) -> String? {
    map.edition >= 2 ? document.recipient : nil
  }

  /// `title`, the document's name and its ``party(_:_:)``, spaced: the text of most vouchers,
  /// kept as its parts until it is written.
  func voucherText(_ title: String, _ document: DocumentLedger, _ map: AccountMap) -> VoucherText {
    VoucherText(title, document.name, document.customer, recipient(document, map))
  }
}
