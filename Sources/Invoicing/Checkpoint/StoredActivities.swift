import Basics
import Dispatch
import Synchronization

/// The activities of a checkpoint and their identities, read from the checkpoint's bytes
/// when first asked for.
///
/// Opening a book from its checkpoint reads every activity once to check it but keeps none:
/// the bytes cannot change and were read without damage, so reading them again gives what
/// was checked. Opening notes where the second half of them starts (at a multiple of
/// ``splitUnit``, a chunk of the log), so that they are then read in two halves on two cores
/// and the identities on a third task, the halves joined by their chunks.
final class StoredActivities: Sendable {
  /// Where the activities lie in their section.
  struct Places: Sendable {
    /// Where the list of activities starts (its count).
    var start: Int
    var count: Int
    /// The first activity of the second half (0: no second half), and where it starts.
    var split: Int
    var splitStart: Int
    /// Where the list of identities starts.
    var idsStart: Int
  }

  /// The second half starts at a multiple of this: a chunk of the log, so that the halves
  /// join without a copy.
  static let splitUnit = ChunkedLog<Activity>.chunkSize

  /// The checkpoint's bytes, until the activities are read.
  private let bytes: Mutex<[UInt8]>
  private let section: Range<Int>
  private let tables: CheckpointTables
  private let places: Places
  private let read = Mutex<(activities: ChunkedLog<Activity>, ids: ChunkedLog<ActivityID>)?>(nil)

  /// The activities of the section at `section` in a checkpoint's `bytes`, whose tables were
  /// read as `tables`, at `places` in it.
  init(bytes: [UInt8], section: Range<Int>, tables: CheckpointTables, places: Places) {
    self.bytes = Mutex(bytes)
    self.section = section
    self.tables = tables
    self.places = places
  }

  /// The activities and their identities, read the first time.
  func logs() -> (activities: ChunkedLog<Activity>, ids: ChunkedLog<ActivityID>) {
    read.withLock { read in
      if let read { return read }
      let logs = bytes.withLock({ $0 }).withUnsafeBufferPointer { buffer in
        readLogs(UnsafeBufferPointer(rebasing: buffer[section]))
      }
      read = logs
      bytes.withLock { $0 = [] }
      return logs
    }
  }

  /// The halves and the identities, read side by side from `section`.
  private func readLogs(_ section: UnsafeBufferPointer<UInt8>) -> (
    activities: ChunkedLog<Activity>, ids: ChunkedLog<ActivityID>
  ) {
    let places = places
    let tables = tables
    // Each task writes its own; all are read once every task has returned.
    nonisolated(unsafe) var first = ChunkedLog<Activity>()
    nonisolated(unsafe) var second = ChunkedLog<Activity>()
    nonisolated(unsafe) var ids = ChunkedLog<ActivityID>()
    nonisolated(unsafe) let section = section
    DispatchQueue.concurrentPerform(iterations: 3) { task in
      do throws(CheckpointDamage) {
        switch task {
        case 0:
          var reader = CheckpointReader(section, tables: tables, at: places.start)
          _ = try reader.itemCount()
          let count = places.split > 0 ? places.split : places.count
          first.reserveCapacity(count)
          for _ in 0..<count { first.append(try reader.activity()) }
        case 1:
          guard places.split > 0 else { return }
          var reader = CheckpointReader(section, tables: tables, at: places.splitStart)
          second.reserveCapacity(places.count - places.split)
          for _ in places.split..<places.count { second.append(try reader.activity()) }
        default:
          var reader = CheckpointReader(section, tables: tables, at: places.idsStart)
          ids = try reader.log { r throws(CheckpointDamage) in try r.activityID() }
        }
      } catch {
        // Read without damage when the checkpoint was opened, from these bytes and tables.
        preconditionFailure("checked checkpoint activities no longer read: \(error.reason)")
      }
    }
    first.append(contentsOf: second)
    return (first, ids)
  }
}
