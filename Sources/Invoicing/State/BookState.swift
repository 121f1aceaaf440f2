import Basics

/// Everything a book holds, rebuilt by replaying its journal: registers, invoices with what
/// happened to them, customer balances, self-invoices, and the activities the ledger books.
public struct BookState: Sendable {
  public internal(set) var settings: CreditorSettings
  /// Every version of the settings, oldest first; the last is ``settings``.
  public internal(set) var settingsHistory: [CreditorSettings]
  /// The registers, each by number (code) and in the order entries were added; an entry's id
  /// is its place there.
  public internal(set) var customers = Register<Customer>()
  private var recipients = SharedRecipients()
  public internal(set) var products = Register<Product>()
  public internal(set) var costCentres = Register<DimensionEntry>()
  public internal(set) var projects = Register<DimensionEntry>()
  public internal(set) var invoices = InvoiceTable()
  public internal(set) var invoiceOrder: [Int] = []
  public internal(set) var externalIds: [String: Int] = [:]
  public internal(set) var invoiceNumbers: [Int: Int] = [:]
  public internal(set) var nextInvoiceID = 1
  public internal(set) var nextPaymentID = 1
  /// The next number of the invoice series (invoices, credit notes and credits share it).
  public internal(set) var nextInvoiceNumber: Int
  /// Overpayments and excess credits, per customer, not yet paid back or used.
  public internal(set) var balances: [String: Amount] = [:]
  public internal(set) var selfInvoices: [Int: SelfInvoiceRecord] = [:]
  public internal(set) var selfInvoiceOrder: [Int] = []
  public internal(set) var nextSelfInvoiceID = 1
  /// The last self-invoice number used per payee.
  public internal(set) var payeeSequences: [String: Int] = [:]
  /// Money customers paid into the client-funds account, not yet paid out.
  public internal(set) var clientFundsHeld = Amount.zero
  /// The payouts of client funds to the creditor, in journal order.
  public internal(set) var clientFundsPayouts: [ClientFundsPayout] = []
  /// What the ledger books, in journal order.
  ///
  /// In a book opened from its checkpoint, the checkpoint's activities are read the first
  /// time, and each read puts those logged since after them: read it once, not per element.
  public var activities: ChunkedLog<Activity> { activityLog.activities }
  /// The stable identity of each activity (parallel to ``activities``): the journal line
  /// whose event made it, and its place among that line's activities.
  public var activityIDs: ChunkedLog<ActivityID> { activityLog.ids }
  var activityLog = ActivityLog()
  /// The journal lines applied (a batch is one line).
  public internal(set) var journalLines = 0
  /// Activities logged so far by the line being applied.
  private var lineOrdinal = 0
  /// Payments from payment files, by id, and their order of arrival.
  public internal(set) var incoming: [String: IncomingRecord] = [:]
  public internal(set) var incomingOrder: [String] = []
  /// Payment files imported (by SHA-256 → name) and deposits (key → content hash).
  public internal(set) var importedFiles: [String: String] = [:]
  public internal(set) var importedDeposits: [String: String] = [:]
  /// Events of other modules (the ledger's exports), in journal order.
  public internal(set) var otherEvents: [(type: String, payload: JSONValue)] = []
  /// For each of ``otherEvents``, the settings in force when it was recorded (an index into
  /// ``settingsHistory``): an export's file shows the company as it was then.
  public internal(set) var otherEventSettings: [Int] = []
  /// Events applied (a batch counts its parts).
  public internal(set) var eventCount = 0

  public init(settings: CreditorSettings) {
    self.settings = settings
    settingsHistory = [settings]
    nextInvoiceNumber = settings.firstInvoiceNumber
  }

  // MARK: Lookups

  /// The invoice with this number, or with this external id, or the draft with id `d7` (a
  /// draft only: once attested an invoice goes by its number).
  public func invoice(named name: String) -> InvoiceRecord? {
    if let id = externalIds[name] { return invoices[id] }
    if let number = Int(name), let id = invoiceNumbers[number] { return invoices[id] }
    if let record = draftRecord(named: name), record.invoice.number == nil { return record }
    return nil
  }

  /// The record a draft id `d7` was given to, drafted or attested since.
  public func draftRecord(named name: String) -> InvoiceRecord? {
    guard name.hasPrefix("d"), let id = Int(name.dropFirst()) else { return nil }
    return invoices[id]
  }

  /// The invoices in the order they were drafted.
  public var allInvoices: [InvoiceRecord] { invoiceOrder.compactMap { invoices[$0] } }

  /// The customers in the order they were added.
  public var allCustomers: [Customer] { Array(customers) }
  /// The incoming payments in the order they arrived.
  public var allIncoming: [IncomingRecord] { incomingOrder.compactMap { incoming[$0] } }
  public var allProducts: [Product] { Array(products) }
  public var allCostCentres: [DimensionEntry] { Array(costCentres) }
  public var allProjects: [DimensionEntry] { Array(projects) }
  public var allSelfInvoices: [SelfInvoiceRecord] {
    selfInvoiceOrder.compactMap { selfInvoices[$0] }
  }

  /// The self-invoice with this number, or draft id written `d7`, or external id.
  public func selfInvoice(named name: String) -> SelfInvoiceRecord? {
    if let found = selfInvoices.values.first(where: {
      $0.selfInvoice.number == name || $0.selfInvoice.externalId == name
    }) {
      return found
    }
    if name.hasPrefix("d"), let id = Int(name.dropFirst()) { return selfInvoices[id] }
    return nil
  }

  // MARK: Mutation helpers for apply

  mutating func setCustomer(_ customer: Customer) {
    customers.put(customer, for: customer.number)
    if let id = customers.id(of: customer.number) { recipients.forget(id) }
  }

  /// The customer `number` as an invoice attested now shows it, in the box the customer's
  /// other invoices attested since its last change share.
  mutating func recipient(_ number: String) -> SharedCustomer? {
    guard let id = customers.id(of: number) else { return nil }
    return recipients.box(for: id, customers[id])
  }

  mutating func setProduct(_ product: Product) {
    products.put(product, for: product.number)
  }

  mutating func addCostCentre(_ entry: DimensionEntry) {
    costCentres.put(entry, for: entry.code)
  }

  mutating func addProject(_ entry: DimensionEntry) {
    projects.put(entry, for: entry.code)
  }

  mutating func insertDraft(_ invoice: Invoice) {
    invoices[invoice.id] = InvoiceRecord(invoice: invoice)
    invoiceOrder.append(invoice.id)
    if let externalId = invoice.externalId { externalIds[externalId] = invoice.id }
    nextInvoiceID = invoice.id + 1
  }

  /// A draft's new content, in its place.
  mutating func replaceDraft(_ invoice: Invoice) {
    if let old = invoices[invoice.id]?.invoice.externalId { externalIds[old] = nil }
    if let externalId = invoice.externalId { externalIds[externalId] = invoice.id }
    invoices[invoice.id]?.invoice = invoice
  }

  mutating func removeDraft(_ id: Int) {
    if let externalId = invoices[id]?.invoice.externalId { externalIds[externalId] = nil }
    invoices[id] = nil
    invoiceOrder.removeAll { $0 == id }
  }

  mutating func updateRecord(_ id: Int, _ body: (inout InvoiceRecord) -> Void) {
    invoices.update(id, body)
  }

  mutating func assignNumber(_ number: Int, to id: Int) {
    invoiceNumbers[number] = id
    nextInvoiceNumber = number + 1
  }

  mutating func nextPayment() { nextPaymentID += 1 }

  /// Adds to a customer's balance; refuses a sum past ``Limits`` (never overflows).
  mutating func addToBalance(_ customer: String, _ amount: Amount) throws(BookError) {
    guard !amount.isZero else { return }
    let sum = (balances[customer] ?? .zero).adding(amount)
    guard let sum, Limits.contains(sum) else {
      throw BookError(
        .invalidAmount, .customer(customer),
        "customer \(customer)'s balance would pass what a book accepts (\(Limits.amount))")
    }
    balances[customer] = sum
  }

  mutating func log(_ activity: Activity) {
    activityLog.append(activity, id: ActivityID(line: journalLines + 1, ordinal: lineOrdinal))
    lineOrdinal += 1
  }

  /// Ends the journal line being applied: the next event starts a new one.
  mutating func finishLine() {
    journalLines += 1
    lineOrdinal = 0
  }

  mutating func insertSelfInvoice(_ selfInvoice: SelfInvoice) {
    selfInvoices[selfInvoice.id] = SelfInvoiceRecord(selfInvoice: selfInvoice)
    selfInvoiceOrder.append(selfInvoice.id)
    nextSelfInvoiceID = selfInvoice.id + 1
  }

  mutating func updateSelfInvoice(_ id: Int, _ body: (inout SelfInvoiceRecord) -> Void) {
    body(&selfInvoices[id]!)
  }

  mutating func setPayeeSequence(_ payee: String, _ sequence: Int) {
    payeeSequences[payee] = sequence
  }

  mutating func addOther(type: String, payload: JSONValue) {
    otherEvents.append((type, payload))
    otherEventSettings.append(settingsHistory.count - 1)
  }

  mutating func countEvent() { eventCount += 1 }

  /// Adds to the client funds held; refuses a sum that would not fit (never overflows).
  mutating func addClientFunds(_ amount: Amount) throws(BookError) {
    guard let sum = clientFundsHeld.adding(amount) else {
      throw BookError(.invalidAmount, .none, "the client funds would pass what a book can hold")
    }
    clientFundsHeld = sum
  }
}
