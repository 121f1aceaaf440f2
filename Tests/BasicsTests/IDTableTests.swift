import TestSupport
import Testing

@testable import Basics

/// `IDTable` behaves as a dictionary from `Int`, iterating in order of id.
@Suite struct IDTableTests {
  /// A table that has its room faulted in ahead holds what it was given, reserved or grown, ids
  /// in order with gaps, past many of its steps.
  @Test(arguments: [0, 300_000])
  func populatingAheadKeepsTheValues(reserved: Int) {
    var table = IDTable<Int>()
    table.reserveCapacity(reserved)
    table.populatesAhead = true
    let ids = (1...300_000).filter { $0 % 7 != 0 }
    for id in ids { table[id] = id &* 3 }
    HugePages.waitForPopulating()
    #expect(IDTable<Int>.populateStep == 1 << 16)
    #expect(table.count == ids.count)
    #expect(table.keys == ids)
    #expect(ids.allSatisfy { table[$0] == $0 &* 3 })
    #expect(table[7] == nil && table[300_001] == nil)
  }

  /// Random sets, removals and values taken out, mostly of ids handed out in sequence, some far
  /// out or negative: the table holds what a dictionary holds, after every step.
  @Test(arguments: 0..<6)
  func behavesAsADictionary(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var table = IDTable<Int>()
    var model = [Int: Int]()
    var next = 1
    for step in 0..<3_000 {
      let roll = random.next() % 100
      let id: Int
      switch roll {
      case 0..<60:
        id = next
        next += 1
      case 60..<85: id = Int(random.next() % UInt64(next + 1))
      case 85..<95: id = Int(truncatingIfNeeded: random.next() >> 1)  // far out
      default: id = -Int(random.next() % 1_000) - 1
      }
      let value: Int? = random.next() % 4 == 0 ? nil : step
      if value == nil, step % 2 == 0 {
        #expect(table.take(id) == model.removeValue(forKey: id))
      } else {
        table[id] = value
        model[id] = value
      }
      #expect(table[id] == model[id])
      #expect(table.contains(id) == (model[id] != nil))
      #expect(table.count == model.count)
    }
    #expect(table.keys == model.keys.sorted(), "iterated in order of id")
    #expect(Array(table.values) == model.keys.sorted().map { model[$0]! }, "values in order of id")
    for (id, value) in model { #expect(table[id] == value) }
    #expect(table[Int.max] == model[Int.max])
    #expect(table[Int.min] == model[Int.min])
  }

  /// A value taken out is moved: the table holds no reference to it after, in the array or
  /// among the ids far out.
  @Test(arguments: [5, 1 << 40, -3])
  func takesAValueOut(id: Int) {
    final class Box {}
    var table = IDTable<Box>()
    table[id] = Box()
    var taken = table.take(id)!
    #expect(isKnownUniquelyReferenced(&taken))
    #expect(table[id] == nil && table.count == 0 && table.isEmpty)
    #expect(table.take(id) == nil)
    #expect(table.count == 0)
  }

  @Test func updatesInPlace() {
    var table = IDTable<[Int]>()
    table[1] = [1]
    table[1 << 40] = [2]
    table.update(1) { $0.append(10) }
    table.update(1 << 40) { $0.append(20) }
    #expect(table[1] == [1, 10])
    #expect(table[1 << 40] == [2, 20])
  }

  /// Tables with the same pairs are equal and reflect alike, however they were built (a
  /// removed last id leaves no trace).
  @Test func samePairsSameTable() {
    var grown = IDTable<String>()
    for id in 1...10 { grown[id] = "v\(id)" }
    grown[10] = nil
    grown[4] = nil
    var built = IDTable<String>()
    built.reserveCapacity(9)
    for id in [9, 1, 2, 3, 5, 6, 7, 8] { built[id] = "v\(id)" }
    #expect(grown == built)
    #expect(String(reflecting: grown) == String(reflecting: built))
    #expect(Array(Mirror(reflecting: grown).children).count == 8)
  }
}
