import Basics

/// A book's activities and their identities, in journal order.
///
/// A book opened from its checkpoint starts with the checkpoint's activities unread; they are
/// read when first asked for, so that a command that only adds to the book (a payment on a
/// book of a million activities) never builds the million. What is logged after opening is
/// kept apart, and put after them when read.
struct ActivityLog: Sendable {
  /// The checkpoint's activities.
  private var stored: StoredActivities?
  private var addedActivities = ChunkedLog<Activity>()
  private var addedIDs = ChunkedLog<ActivityID>()

  init() {}

  /// The activities of a checkpoint, not read yet.
  init(stored: StoredActivities) { self.stored = stored }

  mutating func append(_ activity: Activity, id: ActivityID) {
    addedActivities.append(activity)
    addedIDs.append(id)
  }

  /// The activities: the checkpoint's (read the first time), then those logged since.
  var activities: ChunkedLog<Activity> {
    guard let stored else { return addedActivities }
    return Self.joined(stored.logs().activities, addedActivities)
  }

  /// The identities of ``activities``.
  var ids: ChunkedLog<ActivityID> {
    guard let stored else { return addedIDs }
    return Self.joined(stored.logs().ids, addedIDs)
  }

  /// `first` then `second`: `first`'s full chunks are shared, not copied.
  private static func joined<Element>(_ first: ChunkedLog<Element>, _ second: ChunkedLog<Element>)
    -> ChunkedLog<Element>
  {
    guard !second.isEmpty else { return first }
    var log = first
    log.append(contentsOf: second)
    return log
  }
}

extension ActivityLog: CustomReflectable {
  /// The activities and their identities, read or not: a log made from a checkpoint
  /// reflects as the log it was written from.
  var customMirror: Mirror {
    Mirror(self, children: ["activities": activities, "ids": ids])
  }
}
