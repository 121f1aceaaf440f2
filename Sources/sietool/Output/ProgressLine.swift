import Basics
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows that long work is going on: when standard error is a terminal and the work takes more
/// than a second, a line `opening the book… 3 s` is kept up to date on standard error and
/// cleared at the end. Nothing is shown in pipes, files or tests.
enum ProgressLine {
  static func during<T>(_ label: String, console: Console, _ body: () throws -> T) rethrows -> T {
    guard console.isTerminal(2) else { return try body() }
    let ticker = Ticker(label: label)
    ticker.start()
    defer { ticker.stop() }
    return try body()
  }

  /// Writes the elapsed seconds every half second on a background queue.
  final class Ticker: Sendable {
    let label: String
    private struct Shown { var running = true, shown = false }
    private let status = Mutex(Shown())
    private let started = DispatchTime.now()

    init(label: String) { self.label = label }

    func start() {
      DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [self] in tick() }
    }

    private func tick() {
      let running = status.withLock { status in
        guard status.running else { return false }
        let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
        Ticker.write("\r\(label)… \(elapsed / 1_000_000_000) s ")
        status.shown = true
        return true
      }
      guard running else { return }
      DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { [self] in tick() }
    }

    func stop() {
      status.withLock { status in
        status.running = false
        if status.shown {
          Ticker.write("\r" + String(repeating: " ", count: label.count + 12) + "\r")
        }
      }
    }

    private static func write(_ text: String) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
  }
}
