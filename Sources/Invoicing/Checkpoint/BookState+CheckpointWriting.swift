import Basics
import Dispatch
import Synchronization

// The whole state in checkpoint form, in sections that are written and read at the same time
// on all cores: the invoices in four parts, the activities, and the rest. Each section starts
// with its own tables of texts and customers. Dictionaries are written in the order of their
// keys, so the same state always gives the same bytes.

/// A checkpoint's state as written: the number of sections and their lengths (the frame), then
/// the sections. Appended where it goes, it is copied once.
struct CheckpointSections {
  private let frame: CheckpointWriter.Written
  private let sections: [CheckpointWriter.Written]
  /// How many bytes ``append(to:)`` appends.
  let byteCount: Int

  init(_ sections: [CheckpointWriter.Written]) {
    self.sections = sections
    var frame = CheckpointWriter()
    frame.count(sections.count)
    for section in sections { frame.count(section.byteCount) }
    self.frame = frame.written
    byteCount = self.frame.byteCount + sections.reduce(0) { $0 + $1.byteCount }
  }

  func append(to output: inout some CheckpointOutput) {
    frame.append(to: &output)
    for section in sections { section.append(to: &output) }
  }
}

extension BookState {
  /// The invoices are written in this many parts.
  static let checkpointInvoiceParts = 4

  /// The state's checkpoint bytes (without the file's header and checksum): the number of
  /// sections, then each section's length and bytes. The sections are written at the same time
  /// on all cores.
  func checkpointPayload() -> [UInt8] {
    let sections = checkpointSections()
    var payload = [UInt8]()
    payload.reserveCapacity(sections.byteCount)
    sections.append(to: &payload)
    return payload
  }

  /// The sections of ``checkpointPayload()``, each as its writer wrote it, not yet put together.
  func checkpointSections() -> CheckpointSections {
    let records = Array(invoices)  // built on all cores, if from a checkpoint; in order of id
    let activities = self.activities
    let activityIDs = self.activityIDs
    let parts = Self.checkpointInvoiceParts
    let count = parts + 2
    let written = Mutex([CheckpointWriter.Written?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      // Room for more than a section usually takes (about 150 bytes an invoice record, 10 an
      // activity), so that its bytes are not copied as they grow.
      var writer: CheckpointWriter
      switch index {
      case 0:
        writer = CheckpointWriter()
        writeRest(&writer)
      case count - 1:
        writer = CheckpointWriter(reserving: (1 << 20) + activities.count * 32)
        writer.array(activities) { $0.activity($1) }
        writer.array(activityIDs) {
          $0.count($1.line)
          $0.count($1.ordinal)
        }
      default:
        let part = index - 1
        let slice = records[(records.count * part / parts)..<(records.count * (part + 1) / parts)]
        writer = CheckpointWriter(reserving: (1 << 20) + slice.count * 512)
        writer.count(slice.count)
        for (id, record) in slice {
          writer.int(id)
          writer.record(record)
        }
      }
      let section = writer.written
      written.withLock { $0[index] = section }
    }
    return CheckpointSections(written.withLock { $0.map { $0! } })
  }

  /// Everything but the invoices and the activities.
  private func writeRest(_ writer: inout CheckpointWriter) {
    writer.array(settingsHistory) { $0.json($1.jsonValue) }
    writer.register(customers) { $0.customer($1) }
    writer.register(products) { $0.json($1.jsonValue) }
    writer.register(costCentres) { $0.json($1.jsonValue) }
    writer.register(projects) { $0.json($1.jsonValue) }
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

  /// A register as a dictionary's table (in the order of its keys), then its keys in order.
  mutating func register<Entry>(_ register: Register<Entry>, _ write: (inout Self, Entry) -> Void) {
    count(register.count)
    for (key, id) in zip(register.keys, register.indices).sorted(by: { $0.0 < $1.0 }) {
      string(key)
      write(&self, register[id])
    }
    array(register.keys) { $0.string($1) }
  }

  mutating func table<Value>(_ table: [Int: Value], _ write: (inout Self, Value) -> Void) {
    count(table.count)
    for key in table.keys.sorted() {
      int(key)
      write(&self, table[key]!)
    }
  }
}
