import Basics
import TestSupport
import Testing

@testable import Ledger

/// `VoucherList` holds vouchers in columns; what comes out is what went in.
@Suite struct VoucherListTests {
  /// Random vouchers: series of a few names, texts with and without letters outside ASCII,
  /// two to five rows, some with a cost centre, project or text.
  static func randomVouchers(_ count: Int, seed: UInt64) throws -> [Voucher] {
    var random = SplitMix64(seed: seed)
    let series = ["F", "I", "Å", "BOK"]
    let texts = [
      "", "Faktura 1", "Betalning – kund Ärlig & Öberg AB", String(repeating: "x", count: 300),
    ]
    return try (0..<count).map { place in
      let rowCount = Int.random(in: 2...5, using: &random)
      var rows = [VoucherRow]()
      var sum = Amount.zero
      for row in 0..<rowCount - 1 {
        let amount = Amount(ore: Int64.random(in: 1...1_000_000, using: &random))
        sum += amount
        rows.append(
          VoucherRow(
            account: row.isMultiple(of: 2) ? "3001" : "2611", amount: amount,
            costCentre: Bool.random(using: &random) ? "K\(row)" : nil,
            project: Int.random(in: 0..<4, using: &random) == 0 ? "P" : nil,
            text: Int.random(in: 0..<5, using: &random) == 0 ? "rad \(place)" : nil))
      }
      rows.append(VoucherRow(account: "1510", amount: .zero - sum))
      return try Voucher(
        series: series[Int.random(in: 0..<series.count, using: &random)],
        number: Int.random(in: 0...3, using: &random),
        date: d("2025-01-01").adding(days: Int.random(in: 0..<365, using: &random)),
        // Some texts empty, the rest told apart by their place.
        text: place % 7 == 3
          ? "" : texts[Int.random(in: 0..<texts.count, using: &random)] + " \(place)",
        rows: rows)
    }
  }

  @Test(arguments: [0, 1, 2, 5000])
  func holdsWhatIsAppended(count: Int) throws {
    // 5 000 vouchers fill more than one chunk of rows and of text bytes.
    let vouchers = try Self.randomVouchers(count, seed: UInt64(count))
    let list = VoucherList(vouchers)
    #expect(list.count == count)
    #expect(Array(list) == vouchers)
    #expect(list.allRows.count == vouchers.reduce(0) { $0 + $1.rows.count })
    for place in list.indices {
      #expect(list.series(at: place) == vouchers[place].series)
      #expect(list.number(at: place) == vouchers[place].number)
      #expect(list.date(at: place) == vouchers[place].date)
      #expect(list.text(at: place) == vouchers[place].text)
      #expect(list.withText(at: place) { Array($0) } == Array(vouchers[place].text.utf8))
      #expect(list.rowRange(at: place).map { list.allRows[$0] } == vouchers[place].rows)
    }
  }

  @Test func arrangesNumbersAndAppendsThroughTheOrder() throws {
    let vouchers = try Self.randomVouchers(300, seed: 42)
    var list = VoucherList(vouchers)
    var random = SplitMix64(seed: 9)
    let first = Array(vouchers.indices).shuffled(using: &random)
    let second = Array(vouchers.indices).shuffled(using: &random)
    list.arrange(in: first)
    #expect(Array(list) == first.map { vouchers[$0] })
    // A second order is read through the first.
    list.arrange(in: second)
    var expected = second.map { first[$0] }.map { vouchers[$0] }
    #expect(Array(list) == expected)
    for place in list.indices {
      list.setNumber(place + 1, at: place)
      expected[place].number = place + 1
    }
    #expect(Array(list) == expected)
    // A voucher appended to an arranged list goes at its end.
    list.append(vouchers[0])
    #expect(Array(list) == expected + [vouchers[0]])
  }

  /// Heads read in blocks say what the accessors say, through an order, and add up the rows
  /// (an unbalanced voucher, which only the unchecked initializer makes, shows its imbalance).
  @Test func readsHeadsAsTheAccessorsRead() throws {
    var vouchers = try Self.randomVouchers(5000, seed: 11)
    vouchers[17] = Voucher(
      checkedSeries: "F", number: 4, date: d("2025-03-01"), text: "obalanserad",
      rows: [
        VoucherRow(account: "1510", amount: Amount(ore: Int64.max)),
        VoucherRow(account: "3001", amount: Amount(ore: Int64.max)),
      ])
    var list = VoucherList(vouchers)
    var random = SplitMix64(seed: 12)
    list.arrange(in: Array(vouchers.indices).shuffled(using: &random))
    var heads = [VoucherList.Head]()
    for start in stride(from: 0, to: list.count, by: 700) {
      let places = start..<min(start + 700, list.count)
      list.readHeads(of: places, into: &heads)
      #expect(heads.count == places.count)
      for (place, head) in zip(places, heads) {
        let voucher = list[place]
        #expect(list.seriesNames[head.series] == voucher.series)
        #expect(head.number == voucher.number)
        #expect(head.date == voucher.date)
        #expect(list.withText(in: head.text) { Array($0) } == Array(voucher.text.utf8))
        #expect(head.rows == list.rowRange(at: place))
        let sum = voucher.rows.reduce(Int128(0)) { $0 + Int128($1.amount.ore) }
        #expect(head.imbalance == sum)
      }
    }
    let unbalanced = try #require(list.indices.first { list.text(at: $0) == "obalanserad" })
    list.readHeads(of: unbalanced..<unbalanced + 1, into: &heads)
    #expect(heads.map(\.imbalance) == [Int128(Int64.max) * 2])
  }

  /// Numbering in order counts each series on from its last number, through an order, and
  /// leaves the last numbers of series it did not use as they were.
  @Test func numbersInOrderPerSeries() throws {
    let vouchers = try Self.randomVouchers(3000, seed: 21)
    var list = VoucherList(vouchers)
    var random = SplitMix64(seed: 22)
    list.arrange(in: Array(vouchers.indices).shuffled(using: &random))
    let last = list.numberInOrder(after: ["F": 41, "X": 7])
    var expected = ["F": 41, "X": 7]
    for place in list.indices {
      let series = list.series(at: place)
      expected[series, default: 0] += 1
      #expect(list.number(at: place) == expected[series])
    }
    #expect(last == expected)
    #expect(Set(last.keys) == Set(["F", "I", "Å", "BOK", "X"]))
    var empty = VoucherList()
    #expect(empty.numberInOrder(after: ["F": 3]) == ["F": 3])
  }

  /// An order that keeps every voucher in place reads them where they are stored; a later
  /// order still applies.
  @Test func anOrderInPlaceChangesNothing() throws {
    let vouchers = try Self.randomVouchers(50, seed: 31)
    var list = VoucherList(vouchers)
    list.arrange(in: Array(vouchers.indices))
    #expect(Array(list) == vouchers)
    list.arrange(in: Array(vouchers.indices.reversed()))
    #expect(Array(list) == vouchers.reversed())
    list.arrange(in: Array(vouchers.indices))
    #expect(Array(list) == vouchers.reversed())
  }

  @Test func numberRangesAreTheFirstAndLastNumberPerSeries() throws {
    let vouchers = try Self.randomVouchers(200, seed: 5)
    var expected = [String: ClosedRange<Int>]()
    for voucher in vouchers {
      let range = expected[voucher.series]
      expected[voucher.series] =
        min(
          range?.lowerBound ?? .max, voucher.number)...max(
          range?.upperBound ?? .min, voucher.number)
    }
    #expect(VoucherList(vouchers).numberRanges == expected)
    #expect(VoucherList().numberRanges.isEmpty)
  }

  /// Rows with the same cost centre and project share one box; rows with a text keep theirs.
  @Test func rowsShareTheirDetails() {
    var pool = RowDetailsPool()
    let rows = [
      VoucherRow(account: "3001", amount: Amount(ore: 1), costCentre: "100", project: "P1"),
      VoucherRow(account: "3002", amount: Amount(ore: 2), costCentre: "100", project: "P1"),
      VoucherRow(account: "3001", amount: Amount(ore: 3), costCentre: "100"),
      VoucherRow(account: "3001", amount: Amount(ore: 4), costCentre: "100", text: "rad"),
      VoucherRow(account: "1510", amount: Amount(ore: -10)),
    ]
    for row in rows {
      var shared = row
      shared.shareDetails(in: &pool)
      #expect(shared == row)
    }
    #expect(pool.count == 2)
  }

  @Test func aCopyIsNotChangedByTheOriginal() throws {
    let vouchers = try Self.randomVouchers(10, seed: 3)
    var list = VoucherList(vouchers)
    let copy = list
    list.setNumber(99, at: 0)
    list.append(vouchers[1])
    #expect(Array(copy) == vouchers)
    #expect(list.number(at: 0) == 99)
    #expect(list != copy)
  }
}
