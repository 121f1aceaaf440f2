import Basics
import Invoicing
import TestSupport
import Testing

@testable import Ledger

/// The small parts an export is made of, each held to the plain way of doing the same.
@Suite struct ExportPartsTests {
  /// The plain model of a voucher builder: sums by key in the order first seen.
  struct ModelRow: Equatable {
    var account: AccountNumber
    var costCentre: String?
    var amount: Amount
  }

  @Test(arguments: [1, 5, VoucherBuilder.indexThreshold, VoucherBuilder.indexThreshold + 1, 60])
  func aBuilderSumsRowsAsAPlainListWould(distinctCentres: Int) throws {
    var random = SplitMix64(seed: UInt64(distinctCentres))
    for _ in 0..<20 {
      var builder = VoucherBuilder(series: "F", date: d("2025-03-01"), text: "t")
      var model = [ModelRow]()
      for _ in 0..<200 {
        let account = AccountNumber(["1510", "3001", "2611"].randomElement(using: &random)!)
        let centre =
          Bool.random(using: &random)
          ? "K\(Int.random(in: 0..<distinctCentres, using: &random))" : nil
        let amount = Amount(ore: Int64.random(in: -3...3, using: &random))
        builder.add(account, amount, costCentre: centre)
        guard !amount.isZero else { continue }
        if let place = model.firstIndex(where: { $0.account == account && $0.costCentre == centre })
        {
          model[place].amount += amount
        } else {
          model.append(ModelRow(account: account, costCentre: centre, amount: amount))
        }
      }
      let expected = model.filter { !$0.amount.isZero }
      let rows = builder.rows.map {
        ModelRow(account: $0.account, costCentre: $0.costCentre, amount: $0.amount)
      }
      #expect(rows == expected)
      #expect(builder.isEmpty == expected.isEmpty)
    }
  }

  /// What a builder writes straight into a list is the voucher it builds, appended: the same
  /// rows with details shared alike; it refuses what building refuses, with the same error.
  @Test(arguments: 0..<4)
  func aBuilderWritesTheVoucherItBuilds(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var written = VoucherList()
    var appended = VoucherList()
    var (booked, refused) = (0, 0)
    for round in 0..<300 {
      var builder = VoucherBuilder(series: "F", date: d("2025-03-01"), text: "v\(round)")
      for _ in 0..<Int.random(in: 0..<6, using: &random) {
        let account = AccountNumber(["1510", "3001", "2611"].randomElement(using: &random)!)
        let centre = ["100", "200", nil].randomElement(using: &random)!
        let project = ["P1", nil].randomElement(using: &random)!
        let text = Int.random(in: 0..<5, using: &random) == 0 ? "rad" : nil
        let amount = Amount(ore: Int64.random(in: -2...2, using: &random))
        builder.add(account, amount, costCentre: centre, project: project, text: text)
      }
      if Bool.random(using: &random) {
        builder.add("1930", Amount.zero - builder.rows.reduce(.zero) { $0 + $1.amount })
      }
      let built = Result { () throws(LedgerError) in try builder.build() }
      let checked = Result { () throws(LedgerError) in try builder.check() }
      switch (built, checked) {
      case (.success(let voucher?), .success(true)):
        builder.write(to: &written)
        appended.append(voucher)
        booked += 1
      case (.success(nil), .success(false)): break
      case (.failure(let expected), .failure(let error)):
        #expect(error.code == expected.code && error.message == expected.message)
        refused += 1
      default: Issue.record("round \(round): built \(built), checked \(checked)")
      }
    }
    #expect(booked > 50 && refused > 50, "both cases are tried")
    #expect(Array(written) == Array(appended))
    #expect(written.detailsCount == appended.detailsCount)
  }

  @Test func aBuilderWithNothingLeftMakesNoVoucher() throws {
    var builder = VoucherBuilder(series: "F", date: d("2025-03-01"), text: "t")
    builder.add("1510", Amount(ore: 100))
    builder.add("1510", Amount(ore: -100))
    #expect(try builder.build() == nil)
    #expect(try !builder.check())
    #expect(builder.isEmpty)
  }

  @Test(arguments: [0, 1, 2, 1000])
  func vouchersAreOrderedByDateKeepingTheirBookingOrder(count: Int) throws {
    var random = SplitMix64(seed: UInt64(count) + 7)
    let rows = [
      VoucherRow(account: "1510", amount: Amount(ore: 1)),
      VoucherRow(account: "3001", amount: Amount(ore: -1)),
    ]
    for sorted in [false, true] {
      var dates = (0..<count).map { _ in
        d("2025-01-01").adding(days: Int.random(in: 0..<40, using: &random))
      }
      if sorted { dates.sort() }
      let vouchers = try dates.enumerated().map { place, date in
        try Voucher(series: "F", date: date, text: "\(place)", rows: rows)
      }
      let expected = vouchers.indices.sorted { (dates[$0], $0) < (dates[$1], $1) }
      #expect(VoucherRun.dateOrder(VoucherList(vouchers)) == expected)
      // Arranged in that order, in place: the same vouchers as picked one by one.
      var posted = PostingEngine.Posted()
      for voucher in vouchers { posted.append(voucher, documents: [.invoice(Int(voucher.text)!)]) }
      posted.arrange(in: expected)
      #expect(Array(posted.vouchers) == expected.map { vouchers[$0] })
      #expect(posted.documents == expected.map { [.invoice($0)] })
      // Without documents, none are kept; with documents for the first voucher only, every
      // voucher has its list once arranged.
      var bare = PostingEngine.Posted()
      for voucher in vouchers { bare.append(voucher, documents: []) }
      bare.arrange(in: expected)
      #expect(Array(bare.vouchers) == expected.map { vouchers[$0] })
      #expect(bare.documents.isEmpty)
      var first = PostingEngine.Posted()
      for (place, voucher) in vouchers.enumerated() {
        first.append(voucher, documents: place == 0 ? [.invoice(0)] : [])
      }
      #expect(first.documents.count == min(count, 1))
      #expect(
        vouchers.indices.map { first.documents(at: $0) }
          == vouchers.indices.map { $0 == 0 ? [.invoice(0)] : [] })
      first.arrange(in: expected)
      #expect(first.documents == expected.map { $0 == 0 ? [.invoice(0)] : [] })
    }
  }

  @Test func activitiesAreFoundByTheirIdentityInEitherOrder() {
    let ascending = (1...300).flatMap { line in
      (0..<(line % 3)).map { ActivityID(line: line, ordinal: $0) }
    }
    for ids in [ascending, ascending.reversed(), [], [ActivityID(line: 4, ordinal: 0)]] {
      let places = ActivityPlaces(ChunkedLog(ids))
      for (place, id) in ids.enumerated() { #expect(places[id] == place) }
      for absent in [
        ActivityID(line: 0, ordinal: 0), ActivityID(line: 3, ordinal: 5),
        ActivityID(line: 301, ordinal: 0),
      ] {
        #expect(places[absent] == nil)
      }
    }
  }

  @Test(arguments: [3, DistinctValues<Int>.threshold, DistinctValues<Int>.threshold + 1, 500])
  func distinctValuesAreTheSetOfTheValues(range: Int) {
    var random = SplitMix64(seed: UInt64(range))
    let values = (0..<2000).map { _ in Int.random(in: 0..<range, using: &random) }
    var distinct = DistinctValues<Int>()
    for value in values { distinct.insert(value) }
    #expect(distinct.set == Set(values))
  }

  @Test(
    arguments: [
      ([], []),
      (["3.0", "3.1", "5.0"], [[3, 0, 2], [5, 0, 1]]),
      (["3.1", "3.0"], [[3, 1, 1], [3, 0, 1]]),
      (["3.0", "3.2", "4.0", "4.1", "4.2"], [[3, 0, 1], [3, 2, 1], [4, 0, 3]]),
    ] as [([String], [[Int]])])
  func bookedActivitiesAreRecordedAsRuns(ids: [String], runs: [[Int]]) {
    // (Journal formats 2 and 3; format 4 records spans.)
    let activities = ids.map { text in
      let parts = text.split(separator: ".").map { Int($0)! }
      return ActivityID(line: parts[0], ordinal: parts[1])
    }
    #expect(ExportRecord.runs(activities) == runs.map { .array($0.map(JSONValue.integer)) })
  }

  static func ids(_ texts: [String]) -> ChunkedLog<ActivityID> {
    ChunkedLog(
      texts.map { text in
        let parts = text.split(separator: ".").map { Int($0)! }
        return ActivityID(line: parts[0], ordinal: parts[1])
      })
  }

  /// Spans are places in a row whose identities ascend; a gap, or identities that do not
  /// ascend, start a new one.
  @Test(
    arguments: [
      ([], []),
      ([0, 1, 2, 3, 4], [["2.0", "5.0"]]),
      ([0, 1, 3, 4], [["2.0", "3.0"], ["4.1", "5.0"]]),
      ([4], [["5.0", "5.0"]]),
    ] as [([Int], [[String]])])
  func bookedActivitiesAreRecordedAsSpans(indexes: [Int], spans: [[String]]) {
    let ids = Self.ids(["2.0", "3.0", "4.0", "4.1", "5.0"])
    let expected = spans.map { Self.ids($0)[0]...Self.ids($0)[1] }
    #expect(ExportRecord.spans(of: indexes, in: ids) == expected)
    // Identities that do not ascend (a list ActivityPlaces finds by a table) split a span.
    let unordered = Self.ids(["3.0", "2.0", "4.0"])
    #expect(
      ExportRecord.spans(of: [0, 1, 2], in: unordered) == [
        unordered[0]...unordered[0], unordered[1]...unordered[2],
      ])
  }

  /// A record's spans read back as the activities they span; a span of activities the book does
  /// not hold, or backwards, is refused with where it is.
  @Test func recordedSpansReadBackAsTheirActivities() throws {
    let book = try TemporaryBook(ExportTests.quarter)
    let (result, _) = try book.export("2025-01-01", "2025-06-30")
    let ids = book.book.state.activityIDs
    let payload = result.record.jsonValue
    #expect(payload["bookedSpans"] != nil && payload["booked"] == nil)
    let read = try ExportRecord(
      json: JSONReader(payload), legacyIDs: ids, places: ActivityPlaces(ids))
    #expect(read.activities == result.record.activities)
    #expect(read.spans == result.record.spans)
    // The book's activities are 13.0, 13.1 and 13.2.
    for (spans, at, problem) in [
      ([[99, 0, 99, 0]], 0, "a span of activities the journal holds"),
      ([[13, 2, 13, 0]], 0, "a span of activities the journal holds"),
      ([[13, 0, 13]], 0, "expected [first line"),
      ([[13, 0, 13, 1], [13, 1, 13, 2]], 1, "in the order of the book's activities, apart"),
      ([[13, 1, 13, 1], [13, 0, 13, 0]], 1, "in the order of the book's activities, apart"),
    ] as [([[Int]], Int, String)] {
      guard case .object(var object) = payload else {
        Issue.record("not an object")
        return
      }
      object["bookedSpans"] = .array(spans.map { .array($0.map(JSONValue.integer)) })
      let error = #expect(throws: JSONPathError.self) {
        try ExportRecord(
          json: JSONReader(.object(object)), legacyIDs: ids, places: ActivityPlaces(ids))
      }
      #expect(error?.path == "$.bookedSpans[\(at)]", "\(spans)")
      #expect(error?.message.contains(problem) == true, "\(spans): \(error?.message ?? "")")
    }
  }
}

extension PostingEngine.Posted {
  /// Adds `voucher` as the posting engine adds one: from a builder holding its rows.
  fileprivate mutating func append(_ voucher: Voucher, documents: [DocumentRef]) {
    var builder = VoucherBuilder(series: voucher.series, date: voucher.date, text: voucher.text)
    for row in voucher.rows { builder.add(row) }
    append(builder, documents: documents)
  }
}
