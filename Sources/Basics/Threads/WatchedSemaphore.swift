import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A counting semaphore whose waiter first watches for a signal for a while before it sleeps.
///
/// Two threads that hand work to each other every few milliseconds lose much of their time
/// waking up: a thread put to sleep on a semaphore may start again only a millisecond after
/// the signal, when its core has gone idle (on a virtual machine in particular). A waiter that
/// watches a counter instead sees the signal at once. It watches for at most `watch`, then
/// sleeps as on a plain semaphore, so a long wait costs a core only that long.
///
/// ```swift
/// let ready = WatchedSemaphore(watch: .milliseconds(3))
/// DispatchQueue.global().async { produce(); ready.signal() }
/// ready.wait()
/// ```
///
/// Watching is for threads that run on cores of their own: on a single core, and for a
/// semaphore made with `watch` `nil`, `wait()` sleeps at once.
public final class WatchedSemaphore: @unchecked Sendable {
  private let semaphore: DispatchSemaphore
  /// Signals given and not yet taken: what the waiter watches.
  private let pending: Atomic<Int>
  private let watchNanoseconds: UInt64

  /// A semaphore holding `value` signals, whose waiters watch for up to `watch`.
  public init(value: Int = 0, watch: Duration?) {
    // Made empty and then signalled: Dispatch traps when a semaphore made with a value is
    // freed holding fewer signals than that.
    semaphore = DispatchSemaphore(value: 0)
    for _ in 0..<max(0, value) { semaphore.signal() }
    pending = Atomic(max(0, value))
    if let watch, WatchedSemaphore.hasCores {
      let (seconds, attoseconds) = watch.components
      watchNanoseconds =
        UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds / 1_000_000_000))
    } else {
      watchNanoseconds = 0
    }
  }

  /// Gives one signal.
  public func signal() {
    pending.add(1, ordering: .releasing)
    semaphore.signal()
  }

  /// Takes one signal, waiting for it as long as it takes; returns whether none was there
  /// when called (the caller had to wait).
  @discardableResult
  public func wait() -> Bool {
    let waited = pending.load(ordering: .acquiring) <= 0
    if watchNanoseconds > 0 && waited {
      let deadline = WatchedSemaphore.now() &+ watchNanoseconds
      var looks = 0
      while pending.load(ordering: .acquiring) <= 0 {
        looks &+= 1
        // Every 256 looks: the clock, and the core to any other thread that wants it.
        if looks & 0xFF == 0 {
          if WatchedSemaphore.now() > deadline { break }
          sched_yield()
        }
      }
    }
    semaphore.wait()
    pending.subtract(1, ordering: .relaxed)
    return waited
  }

  /// Whether the machine has more than one core online.
  static let hasCores = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1

  private static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
  }
}
