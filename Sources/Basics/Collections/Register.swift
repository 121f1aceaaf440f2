/// Entries kept under text keys (a customer's number, a product's code) in the order they were
/// first added, each with a small integer id: its place in that order.
///
/// A lookup by key hashes the key once; a lookup by id, or a walk in order, reads an array.
/// Entries are never removed, so an id, once given, names its entry for good: code that looks
/// an entry up many times can look its key up once and keep the id.
///
/// It iterates its entries in order and reads as a dictionary by key; putting an entry under a
/// key it already holds replaces the entry in its place.
///
/// ```swift
/// var customers = Register<String>()
/// customers.put("Kund AB", for: "K1")      // 0
/// customers.put("Firma HB", for: "K2")     // 1
/// customers.put("Kund AB (ny)", for: "K1") // 0: replaced in its place
/// customers["K1"]        // "Kund AB (ny)"
/// customers.id(of: "K2") // 1
/// Array(customers)       // ["Kund AB (ny)", "Firma HB"]
/// ```
public struct Register<Entry> {
  /// The keys, in the order their entries were first added: `keys[id]` is the key of entry `id`.
  public private(set) var keys: [String] = []
  @usableFromInline var entries: [Entry] = []
  @usableFromInline var ids: [String: Int] = [:]

  public init() {}

  /// The entries of `keys` in that order; `nil` when a key is there twice or the counts differ.
  public init?(keys: [String], entries: [Entry]) {
    guard keys.count == entries.count else { return nil }
    ids.reserveCapacity(keys.count)
    for (id, key) in keys.enumerated() {
      guard ids.updateValue(id, forKey: key) == nil else { return nil }
    }
    self.keys = keys
    self.entries = entries
  }

  /// The entry under `key`, if there is one.
  @inlinable
  public subscript(key: String) -> Entry? {
    guard let id = ids[key] else { return nil }
    return entries[id]
  }

  /// The id of the entry under `key`, if there is one.
  @inlinable
  public func id(of key: String) -> Int? { ids[key] }

  /// Whether there is an entry under `key`.
  @inlinable
  public func contains(key: String) -> Bool { ids[key] != nil }

  /// Puts `entry` under `key`: in the place of the entry it replaces, or last. Returns its id.
  @discardableResult
  public mutating func put(_ entry: Entry, for key: String) -> Int {
    if let id = ids[key] {
      entries[id] = entry
      return id
    }
    let id = entries.count
    ids[key] = id
    keys.append(key)
    entries.append(entry)
    return id
  }
}

extension Register: RandomAccessCollection {
  public var startIndex: Int { 0 }
  public var endIndex: Int { entries.count }

  /// The entry with id `id`.
  @inlinable
  public subscript(id: Int) -> Entry { entries[id] }
}

extension Register: Sendable where Entry: Sendable {}

/// Two registers are equal when they hold equal entries under the same keys in the same order.
extension Register: Equatable where Entry: Equatable {
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.keys == rhs.keys && lhs.entries == rhs.entries
  }
}
