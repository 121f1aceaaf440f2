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
