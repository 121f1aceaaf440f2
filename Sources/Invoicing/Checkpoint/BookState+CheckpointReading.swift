import Basics
import Dispatch
import Synchronization

// The state read back from a checkpoint's sections, on all cores. Every value is checked
// against what a book accepts; the invoice records and the activities are read through to
// check them and built only when asked for (`StoredInvoices`, `StoredActivities`).

extension BookState {
  /// The state a checkpoint's payload holds (all of `bytes`).
  init(checkpointPayload bytes: [UInt8], activitySplit: Int = StoredActivities.splitUnit)
    throws(CheckpointDamage)
  {
    try self.init(checkpoint: bytes, payload: bytes.indices, activitySplit: activitySplit)
  }

  /// The state the payload at `payload` in a checkpoint's `bytes` holds. Its sections are
  /// read on all cores, and `alongside` (the file's checksum) runs on one of them too. The
  /// invoice records are read through to check them, then kept unread with `bytes` (see
  /// ``StoredInvoices``).
  ///
  /// The activities are read later in two halves side by side, the second starting at a
  /// multiple of `activitySplit` (see ``StoredActivities``); where it starts is noted here.
  init(
    checkpoint bytes: [UInt8], payload: Range<Int>,
    activitySplit: Int = StoredActivities.splitUnit, alongside: @Sendable () -> Void = {}
  ) throws(CheckpointDamage) {
    let (count, ranges) = try bytes.withUnsafeBufferPointer {
      buffer throws(CheckpointDamage) in
      try Self.sections(of: UnsafeBufferPointer(rebasing: buffer[payload]))
    }
    enum Part {
      case rest(BookState)
      case invoices([(id: Int, offset: Int)], CheckpointTables, latestSettings: Int)
      case activities(CheckpointTables, StoredActivities.Places)
    }
    var parts = [Result<Part, CheckpointDamage>?](repeating: nil, count: count)
    bytes.withUnsafeBufferPointer { buffer in
      parts.withUnsafeMutableBufferPointer { output in
        nonisolated(unsafe) let output = output
        nonisolated(unsafe) let buffer = buffer
        DispatchQueue.concurrentPerform(iterations: count + 1) { index in
          guard index < count else { return alongside() }
          output[index] = Result { () throws(CheckpointDamage) -> Part in
            let range = ranges[index]
            let section = UnsafeBufferPointer(
              rebasing: buffer[
                (payload.lowerBound + range.lowerBound)..<(payload.lowerBound + range.upperBound)])
            var reader = try CheckpointReader(section)
            let part: Part
            if index == 0 {
              part = .rest(try BookState(reading: &reader))
            } else if index == count - 1 {
              let start = reader.position
              let count = try reader.itemCount()
              let split = count / 2 / activitySplit * activitySplit
              var splitStart = reader.position
              for place in 0..<count {
                if place == split { splitStart = reader.position }
                _ = try reader.activity()
              }
              let idsStart = reader.position
              guard
                try reader.readThrough({ r throws(CheckpointDamage) in try r.activityID() })
                  == count
              else { throw CheckpointDamage("activity ids") }
              part = .activities(
                reader.tables,
                StoredActivities.Places(
                  start: start, count: count, split: split, splitStart: splitStart,
                  idsStart: idsStart))
            } else {
              let (records, latest) = try Self.checkRecords(&reader)
              part = .invoices(records, reader.tables, latestSettings: latest)
            }
            guard reader.isAtEnd else { throw CheckpointDamage("bytes after section \(index)") }
            return part
          }
        }
      }
    }
    guard case .rest(var state) = try parts[0]!.get() else {
      throw CheckpointDamage("no state")
    }
    var stored = [StoredInvoices.Part]()
    var records = [[(id: Int, offset: Int)]]()
    var latestSettings = 0
    var lastID = Int.min
    for (index, part) in parts.enumerated().dropFirst() {
      switch try part!.get() {
      case .rest: throw CheckpointDamage("two states")
      case .invoices(let list, let tables, let latest):
        // In order of id across the parts, so that none is written twice.
        for (id, _) in list {
          guard id > lastID else { throw CheckpointDamage("invoice \(id) is out of order") }
          lastID = id
        }
        let range = ranges[index]
        stored.append(
          StoredInvoices.Part(
            tables: tables,
            bytes: (payload.lowerBound + range.lowerBound)..<(payload.lowerBound + range.upperBound)
          ))
        records.append(list)
        latestSettings = max(latestSettings, latest)
      case .activities(let tables, let places):
        let range = ranges[index]
        state.activityLog = ActivityLog(
          stored: StoredActivities(
            bytes: bytes,
            section: (payload.lowerBound + range.lowerBound)..<(payload.lowerBound
              + range.upperBound),
            tables: tables, places: places))
      }
    }
    state.invoices = InvoiceTable(
      stored: StoredInvoices(bytes: bytes, parts: stored, records: records))
    let settingsCount = state.settingsHistory.count
    guard latestSettings < settingsCount,
      state.selfInvoices.values.allSatisfy({ ($0.issuedUnder ?? 0) < settingsCount })
    else { throw CheckpointDamage("a document names settings that are not there") }
    self = state
  }

  /// The ranges of a payload's sections, checked against its length.
  private static func sections(of buffer: UnsafeBufferPointer<UInt8>) throws(CheckpointDamage)
    -> (count: Int, ranges: [Range<Int>])
  {
    var frame = try CheckpointReader(buffer)
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
    var ranges = [Range<Int>]()
    for length in lengths {
      ranges.append(start..<(start + length))
      start += length
    }
    return (count, ranges)
  }

  /// Reads through a part's invoice records to check them, keeping where each starts; and
  /// the latest settings any of them was issued under.
  private static func checkRecords(_ reader: inout CheckpointReader) throws(CheckpointDamage)
    -> ([(id: Int, offset: Int)], Int)
  {
    let count = try reader.itemCount()
    var records = [(id: Int, offset: Int)]()
    records.reserveCapacity(count)
    var latest = 0
    for _ in 0..<count {
      let id = try reader.int()
      let offset = reader.position
      let record = try reader.record()
      latest = max(latest, record.issuedUnder ?? 0)
      records.append((id, offset))
    }
    return (records, latest)
  }

  private init(reading reader: inout CheckpointReader) throws(CheckpointDamage) {
    let history = try reader.array { r throws(CheckpointDamage) in
      try r.decode { try CreditorSettings(json: $0) }
    }
    guard let settings = history.last else { throw CheckpointDamage("no settings") }
    self.init(settings: settings)
    settingsHistory = history
    customers = try reader.register { r throws(CheckpointDamage) in try r.customer() }
    products = try reader.register { r throws(CheckpointDamage) in
      try r.decode { try Product(json: $0) }
    }
    costCentres = try reader.register { r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
    projects = try reader.register { r throws(CheckpointDamage) in
      try r.decode { try DimensionEntry(json: $0) }
    }
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

extension CheckpointReader {
  /// A dictionary with texts for keys, written with `table`.
  mutating func textKeyed<Value>(_ value: (inout Self) throws(CheckpointDamage) -> Value)
    throws(CheckpointDamage) -> [String: Value]
  {
    try table(key: { r throws(CheckpointDamage) in try r.string() }, value: value)
  }

  /// A register, written with `register`: its entries by key, then its keys in order, which
  /// must name each of those entries once.
  mutating func register<Entry>(_ entry: (inout Self) throws(CheckpointDamage) -> Entry)
    throws(CheckpointDamage) -> Register<Entry>
  {
    var byKey = try textKeyed(entry)
    let keys = try array { r throws(CheckpointDamage) in try r.string() }
    let entries = keys.compactMap { byKey.removeValue(forKey: $0) }
    guard byKey.isEmpty, let register = Register(keys: keys, entries: entries) else {
      throw CheckpointDamage("a register's order does not name its entries once each")
    }
    return register
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
