import Basics
import Dispatch

// The whole state in checkpoint form, in sections that are read at the same time on all
// cores: the invoices in four parts, the activities, and the rest. Each section has its own
// table of texts. Dictionaries are written in the order of their keys, so the same state
// always gives the same bytes.

extension BookState {
  /// The invoices are written in this many parts.
  static let checkpointInvoiceParts = 4

  /// The state's checkpoint bytes (without the file's header and checksum): the number of
  /// sections, then each section's length and bytes.
  func checkpointPayload() -> [UInt8] {
    var sections = [restSection()]
    let ids = invoices.keys.sorted()
    let parts = Self.checkpointInvoiceParts
    for part in 0..<parts {
      var writer = CheckpointWriter()
      let slice = ids[(ids.count * part / parts)..<(ids.count * (part + 1) / parts)]
      writer.count(slice.count)
      for id in slice {
        writer.int(id)
        writer.record(invoices[id]!)
      }
      sections.append(writer.bytes)
    }
    var writer = CheckpointWriter()
    writer.array(activities) { $0.activity($1) }
    writer.array(activityIDs) {
      $0.count($1.line)
      $0.count($1.ordinal)
    }
    sections.append(writer.bytes)
    var frame = CheckpointWriter()
    frame.count(sections.count)
    for section in sections { frame.count(section.count) }
    return sections.reduce(frame.bytes, +)
  }

  /// Everything but the invoices and the activities.
  private func restSection() -> [UInt8] {
    var writer = CheckpointWriter()
    writer.array(settingsHistory) { $0.json($1.jsonValue) }
    writer.table(customers) { $0.customer($1) }
    writer.array(customerOrder) { $0.string($1) }
    writer.table(products) { $0.json($1.jsonValue) }
    writer.array(productOrder) { $0.string($1) }
    writer.table(costCentres) { $0.json($1.jsonValue) }
    writer.array(costCentreOrder) { $0.string($1) }
    writer.table(projects) { $0.json($1.jsonValue) }
    writer.array(projectOrder) { $0.string($1) }
    writer.array(invoiceOrder) { $0.count($1) }
    writer.table(externalIds) { $0.count($1) }
    writer.table(invoiceNumbers) { $0.count($1) }
    writer.count(nextInvoiceID)
    writer.count(nextPaymentID)
    writer.int(nextInvoiceNumber)
    writer.table(balances) { $0.amount($1) }
    writer.table(selfInvoices) { $0.selfInvoiceRecord($1) }
    writer.array(selfInvoiceOrder) { $0.count($1) }
    writer.count(nextSelfInvoiceID)
    writer.table(payeeSequences) { $0.int($1) }
    writer.amount(clientFundsHeld)
    writer.array(clientFundsPayouts) { $0.payout($1) }
    writer.count(journalLines)
    writer.table(incoming) { $0.incomingRecord($1) }
    writer.array(incomingOrder) { $0.string($1) }
    writer.table(importedFiles) { $0.string($1) }
    writer.table(importedDeposits) { $0.string($1) }
    writer.array(otherEvents) {
      $0.string($1.type)
      $0.json($1.payload)
    }
    writer.array(otherEventSettings) { $0.count($1) }
    writer.count(eventCount)
    return writer.bytes
  }

  /// The state a checkpoint's payload holds; its sections are read on all cores, and
  /// `alongside` (the file's checksum) runs on one of them too.
  init(
    checkpointPayload buffer: UnsafeBufferPointer<UInt8>, alongside: @Sendable () -> Void = {}
  ) throws(CheckpointDamage) {
    var frame = CheckpointReader(buffer)
    let count = try frame.itemCount()
    guard count == Self.checkpointInvoiceParts + 2 else {
      throw CheckpointDamage("\(count) sections")
    }
    var lengths = [Int]()
    var total = 0
    for _ in 0..<count {
      // Each within the bytes there are, so that the sum cannot overflow.
      let length = try frame.count()
      guard length <= frame.remaining else { throw CheckpointDamage("a section's length") }
      lengths.append(length)
      total += length
    }
    guard total == frame.remaining else { throw CheckpointDamage("the sections' lengths") }
    var start = buffer.count - frame.remaining
    var sections = [UnsafeBufferPointer<UInt8>]()
    for length in lengths {
      sections.append(UnsafeBufferPointer(rebasing: buffer[start..<(start + length)]))
      start += length
    }
    enum Part {
      case rest(BookState)
      case invoices([(Int, InvoiceRecord)])
      case activities(ChunkedLog<Activity>, ChunkedLog<ActivityID>)
    }
    var parts = [Result<Part, CheckpointDamage>?](repeating: nil, count: count)
    parts.withUnsafeMutableBufferPointer { output in
      nonisolated(unsafe) let output = output
      nonisolated(unsafe) let sections = sections
      DispatchQueue.concurrentPerform(iterations: count + 1) { index in
        guard index < count else { return alongside() }
        output[index] = Result { () throws(CheckpointDamage) -> Part in
          var reader = CheckpointReader(sections[index])
          let part: Part
          if index == 0 {
            part = .rest(try BookState(reading: &reader))
          } else if index == count - 1 {
            let activities = try reader.log { r throws(CheckpointDamage) in try r.activity() }
            let ids = try reader.log { r throws(CheckpointDamage) in
              ActivityID(line: try r.count(), ordinal: try r.count())
            }
            part = .activities(activities, ids)
          } else {
            part = .invoices(
              try reader.array { r throws(CheckpointDamage) in (try r.int(), try r.record()) })
          }
          guard reader.isAtEnd else { throw CheckpointDamage("bytes after section \(index)") }
          return part
        }
      }
    }
    guard case .rest(var state) = try parts[0]!.get() else {
      throw CheckpointDamage("no state")
    }
    var invoiceCount = 0
    for part in parts[1...] {
      if case .invoices(let records) = try part!.get() { invoiceCount += records.count }
    }
    state.invoices.reserveCapacity(invoiceCount)
    for part in parts[1...] {
      switch try part!.get() {
      case .rest: throw CheckpointDamage("two states")
      case .invoices(let records):
        for (id, record) in records { state.invoices[id] = record }
      case .activities(let activities, let ids):
        guard activities.count == ids.count else { throw CheckpointDamage("activity ids") }
        state.activities = activities
        state.activityIDs = ids
      }
    }
    guard state.invoices.count == invoiceCount else {
      throw CheckpointDamage("an invoice is written twice")
    }
    let settingsCount = state.settingsHistory.count
    guard
      state.invoices.allValues(satisfy: { ($0.issuedUnder ?? 0) < settingsCount }),
      state.selfInvoices.values.allSatisfy({ ($0.issuedUnder ?? 0) < settingsCount })
    else { throw CheckpointDamage("a document names settings that are not there") }
    self = state
  }

  private init(reading reader: inout CheckpointReader) throws(CheckpointDamage) {
    let history = try reader.array { r throws(CheckpointDamage) in
      try r.decode { try CreditorSettings(json: $0) }
    }
    guard let settings = history.last else { throw CheckpointDamage("no settings") }
    self.init(settings: settings)
    settingsHistory = history
    customers = try reader.textKeyed { r throws(CheckpointDamage) in try r.customer() }
    customerOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    products = try reader.textKeyed { r throws(CheckpointDamage) in
      try r.decode { try Product(json: $0) }
    }
    productOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    costCentres = try reader.textKeyed { r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
    costCentreOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    projects = try reader.textKeyed { r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
    projectOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    invoiceOrder = try reader.array { r throws(CheckpointDamage) in try r.count() }
    externalIds = try reader.textKeyed { r throws(CheckpointDamage) in try r.count() }
    invoiceNumbers = try reader.numberKeyed { r throws(CheckpointDamage) in try r.count() }
    nextInvoiceID = try reader.count()
    nextPaymentID = try reader.count()
    nextInvoiceNumber = try reader.int()
    balances = try reader.textKeyed { r throws(CheckpointDamage) in try r.amount() }
    selfInvoices = try reader.numberKeyed { r throws(CheckpointDamage) in try r.selfInvoiceRecord()
    }
    selfInvoiceOrder = try reader.array { r throws(CheckpointDamage) in try r.count() }
    nextSelfInvoiceID = try reader.count()
    payeeSequences = try reader.textKeyed { r throws(CheckpointDamage) in try r.int() }
    clientFundsHeld = try reader.amount()
    clientFundsPayouts = try reader.array { r throws(CheckpointDamage) in try r.payout() }
    journalLines = try reader.count()
    incoming = try reader.textKeyed { r throws(CheckpointDamage) in try r.incomingRecord() }
    incomingOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    importedFiles = try reader.textKeyed { r throws(CheckpointDamage) in try r.string() }
    importedDeposits = try reader.textKeyed { r throws(CheckpointDamage) in try r.string() }
    otherEvents = try reader.array { r throws(CheckpointDamage) in (try r.string(), try r.json()) }
    otherEventSettings = try reader.array { r throws(CheckpointDamage) in try r.count() }
    eventCount = try reader.count()
    guard reader.isAtEnd else { throw CheckpointDamage("bytes after the state") }
    guard otherEventSettings.count == otherEvents.count,
      otherEventSettings.allSatisfy({ $0 < settingsHistory.count })
    else { throw CheckpointDamage("the state's parts disagree") }
  }
}

extension CheckpointWriter {
  /// A dictionary, in the order of its keys.
  mutating func table<Value>(_ table: [String: Value], _ write: (inout Self, Value) -> Void) {
    count(table.count)
    for key in table.keys.sorted() {
      string(key)
      write(&self, table[key]!)
    }
  }

  mutating func table<Value>(_ table: [Int: Value], _ write: (inout Self, Value) -> Void) {
    count(table.count)
    for key in table.keys.sorted() {
      int(key)
      write(&self, table[key]!)
    }
  }
}

extension CheckpointReader {
  /// A dictionary with texts for keys, written with `table`.
  mutating func textKeyed<Value>(_ value: (inout Self) throws(CheckpointDamage) -> Value)
    throws(CheckpointDamage) -> [String: Value]
  {
    try table(key: { r throws(CheckpointDamage) in try r.string() }, value: value)
  }

  /// A dictionary with integers for keys, written with `table`.
  mutating func numberKeyed<Value>(_ value: (inout Self) throws(CheckpointDamage) -> Value)
    throws(CheckpointDamage) -> [Int: Value]
  {
    try table(key: { r throws(CheckpointDamage) in try r.int() }, value: value)
  }

  mutating func table<Key: Hashable, Value>(
    key: (inout Self) throws(CheckpointDamage) -> Key,
    value: (inout Self) throws(CheckpointDamage) -> Value
  ) throws(CheckpointDamage) -> [Key: Value] {
    let count = try itemCount()
    var table = [Key: Value](minimumCapacity: count)
    for _ in 0..<count {
      let key = try key(&self)
      table[key] = try value(&self)
    }
    guard table.count == count else { throw CheckpointDamage("a key is written twice") }
    return table
  }
}
