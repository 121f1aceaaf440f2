import Basics

/// Where an invoice stands.
public enum InvoiceState: String, Hashable, Sendable, CaseIterable {
  case draft, attested, reminded, collection, paid, credited, writtenOff

  /// Whether nothing more can happen to the open amount.
  public var isFinal: Bool { self == .paid || self == .credited || self == .writtenOff }
}

/// A customer held by reference: the snapshot many documents of one customer share.
final class SharedCustomer: Sendable {
  let customer: Customer
  init(_ customer: Customer) { self.customer = customer }
}

/// An invoice and everything that happened to it: the book's view, rebuilt by replaying the
/// journal.
///
/// A value, held by reference underneath (copied on a change when shared), so that a book of
/// a million invoices copies and frees its register one reference per invoice.
public struct InvoiceRecord: Hashable, Sendable {
  /// The stored fields; shared between copies until one of them changes.
  private final class Storage: @unchecked Sendable {
    // No initial values: the fields are then initialized by `init`, not assigned to after.
    // Reached only through the record's accessors, one at a time (a record changing its
    // storage first makes it its own): not checked for overlapping access at run time, a
    // check every event applied would otherwise pay.
    @exclusivity(unchecked) var invoice: Invoice
    @exclusivity(unchecked) var state: InvoiceState
    @exclusivity(unchecked) var attestedOn: Day?
    @exclusivity(unchecked) var reminders: [(date: Day, fee: Amount)]
    @exclusivity(unchecked) var reminderStatements: [(paid: Amount, credited: Amount)]
    @exclusivity(unchecked) var collectionDate: Day?
    @exclusivity(unchecked) var payments: [AppliedPayment]
    @exclusivity(unchecked) var credits: [(date: Day, amount: Amount, source: Int)]
    @exclusivity(unchecked) var writeOff: (date: Day, amount: Amount)?
    @exclusivity(unchecked) var doubtfulOn: Day?
    @exclusivity(unchecked) var closedOn: Day?
    @exclusivity(unchecked) var recipient: SharedCustomer?
    @exclusivity(unchecked) var issuedUnder: Int?

    convenience init(invoice: Invoice) {
      self.init(
        invoice: invoice, state: .draft, attestedOn: nil, reminders: [], reminderStatements: [],
        collectionDate: nil, payments: [], credits: [], writeOff: nil, doubtfulOn: nil,
        closedOn: nil, recipient: nil, issuedUnder: nil)
    }

    init(
      invoice: Invoice, state: InvoiceState, attestedOn: Day?,
      reminders: [(date: Day, fee: Amount)], reminderStatements: [(paid: Amount, credited: Amount)],
      collectionDate: Day?, payments: [AppliedPayment],
      credits: [(date: Day, amount: Amount, source: Int)], writeOff: (date: Day, amount: Amount)?,
      doubtfulOn: Day?, closedOn: Day?, recipient: SharedCustomer?, issuedUnder: Int?
    ) {
      self.invoice = invoice
      self.state = state
      self.attestedOn = attestedOn
      self.reminders = reminders
      self.reminderStatements = reminderStatements
      self.collectionDate = collectionDate
      self.payments = payments
      self.credits = credits
      self.writeOff = writeOff
      self.doubtfulOn = doubtfulOn
      self.closedOn = closedOn
      self.recipient = recipient
      self.issuedUnder = issuedUnder
    }

    func copy() -> Storage {
      Storage(
        invoice: invoice, state: state, attestedOn: attestedOn, reminders: reminders,
        reminderStatements: reminderStatements, collectionDate: collectionDate,
        payments: payments, credits: credits, writeOff: writeOff, doubtfulOn: doubtfulOn,
        closedOn: closedOn, recipient: recipient, issuedUnder: issuedUnder)
    }
  }

  private var storage: Storage

  /// The storage, copied first when another record shares it.
  private var unique: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  public var invoice: Invoice {
    // Lent, not copied: reading a field of the invoice retains nothing else of it.
    _read { yield storage.invoice }
    _modify { yield &unique.invoice }
  }
  public var state: InvoiceState {
    get { storage.state }
    _modify { yield &unique.state }
  }
  public var attestedOn: Day? {
    get { storage.attestedOn }
    _modify { yield &unique.attestedOn }
  }
  public var reminders: [(date: Day, fee: Amount)] {
    get { storage.reminders }
    _modify { yield &unique.reminders }
  }
  /// For each reminder, what had been paid and credited by its day as the book knew it when
  /// the reminder was sent: the reminder shows that ever after, whatever is registered later.
  public var reminderStatements: [(paid: Amount, credited: Amount)] {
    get { storage.reminderStatements }
    _modify { yield &unique.reminderStatements }
  }
  public var collectionDate: Day? {
    get { storage.collectionDate }
    _modify { yield &unique.collectionDate }
  }
  public var payments: [AppliedPayment] {
    get { storage.payments }
    _modify { yield &unique.payments }
  }
  /// Credits applied to this invoice: credit notes and offsets (amounts are positive).
  public var credits: [(date: Day, amount: Amount, source: Int)] {
    get { storage.credits }
    _modify { yield &unique.credits }
  }
  public var writeOff: (date: Day, amount: Amount)? {
    get { storage.writeOff }
    _modify { yield &unique.writeOff }
  }
  /// When the open amount was marked doubtful (befarad kundförlust).
  public var doubtfulOn: Day? {
    get { storage.doubtfulOn }
    _modify { yield &unique.doubtfulOn }
  }
  public var closedOn: Day? {
    get { storage.closedOn }
    _modify { yield &unique.closedOn }
  }
  /// The customer as it was when the invoice was attested: the invoice shows it ever after.
  public var recipient: Customer? {
    get { storage.recipient?.customer }
    set { unique.recipient = newValue.map(SharedCustomer.init) }
  }
  /// The recipient in a box shared with other records.
  var sharedRecipient: SharedCustomer? {
    get { storage.recipient }
    set { unique.recipient = newValue }
  }

  /// The settings in force when the invoice was attested (an index into
  /// ``BookState/settingsHistory``): the seller's details it shows ever after.
  public var issuedUnder: Int? {
    get { storage.issuedUnder }
    _modify { yield &unique.issuedUnder }
  }

  public init(invoice: Invoice) {
    storage = Storage(invoice: invoice)
  }

  /// A record with every field given (reading a checkpoint).
  init(
    invoice: Invoice, state: InvoiceState, attestedOn: Day?,
    reminders: [(date: Day, fee: Amount)], reminderStatements: [(paid: Amount, credited: Amount)],
    collectionDate: Day?, payments: [AppliedPayment],
    credits: [(date: Day, amount: Amount, source: Int)], writeOff: (date: Day, amount: Amount)?,
    doubtfulOn: Day?, closedOn: Day?, recipient: SharedCustomer?, issuedUnder: Int?
  ) {
    storage = Storage(
      invoice: invoice, state: state, attestedOn: attestedOn, reminders: reminders,
      reminderStatements: reminderStatements, collectionDate: collectionDate, payments: payments,
      credits: credits, writeOff: writeOff, doubtfulOn: doubtfulOn, closedOn: closedOn,
      recipient: recipient, issuedUnder: issuedUnder)
  }

  /// Reminder fees charged.
  public var fees: Amount { reminders.reduce(.zero) { $0 + $1.fee } }

  /// What is still to be paid: the total plus fees, less payments, credits and a write-off.
  /// Negative for a standalone credit not yet used.
  public var open: Amount {
    guard state != .draft else { return .zero }
    var open = invoice.total + fees
    for payment in payments where payment.reversedOn == nil {
      open -= payment.applied + payment.rounding
    }
    for credit in credits { open -= credit.amount }
    if let writeOff { open -= writeOff.amount }
    return open
  }

  /// What was open at the end of `day`: the total (once attested) and the fees charged by
  /// then, less the payments, credits and write-off dated by then.
  public func open(asOf day: Day) -> Amount {
    guard state != .draft, let attested = attestedOn, attested <= day else { return .zero }
    var open = invoice.total
    for reminder in reminders where reminder.date <= day { open += reminder.fee }
    for payment in payments where payment.date <= day {
      if let reversed = payment.reversedOn, reversed <= day { continue }
      open -= payment.applied + payment.rounding
    }
    for credit in credits where credit.date <= day { open -= credit.amount }
    if let writeOff, writeOff.date <= day { open -= writeOff.amount }
    return open
  }

  /// Whether, at the end of `day`, the invoice was attested, unpaid and not in collection: a
  /// reminder or collection dated that day was due then.
  public func wasOpen(on day: Day) -> Bool {
    if let collection = collectionDate, collection <= day { return false }
    return open(asOf: day) > .zero
  }

  /// Whether, at the end of `day`, some of the invoice's own amount (not only its reminder
  /// fees) was unpaid and it was not in collection: scheduled steps are taken only then.
  public func owesItsAmount(on day: Day) -> Bool {
    let fees = reminders.filter { $0.date <= day }.reduce(Amount.zero) { $0 + $1.fee }
    return wasOpen(on: day) && open(asOf: day) > fees
  }

  public static func == (a: InvoiceRecord, b: InvoiceRecord) -> Bool {
    a.invoice == b.invoice && a.state == b.state && a.attestedOn == b.attestedOn
      && a.reminders.map(\.date) == b.reminders.map(\.date)
      && a.reminders.map(\.fee) == b.reminders.map(\.fee)
      && a.collectionDate == b.collectionDate && a.payments == b.payments
      && a.credits.map(\.amount) == b.credits.map(\.amount)
      && a.writeOff?.amount == b.writeOff?.amount
      && a.closedOn == b.closedOn && a.doubtfulOn == b.doubtfulOn
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(invoice)
    hasher.combine(state)
  }
}
