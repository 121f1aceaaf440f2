import Basics
import Testing

@testable import Invoicing

/// A checkpoint's activities, read in two halves side by side (the second starting wherever
/// the split unit puts it) and their identities on a third task, are the activities and
/// identities of the state the checkpoint was written from, in order.
@Suite struct StoredActivitiesTests {
  @Test(arguments: [1, 2, 7, StoredActivities.splitUnit, Int.max / 2])
  func halvesReadAsTheWhole(unit: Int) throws {
    for seed: UInt64 in [1, 4] {
      let state = try randomBook(seed: seed, method: .accrual, settled: true).state
      try #require(state.activities.count > 20)
      let read = try BookState(checkpointPayload: state.checkpointPayload(), activitySplit: unit)
      #expect(Array(read.activities) == Array(state.activities), "seed \(seed), unit \(unit)")
      #expect(Array(read.activityIDs) == Array(state.activityIDs), "seed \(seed), unit \(unit)")
    }
  }
}
