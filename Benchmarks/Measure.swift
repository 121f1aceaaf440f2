import Basics
import Foundation

/// Timing and memory helpers for the benchmarks.
enum Measure {
  /// The best wall-clock time of `runs` runs of `body`, in seconds.
  static func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      best = min(best, elapsed)
    }
    return best
  }

  /// The best times of `baseline` (which times itself) and `measured` over `runs` rounds that run one after the other, so that a
  /// slow spell of the machine falls on both alike.
  static func bestOfEach(
    runs: Int = 7, baseline: () throws -> Double, measured: () throws -> Void
  ) rethrows -> (baseline: Double, measured: Double) {
    var bestBaseline = Double.infinity
    var bestMeasured = Double.infinity
    for _ in 0..<runs {
      bestBaseline = min(bestBaseline, try baseline())
      bestMeasured = min(bestMeasured, try best(1, measured))
    }
    return (bestBaseline, bestMeasured)
  }

  /// Runs a program and returns the best wall-clock time over `runs` runs, its output thrown
  /// away. Started with `posix_spawn` and waited for with `waitpid`: Foundation's `Process`
  /// notices the exit only at its next poll, which added up to 50 ms to every figure.
  static func program(_ path: String, _ arguments: [String], runs: Int = 3) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    return try best(runs) {
      var pid = pid_t()
      let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
      guard spawned == 0 else {
        throw NSError(domain: "Measure", code: Int(spawned), userInfo: [:])
      }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
  }

  /// Runs this benchmark executable with `arguments` in a child process and returns the
  /// child's peak resident memory in bytes (its own figure, from getrusage).
  static func childPeakMemory(_ arguments: [String]) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    guard let bytes = Int(text.split(separator: "\n").last ?? "") else {
      throw BenchmarkError("child printed \(text)")
    }
    return bytes
  }

  /// This process's peak resident memory in bytes (`VmHWM`; unlike `ru_maxrss` it starts
  /// afresh at exec, so a child does not report its parent's peak).
  static func peakMemory() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.filter(\.isNumber)
      return (Int(digits) ?? 0) * 1024
    }
    return 0
  }

  static func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }

  static func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds)
  }

  static func mebibytes(_ bytes: Int) -> String {
    String(format: "%.1f MiB", Double(bytes) / 1_048_576)
  }
}

struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
