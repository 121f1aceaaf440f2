import Basics

/// A book's invoice records by id.
///
/// It behaves as an ``IDTable`` of records: a missing id reads as `nil`, setting `nil`
/// removes, and it iterates as `(key, value)` pairs in order of id. A book opened from its
/// checkpoint starts with the checkpoint's records unread: each is read when first asked
/// for, so a command that touches a few invoices of a million builds only those. Iterating
/// reads all of them first, on all cores.
///
/// ```swift
/// let book = try Book.open(at: "books/acme")     // from its checkpoint: no record built yet
/// let record = book.state.invoices[42]           // builds the record of invoice id 42
/// for (id, record) in book.state.invoices { … }  // builds the others, on all cores
/// ```
public struct InvoiceTable: Sendable {
  /// Records set since the table was made (and all records of a table not made from a
  /// checkpoint).
  private var changed = IDTable<InvoiceRecord>()
  /// The checkpoint's records, where not set since.
  private var stored: StoredInvoices?
  /// Ids of the checkpoint's records removed since (a deleted draft).
  private var removed: Set<Int> = []
  private var valueCount = 0

  public init() {}

  /// The records of a checkpoint, none read yet.
  init(stored: StoredInvoices) {
    self.stored = stored
    valueCount = stored.count
  }

  /// The record of `id`, built from the checkpoint the first time it is asked for; setting
  /// `nil` removes it.
  public subscript(id: Int) -> InvoiceRecord? {
    get {
      guard let stored else { return changed[id] }
      if let record = changed[id] { return record }
      guard removed.isEmpty || !removed.contains(id) else { return nil }
      return stored.record(id)
    }
    set {
      guard let stored else {
        changed[id] = newValue
        return
      }
      let had = contains(id)
      changed[id] = newValue
      if stored.holds(id) {
        if newValue == nil { removed.insert(id) } else { removed.remove(id) }
      }
      valueCount += (newValue == nil ? 0 : 1) - (had ? 1 : 0)
    }
  }

  /// The record of `id`, as the subscript reads it, except that a record of the checkpoint not
  /// built yet is built and not kept: for a pass that reads each record once (the ledger's
  /// posting), so that the records need not all be held at the same time.
  public func readOnce(_ id: Int) -> InvoiceRecord? {
    guard let stored else { return changed[id] }
    if let record = changed[id] { return record }
    guard removed.isEmpty || !removed.contains(id) else { return nil }
    return stored.record(id, keeping: false)
  }

  /// Whether `id` holds a record (without reading it).
  public func contains(_ id: Int) -> Bool {
    if changed.contains(id) { return true }
    guard let stored, stored.holds(id) else { return false }
    return removed.isEmpty || !removed.contains(id)
  }

  /// Changes the record of `id` in place; `id` must hold one.
  public mutating func update(_ id: Int, _ body: (inout InvoiceRecord) -> Void) {
    if stored != nil, !changed.contains(id), let record = self[id] { changed[id] = record }
    changed.update(id, body)
  }

  /// Builds every record of the checkpoint not built yet, on all cores: for a pass over all of
  /// them, which would otherwise build them one at a time.
  public func readAll() { stored?.readAll() }

  /// How many ids hold a record.
  public var count: Int { stored == nil ? changed.count : valueCount }

  /// Whether no id holds a record.
  public var isEmpty: Bool { count == 0 }

  /// The ids that hold a record, in order.
  public var keys: [Int] {
    guard let stored else { return changed.keys }
    // Both lists are in order: merged in one pass.
    let set = changed.keys
    let kept = stored.ids
    var keys = [Int]()
    keys.reserveCapacity(valueCount)
    var (a, b) = (0, 0)
    while a < set.count || b < kept.count {
      if b == kept.count || (a < set.count && set[a] < kept[b]) {
        keys.append(set[a])
        a += 1
      } else {
        if a < set.count && set[a] == kept[b] { a += 1 }
        if removed.isEmpty || !removed.contains(kept[b]) || changed.contains(kept[b]) {
          keys.append(kept[b])
        }
        b += 1
      }
    }
    return keys
  }

  /// The records in order of id.
  public var values: LazyMapSequence<InvoiceTable, InvoiceRecord> { lazy.map(\.value) }
}

extension InvoiceTable: Sequence {
  /// The pairs in order of id.
  public struct Iterator: IteratorProtocol {
    /// The records of a table not made from a checkpoint.
    var plain: IDTable<InvoiceRecord>.Iterator?
    let table: InvoiceTable
    let keys: [Int]
    var index = 0

    public mutating func next() -> (key: Int, value: InvoiceRecord)? {
      if plain != nil { return plain?.next() ?? nil }
      guard index < keys.count else { return nil }
      defer { index += 1 }
      return (keys[index], table[keys[index]]!)
    }
  }

  /// Iterates the pairs; a checkpoint's records are all built first, on all cores.
  public func makeIterator() -> Iterator {
    guard let stored else { return Iterator(plain: changed.makeIterator(), table: self, keys: []) }
    stored.readAll()
    return Iterator(table: self, keys: keys)
  }

  public var underestimatedCount: Int { count }
}

extension InvoiceTable: CustomReflectable {
  /// The pairs in order of id, read or not: a table made from a checkpoint reflects as the
  /// table it was written from.
  public var customMirror: Mirror {
    Mirror(self, unlabeledChildren: map { $0 }, displayStyle: .dictionary)
  }
}
