import Basics
import Invoicing
import SIE

/// How vouchers are made per export: one per event, or one per series and day.
public enum Summarization: String, Hashable, Sendable, CaseIterable {
  case event
  case day
}

/// What an export wrote, recorded in the book's journal so that every later export (in any
/// process) books around it: the period, the options, the account map it booked with, which
/// activities it booked, the year ends it made, the voucher numbers it used and the hash of the
/// file. The file itself is kept in the book's `exports/` directory.
public struct ExportRecord: Hashable, Sendable {
  /// The journal event type of a record.
  public static let eventType = "ledgerExported"

  public var number: Int
  public var from: Day
  public var to: Day
  public var type: SIEFileType
  public var profile: ReceiverProfile
  public var summarization: Summarization
  /// `#GEN`: the day the export was first made.
  public var generated: Day
  /// The version in `#PROGRAM`: the release that made the export (`1.0` for exports of
  /// journal format 1, which did not record it).
  public var programVersion: String
  /// The SHA-256 of the SIE file.
  public var fileHash: String
  /// The SHA-256 of the bundle, when one was made.
  public var bundleHash: String?
  /// The activities this export booked, in the order it booked them, by their stable
  /// identity (journal line and place in it).
  public var activities: [ActivityID]
  /// The fiscal year ends whose year-end booking this export made.
  public var yearEnds: [Day]
  /// The year-end reversals this export made.
  public var reversals: [Day]
  /// The vouchers: how many, and the last number per series of the fiscal year afterwards.
  public var voucherCount: Int
  public var lastNumbers: [String: Int]
  var map: AccountMap
  /// The settings in force when the export was recorded (an index into the book's settings
  /// history); `nil` for an export being made, which shows the current settings.
  var settingsIndex: Int?
  /// What it booked as spans of the book's activities, each every activity from its first
  /// identity to its last (journal format 4); `nil` for a record read from a list of them
  /// (formats 1–3). A period's export books almost every activity in a row, so a record of
  /// 2 M activities is a few spans, not a list of 2 M.
  var spans: [ClosedRange<ActivityID>]? = nil

  /// Whether this export covers `day`.
  public func covers(_ day: Day) -> Bool { from <= day && day <= to }

  /// The spans of `indexes` (ascending places in the book's activities, whose identities are
  /// `ids`): places in a row whose identities ascend.
  static func spans(of indexes: [Int], in ids: ChunkedLog<ActivityID>) -> [ClosedRange<ActivityID>]
  {
    var spans = [ClosedRange<ActivityID>]()
    var start = 0
    for place in indexes.indices {
      let next = place + 1
      if next == indexes.count || indexes[next] != indexes[place] + 1
        || !(ids[indexes[place]] < ids[indexes[next]])
      {
        spans.append(ids[indexes[start]]...ids[indexes[place]])
        start = next
      }
    }
    return spans
  }

  /// Identities as runs within a line, `[line, first ordinal, count]`:
  /// `[3.0, 3.1, 5.0]` → `[[3, 0, 2], [5, 0, 1]]`.
  static func runs(_ ids: [ActivityID]) -> [JSONValue] {
    var result = [JSONValue]()
    guard var run = ids.first.map({ (line: $0.line, first: $0.ordinal, count: 1) }) else {
      return result
    }
    func close(_ run: (line: Int, first: Int, count: Int)) -> JSONValue {
      .array([.integer(run.line), .integer(run.first), .integer(run.count)])
    }
    for id in ids.dropFirst() {
      if id.line == run.line, run.first + run.count == id.ordinal {
        run.count += 1
      } else {
        result.append(close(run))
        run = (id.line, id.ordinal, 1)
      }
    }
    result.append(close(run))
    return result
  }
}

extension ExportRecord {
  var jsonValue: JSONValue {
    var numbers = JSONObject()
    for series in lastNumbers.keys.sorted() { numbers[series] = .integer(lastNumbers[series]!) }
    var object: JSONObject = [
      "number": .integer(number), "from": from.jsonValue, "to": to.jsonValue,
      "type": .string(type.rawValue), "profile": .string(profile.rawValue),
      "summarize": .string(summarization.rawValue), "generated": generated.jsonValue,
      "file": .string(fileHash), "program": .string(programVersion),
      "yearEnds": .array(yearEnds.map(\.jsonValue)),
      "reversals": .array(reversals.map(\.jsonValue)),
      "vouchers": .integer(voucherCount), "lastNumbers": .object(numbers), "map": map.jsonValue,
    ]
    if let spans {
      object["bookedSpans"] = .array(
        spans.map { span in
          .array(
            [
              span.lowerBound.line, span.lowerBound.ordinal, span.upperBound.line,
              span.upperBound.ordinal,
            ].map(JSONValue.integer))
        })
    } else {
      object["booked"] = .array(Self.runs(activities))
    }
    object.set("bundle", bundleHash.map(JSONValue.string))
    return .object(object)
  }

  /// Reads a record; `legacyIDs`, the book's activities' identities, resolves the activity
  /// indexes of format 1 records, and `places` (of those identities) the spans of format 4.
  init(
    json: JSONReader, legacyIDs: ChunkedLog<ActivityID>, places: @autoclosure () -> ActivityPlaces
  ) throws {
    number = try json.int("number")
    from = try json.day("from")
    to = try json.day("to")
    guard let type = SIEFileType(argument: try json.string("type")) else {
      throw json.error("unknown SIE type", at: "type")
    }
    self.type = type
    profile = try json.choice("profile", as: ReceiverProfile.self)
    summarization = try json.choice("summarize", as: Summarization.self)
    generated = try json.day("generated")
    fileHash = try json.string("file")
    programVersion = try json.optionalString("program") ?? "1.0"
    bundleHash = try json.optionalString("bundle")
    if try json.optionalMember("bookedSpans") != nil {
      let places = places()
      var previousEnd = -1
      let spans = try json.array("bookedSpans") { span in
        let parts = try span.elements { try $0.asInt() }
        guard parts.count == 4, parts[0] >= 1, parts[1] >= 0, parts[2] >= 1, parts[3] >= 0 else {
          throw span.error("expected [first line, first ordinal, last line, last ordinal]")
        }
        let first = ActivityID(line: parts[0], ordinal: parts[1])
        let last = ActivityID(line: parts[2], ordinal: parts[3])
        guard first <= last, let start = places[first], let end = places[last], start <= end
        else {
          throw span.error("expected a span of activities the journal holds, first to last")
        }
        // In booking order, as written: each after the last, so that none is booked twice.
        guard start > previousEnd else {
          throw span.error("expected spans in the order of the book's activities, apart")
        }
        previousEnd = end
        return (ids: first...last, places: start...end)
      }
      self.spans = spans.map(\.ids)
      var activities = [ActivityID]()
      activities.reserveCapacity(spans.reduce(0) { $0 + $1.places.count })
      for span in spans {
        for place in span.places { activities.append(legacyIDs[place]) }
      }
      self.activities = activities
    } else if try json.optionalMember("booked") != nil {
      activities = try json.array("booked") { run in
        let parts = try run.elements { try $0.asInt() }
        guard parts.count == 3, parts[0] >= 1, parts[1] >= 0, parts[2] >= 1 else {
          throw run.error("expected [line, first ordinal, count]")
        }
        return (0..<parts[2]).map { ActivityID(line: parts[0], ordinal: parts[1] + $0) }
      }.flatMap { $0 }
    } else {
      // Journal format 1 named activities by their index in the replayed list; format 1's
      // derivation of activities is frozen, so the index still names the same activity.
      let ranges = try json.array("activities") { pair in
        let bounds = try pair.elements { try $0.asInt() }
        guard bounds.count == 2, 0 <= bounds[0], bounds[0] <= bounds[1],
          bounds[1] <= legacyIDs.count
        else {
          throw pair.error("expected [start, end] within the book's \(legacyIDs.count) activities")
        }
        return bounds[0]..<bounds[1]
      }
      activities = ranges.flatMap { $0.map { legacyIDs[$0] } }
    }
    yearEnds = try json.array("yearEnds") { try $0.asDay() }
    reversals = try json.array("reversals") { try $0.asDay() }
    voucherCount = try json.int("vouchers")
    lastNumbers = [:]
    let numbers = try json.member("lastNumbers")
    if case .object(let object) = numbers.value {
      for (series, _) in object { lastNumbers[series] = try numbers.int(series) }
    }
    map = try AccountMap(json: try json.member("map"))
  }

  /// The exports recorded in a book, in order.
  public static func all(in state: BookState) throws(LedgerError) -> [ExportRecord] {
    var records = [ExportRecord]()
    lazy var ids = state.activityIDs  // read once, when there is a record
    lazy var places = ActivityPlaces(ids)  // made once, when a record has spans
    for ((type, payload), settings) in zip(state.otherEvents, state.otherEventSettings)
    where type == eventType {
      do {
        var record = try ExportRecord(
          json: JSONReader(payload, path: "export"), legacyIDs: ids, places: places)
        record.settingsIndex = settings
        records.append(record)
      } catch {
        throw LedgerError(
          .unreadableExportRecord, .export(records.count + 1),
          "the book's export record \(records.count + 1) cannot be read: \(error)")
      }
    }
    return records
  }
}
