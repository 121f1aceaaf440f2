import Basics
import Synchronization

/// The activities of a checkpoint and their identities, read from the checkpoint's bytes
/// when first asked for.
///
/// Opening a book from its checkpoint reads every activity once to check it but keeps none:
/// the bytes cannot change and were read without damage, so reading them again gives what
/// was checked.
final class StoredActivities: Sendable {
  /// The checkpoint's bytes, until the activities are read.
  private let bytes: Mutex<[UInt8]>
  private let section: Range<Int>
  private let tables: CheckpointTables
  /// Where the activities start in the section (after its tables).
  private let start: Int
  private let read = Mutex<(activities: ChunkedLog<Activity>, ids: ChunkedLog<ActivityID>)?>(nil)

  /// The activities of the section at `section` in a checkpoint's `bytes`, whose tables were
  /// read as `tables`, starting at `start` in it.
  init(bytes: [UInt8], section: Range<Int>, tables: CheckpointTables, start: Int) {
    self.bytes = Mutex(bytes)
    self.section = section
    self.tables = tables
    self.start = start
  }

  /// The activities and their identities, read the first time.
  func logs() -> (activities: ChunkedLog<Activity>, ids: ChunkedLog<ActivityID>) {
    read.withLock { read in
      if let read { return read }
      let logs = bytes.withLock({ $0 }).withUnsafeBufferPointer { buffer in
        var reader = CheckpointReader(
          UnsafeBufferPointer(rebasing: buffer[section]), tables: tables, at: start)
        do throws(CheckpointDamage) {
          let activities = try reader.log { r throws(CheckpointDamage) in try r.activity() }
          return (activities, try reader.log { r throws(CheckpointDamage) in try r.activityID() })
        } catch {
          // Read without damage when the checkpoint was opened, from these bytes and tables.
          preconditionFailure("checked checkpoint activities no longer read: \(error.reason)")
        }
      }
      read = logs
      bytes.withLock { $0 = [] }
      return logs
    }
  }
}
