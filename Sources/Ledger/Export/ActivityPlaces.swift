import Basics
import Invoicing

/// Finds an activity's place in the book's list by its identity.
///
/// A book lists its activities in journal order, so their identities ascend and a place is
/// found by halving. Should a list ever not ascend, a table of every identity is made instead.
struct ActivityPlaces: Sendable {
  private let ids: ChunkedLog<ActivityID>
  /// Set only when `ids` does not ascend.
  private let table: [ActivityID: Int]?

  init(_ ids: ChunkedLog<ActivityID>) {
    self.ids = ids
    var ascending = true
    var previous: ActivityID?
    for id in ids {
      if let previous, !(previous < id) {
        ascending = false
        break
      }
      previous = id
    }
    if ascending {
      table = nil
    } else {
      var table = [ActivityID: Int](minimumCapacity: ids.count)
      for (place, id) in ids.enumerated() { table[id] = place }
      self.table = table
    }
  }

  /// The place of `id`, or `nil` when the book has no such activity.
  subscript(id: ActivityID) -> Int? {
    if let table { return table[id] }
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < ids.count && ids[low] == id ? low : nil
  }
}
