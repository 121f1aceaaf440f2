import TestSupport
import Testing

@testable import Basics

/// `Register` reads as a dictionary by key and iterates in the order keys were first put.
@Suite struct RegisterTests {
  /// Random puts over a small set of keys, so that many replace: after every step the register
  /// holds what a dictionary holds, in the order of first puts, ids fixed once given.
  @Test(arguments: 0..<6)
  func behavesAsAnOrderedDictionary(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var register = Register<Int>()
    var model = [String: Int]()
    var order = [String]()
    for step in 0..<2_000 {
      let key = "K\(random.next() % 300)"
      if model[key] == nil { order.append(key) }
      model[key] = step
      let id = register.put(step, for: key)
      #expect(id == order.firstIndex(of: key), "a key keeps the id of its first put")
      #expect(register[key] == step)
      #expect(register[id] == step)
      #expect(register.count == model.count)
    }
    #expect(register.keys == order)
    #expect(Array(register) == order.map { model[$0]! })
    for (id, key) in order.enumerated() {
      #expect(register.id(of: key) == id)
      #expect(register.contains(key: key))
    }
    #expect(register["K300"] == nil)
    #expect(register.id(of: "K300") == nil)
    #expect(!register.contains(key: "K300"))
  }

  @Test func builtFromKeysAndEntries() throws {
    let register = try #require(Register(keys: ["b", "a"], entries: [2, 1]))
    #expect(register["a"] == 1)
    #expect(register.id(of: "b") == 0)
    var grown = Register<Int>()
    grown.put(2, for: "b")
    grown.put(1, for: "a")
    #expect(register == grown)
    grown.put(1, for: "b")
    #expect(register != grown, "an entry differs")
  }

  /// Keys and entries that cannot make a register: a key twice, or counts that differ.
  @Test(arguments: [(["a", "a"], [1, 2]), (["a"], [1, 2]), (["a", "b"], [1])])
  func refusesKeysThatDoNotNameEntriesOnce(keys: [String], entries: [Int]) {
    #expect(Register(keys: keys, entries: entries) == nil)
  }

  @Test func equalOnlyInTheSameOrder() {
    var first = Register<Int>()
    first.put(1, for: "a")
    first.put(2, for: "b")
    var second = Register<Int>()
    second.put(2, for: "b")
    second.put(1, for: "a")
    #expect(first != second)
  }
}
