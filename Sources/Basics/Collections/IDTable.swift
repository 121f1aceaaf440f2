/// Values keyed by the small integer ids a book hands out in sequence (1, 2, 3, …), held in an
/// array indexed by id: a lookup is an index, not a hash, and an insert appends.
///
/// It behaves as a dictionary from `Int`: a missing id reads as `nil`, setting `nil` removes,
/// and it iterates as `(key, value)` pairs, in order of id. An id far beyond the others (more
/// than twice the count, past a few thousand) or below zero is kept aside in a dictionary
/// rather than stretching the array, so that no id, however large, costs more than its entry.
///
/// ```swift
/// var invoices = IDTable<String>()
/// invoices[1] = "F1001"
/// invoices[2] = "F1002"
/// invoices[1] = nil
/// invoices.count        // 1
/// invoices[2]           // "F1002"
/// ```
public struct IDTable<Element> {
  /// The values of the ids below `slots.count`.
  @usableFromInline var slots: [Element?] = []
  /// The values of ids too far out for the array.
  @usableFromInline var outliers: [Int: Element] = [:]
  /// How many ids hold a value.
  @usableFromInline var valueCount = 0
  /// The count asked for by ``reserveCapacity(_:)``.
  @usableFromInline var reserved = 0

  /// Whether the table has the room it fills next faulted in on another thread as it grows
  /// (``HugePages/populateInBackground(_:count:)``), about a mebibyte ahead: for a large table
  /// filled in order of id on a busy thread while another core has time. Off by default.
  public var populatesAhead = false

  public init() {}

  /// Room for `capacity` values with ids up to about that: values set in any order then go into
  /// the array.
  public mutating func reserveCapacity(_ capacity: Int) {
    reserved = Swift.max(reserved, capacity)
    slots.reserveCapacity(capacity + 1)
    HugePages.advise(capacityOf: &slots)
  }

  /// About a mebibyte of slots (a power of two of them): how far ahead the table asks for its
  /// room to be faulted in.
  @inlinable static var populateStep: Int {
    1 << HugePages.elementShift(Element?.self, bytesShift: 20)
  }

  /// Asks for the next ``populateStep`` slots after the last to be faulted in, as far as the
  /// array has room.
  @usableFromInline func populateAfterLast() {
    HugePages.populateInBackground(
      roomOf: slots, places: slots.count..<slots.count + Self.populateStep)
  }

  /// The furthest id the array grows to hold.
  @inlinable var reach: Int { 2 * Swift.max(valueCount, reserved) + 4096 }

  @inlinable
  public subscript(id: Int) -> Element? {
    get {
      if id >= 0 && id < slots.count { return slots[id] }
      return outliers.isEmpty ? nil : outliers[id]
    }
    set {
      if id >= 0 && id < slots.count {
        if slots[id] == nil, newValue != nil { valueCount += 1 }
        if slots[id] != nil, newValue == nil { valueCount -= 1 }
        slots[id] = newValue
      } else if let newValue, id >= 0, id <= reach {
        while slots.count < id { slots.append(nil) }
        slots.append(newValue)
        valueCount += 1
        if populatesAhead && slots.count & (Self.populateStep - 1) == 0 { populateAfterLast() }
      } else {
        let old = outliers[id]
        outliers[id] = newValue
        if old == nil, newValue != nil { valueCount += 1 }
        if old != nil, newValue == nil { valueCount -= 1 }
      }
    }
  }

  /// Changes the value of `id` in place (no copy of it while it is changed); `id` must hold
  /// one.
  @inlinable
  public mutating func update(_ id: Int, _ body: (inout Element) -> Void) {
    if id >= 0 && id < slots.count, slots[id] != nil {
      body(&slots[id]!)
    } else {
      body(&outliers[id]!)
    }
  }

  /// Takes the value of `id` out of the table, leaving none: moved, not copied.
  @inlinable
  public mutating func take(_ id: Int) -> Element? {
    let value: Element?
    if id >= 0 && id < slots.count {
      value = slots[id].take()
    } else {
      value = outliers.isEmpty ? nil : outliers.removeValue(forKey: id)
    }
    if value != nil { valueCount -= 1 }
    return value
  }

  /// How many ids hold a value.
  @inlinable public var count: Int { valueCount }

  /// Whether `id` holds a value (without copying it).
  @inlinable
  public func contains(_ id: Int) -> Bool {
    if id >= 0 && id < slots.count { return slots[id] != nil }
    return !outliers.isEmpty && outliers[id] != nil
  }

  public var isEmpty: Bool { valueCount == 0 }

  /// The ids that hold a value, in order.
  public var keys: [Int] {
    var keys = [Int]()
    keys.reserveCapacity(valueCount)
    let outlying = outliers.keys.sorted()
    keys += outlying.prefix { $0 < 0 }
    for index in slots.indices where slots[index] != nil { keys.append(index) }
    keys += outlying.drop { $0 < 0 }
    return keys
  }

  /// Whether every value satisfies `predicate` (a loop over the array, without making pairs).
  @inlinable
  public func allValues(satisfy predicate: (Element) throws -> Bool) rethrows -> Bool {
    for index in slots.indices {
      if let value = slots[index], try !predicate(value) { return false }
    }
    for value in outliers.values where try !predicate(value) { return false }
    return true
  }

  /// The values in order of id (a view: nothing is copied until it is iterated).
  @inlinable
  public var values: LazyMapSequence<IDTable, Element> { lazy.map(\.value) }
}

extension IDTable: Sequence {
  /// The pairs in order of id: outliers below the array (negative ids) first, then the array,
  /// then the outliers beyond it.
  public struct Iterator: IteratorProtocol {
    @usableFromInline let slots: [Element?]
    @usableFromInline let outliers: [Int: Element]
    @usableFromInline var before: ArraySlice<Int>
    @usableFromInline var after: ArraySlice<Int>
    @usableFromInline var index = 0

    @inlinable
    init(_ table: IDTable) {
      slots = table.slots
      outliers = table.outliers
      let sorted = table.outliers.keys.sorted()
      let split = sorted.firstIndex { $0 >= 0 } ?? sorted.endIndex
      before = sorted[..<split]
      after = sorted[split...]
    }

    @inlinable
    public mutating func next() -> (key: Int, value: Element)? {
      if let id = before.popFirst() { return (id, outliers[id]!) }
      while index < slots.count {
        let id = index
        index += 1
        if let value = slots[id] { return (id, value) }
      }
      guard let id = after.popFirst() else { return nil }
      return (id, outliers[id]!)
    }
  }

  @inlinable
  public func makeIterator() -> Iterator { Iterator(self) }

  @inlinable
  public var underestimatedCount: Int { count }
}

extension IDTable: Sendable where Element: Sendable {}
extension IDTable.Iterator: Sendable where Element: Sendable {}

extension IDTable: Equatable where Element: Equatable {
  public static func == (a: IDTable, b: IDTable) -> Bool {
    a.count == b.count && a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
  }
}

extension IDTable: CustomReflectable {
  /// The pairs in order of id, whatever the array's length (two tables with the same pairs
  /// reflect alike).
  public var customMirror: Mirror {
    Mirror(self, unlabeledChildren: map { $0 }, displayStyle: .dictionary)
  }
}
