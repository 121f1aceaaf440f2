import Basics

// The whole state in checkpoint form. Dictionaries are written in the order of their keys,
// so the same state always gives the same bytes.

extension BookState {
  /// The state's checkpoint bytes (without the file's header and checksum).
  func checkpointPayload() -> [UInt8] {
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
    writer.table(invoices) { $0.record($1) }
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
    writer.array(activities) { $0.activity($1) }
    writer.array(activityIDs) {
      $0.count($1.line)
      $0.count($1.ordinal)
    }
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

  /// The state a checkpoint's bytes hold.
  init(checkpointPayload bytes: [UInt8]) throws(CheckpointDamage) {
    let state = try bytes.withUnsafeBufferPointer { buffer throws(CheckpointDamage) in
      var reader = CheckpointReader(buffer)
      return try BookState(reading: &reader)
    }
    self = state
  }

  init(reading reader: inout CheckpointReader) throws(CheckpointDamage) {
    let history = try reader.array { r throws(CheckpointDamage) in
      try r.decode { try CreditorSettings(json: $0) }
    }
    guard let settings = history.last else { throw CheckpointDamage("no settings") }
    self.init(settings: settings)
    settingsHistory = history
    customers = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.customer()
    }
    customerOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    products = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.decode { try Product(json: $0) }
    }
    productOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    costCentres = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
    costCentreOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    projects = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
    projectOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    invoices = try reader.table { r throws(CheckpointDamage) in
      try r.int()
    } value: {
      r throws(CheckpointDamage) in
      try r.record()
    }
    invoiceOrder = try reader.array { r throws(CheckpointDamage) in try r.count() }
    externalIds = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.count()
    }
    invoiceNumbers = try reader.table { r throws(CheckpointDamage) in
      try r.int()
    } value: {
      r throws(CheckpointDamage) in
      try r.count()
    }
    nextInvoiceID = try reader.count()
    nextPaymentID = try reader.count()
    nextInvoiceNumber = try reader.int()
    balances = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.amount()
    }
    selfInvoices = try reader.table { r throws(CheckpointDamage) in
      try r.int()
    } value: {
      r throws(CheckpointDamage) in
      try r.selfInvoiceRecord()
    }
    selfInvoiceOrder = try reader.array { r throws(CheckpointDamage) in try r.count() }
    nextSelfInvoiceID = try reader.count()
    payeeSequences = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.int()
    }
    clientFundsHeld = try reader.amount()
    clientFundsPayouts = try reader.array { r throws(CheckpointDamage) in try r.payout() }
    activities = try reader.array { r throws(CheckpointDamage) in try r.activity() }
    activityIDs = try reader.array { r throws(CheckpointDamage) in
      ActivityID(line: try r.count(), ordinal: try r.count())
    }
    journalLines = try reader.count()
    incoming = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.incomingRecord()
    }
    incomingOrder = try reader.array { r throws(CheckpointDamage) in try r.string() }
    importedFiles = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.string()
    }
    importedDeposits = try reader.table { r throws(CheckpointDamage) in
      try r.string()
    } value: {
      r throws(CheckpointDamage) in
      try r.string()
    }
    otherEvents = try reader.array { r throws(CheckpointDamage) in (try r.string(), try r.json()) }
    otherEventSettings = try reader.array { r throws(CheckpointDamage) in try r.count() }
    eventCount = try reader.count()
    guard reader.isAtEnd else { throw CheckpointDamage("bytes after the state") }
    guard activityIDs.count == activities.count,
      otherEventSettings.count == otherEvents.count,
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
