import Basics
import Dispatch
import Synchronization

/// The invoice records of a checkpoint, each read from the checkpoint's bytes when first
/// asked for.
///
/// Opening a book from its checkpoint reads every record once to check it (as reading the
/// state always did) but keeps only where it starts; a command that touches a few invoices of
/// a million then builds those few. The bytes cannot change and were read through without
/// damage, so reading a record again gives the record that was checked.
final class StoredInvoices: Sendable {
  /// A part of the checkpoint: its tables and where its bytes are.
  struct Part: Sendable {
    var tables: CheckpointTables
    var bytes: Range<Int>
  }

  /// Where a record starts: its part and its place in the part's bytes.
  struct Location: Sendable {
    var part: Int32
    var offset: Int
  }

  /// The checkpoint's bytes; let go of once every record is read.
  private let bytes: Mutex<[UInt8]>
  private let parts: [Part]
  private let locations: IDTable<Location>
  /// The ids of each part, in order.
  private let partIDs: [[Int]]
  /// Records read so far.
  private let read = Mutex(IDTable<InvoiceRecord>())
  /// Whether every record has been read.
  private let complete = Atomic(false)

  /// - Parameters:
  ///   - bytes: the checkpoint; `parts` name ranges of it.
  ///   - records: the records of each part, with where each starts in the part; in order
  ///     of id across the parts.
  init(bytes: [UInt8], parts: [Part], records: [[(id: Int, offset: Int)]]) {
    self.bytes = Mutex(bytes)
    self.parts = parts
    var locations = IDTable<Location>()
    locations.reserveCapacity(records.reduce(0) { $0 + $1.count })
    for (part, list) in records.enumerated() {
      for (id, offset) in list { locations[id] = Location(part: Int32(part), offset: offset) }
    }
    self.locations = locations
    partIDs = records.map { $0.map(\.id) }
    count = locations.count
  }

  /// How many records the checkpoint holds.
  let count: Int

  /// The ids, in order.
  var ids: [Int] { Array(partIDs.joined()) }

  /// Whether the checkpoint holds a record for `id`.
  func holds(_ id: Int) -> Bool { locations[id] != nil }

  /// The record of `id`, if the checkpoint holds one; kept once built unless `keeping` is
  /// false.
  func record(_ id: Int, keeping: Bool = true) -> InvoiceRecord? {
    guard let location = locations[id] else { return nil }
    if let record = read.withLock({ $0[id] }) { return record }
    let bytes = self.bytes.withLock { $0 }
    // Let go of only once every record is read: it was read meanwhile.
    guard !bytes.isEmpty else { return read.withLock { $0[id] } }
    let record = bytes.withUnsafeBufferPointer { decode(location, in: $0) }
    guard keeping else { return record }
    return read.withLock { table in
      if let first = table[id] { return first }  // another thread read it meanwhile
      table[id] = record
      return record
    }
  }

  /// Reads every record not read yet, the parts on all cores.
  func readAll() {
    guard !complete.load(ordering: .acquiring) else { return }
    let results = Mutex([[(Int, InvoiceRecord)]](repeating: [], count: partIDs.count))
    bytes.withLock({ $0 }).withUnsafeBufferPointer { buffer in
      nonisolated(unsafe) let buffer = buffer
      DispatchQueue.concurrentPerform(iterations: partIDs.count) { part in
        let decoded = partIDs[part].map { ($0, decode(locations[$0]!, in: buffer)) }
        results.withLock { $0[part] = decoded }
      }
    }
    read.withLock { table in
      table.reserveCapacity(count)
      for list in results.withLock({ $0 }) {
        for (id, record) in list where table[id] == nil { table[id] = record }
      }
    }
    complete.store(true, ordering: .releasing)
    bytes.withLock { $0 = [] }
  }

  /// The record at `location` in `buffer`, the checkpoint's bytes.
  private func decode(_ location: Location, in buffer: UnsafeBufferPointer<UInt8>) -> InvoiceRecord
  {
    let part = parts[Int(location.part)]
    var reader = CheckpointReader(
      UnsafeBufferPointer(rebasing: buffer[part.bytes]), tables: part.tables, at: location.offset)
    // Its lines were checked when the checkpoint was opened.
    reader.checksLines = false
    do throws(CheckpointDamage) {
      return try reader.record()
    } catch {
      // Every record was read without damage when the checkpoint was opened, from these
      // bytes and tables, which do not change.
      preconditionFailure("a checked checkpoint record no longer reads: \(error.reason)")
    }
  }
}
