import Basics
import Dispatch
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1))) struct WatchedSemaphoreTests {
  static let watches: [Duration?] = [nil, .milliseconds(3)]

  @Test(arguments: watches)
  func aWaitNeverReturnsBeforeItsSignal(watch: Duration?) {
    // Two threads hand a token back and forth; each counts the signals it gives before
    // giving them, and the other checks on each return that it took no more than were given.
    final class Counts: Sendable {
      let toWorker = Atomic(0)
      let toCaller = Atomic(0)
      let early = Atomic(0)
    }
    let counts = Counts()
    let rounds = 2_000
    let toWorker = WatchedSemaphore(watch: watch)
    let toCaller = WatchedSemaphore(watch: watch)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      for round in 1...rounds {
        toWorker.wait()
        if counts.toWorker.load(ordering: .acquiring) < round {
          counts.early.add(1, ordering: .relaxed)
        }
        counts.toCaller.add(1, ordering: .releasing)
        toCaller.signal()
      }
      done.signal()
    }
    for round in 1...rounds {
      counts.toWorker.add(1, ordering: .releasing)
      toWorker.signal()
      toCaller.wait()
      if counts.toCaller.load(ordering: .acquiring) < round {
        counts.early.add(1, ordering: .relaxed)
      }
    }
    done.wait()
    let early = counts.early.load(ordering: .relaxed)
    #expect(early == 0)
    let returned = counts.toCaller.load(ordering: .relaxed)
    #expect(returned == rounds)
  }

  @Test func aWaitLongerThanTheWatchSleepsAndStillReturns() {
    final class Flag: Sendable { let given = Atomic(false) }
    let flag = Flag()
    let semaphore = WatchedSemaphore(watch: .milliseconds(1))
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(30)) {
      flag.given.store(true, ordering: .releasing)
      semaphore.signal()
    }
    semaphore.wait()
    let given = flag.given.load(ordering: .acquiring)
    #expect(given)
  }

  @Test func signalsGivenAheadAreTakenInTurn() {
    final class Count: Sendable { let taken = Atomic(0) }
    let count = Count()
    let semaphore = WatchedSemaphore(value: 2, watch: .milliseconds(3))
    semaphore.signal()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      for _ in 0..<4 {
        semaphore.wait()
        count.taken.add(1, ordering: .releasing)
      }
      done.signal()
    }
    // Three signals are there; the fourth wait returns only after the fourth is given.
    while count.taken.load(ordering: .acquiring) < 3 {}
    #expect(done.wait(timeout: .now() + .milliseconds(50)) == .timedOut)
    let takenFirst = count.taken.load(ordering: .acquiring)
    #expect(takenFirst == 3)
    semaphore.signal()
    done.wait()
    let takenLast = count.taken.load(ordering: .acquiring)
    #expect(takenLast == 4)
  }
}
