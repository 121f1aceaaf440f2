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

  /// Runs a program and returns the best wall-clock time over `runs` runs, its output thrown
  /// away.
  static func program(_ path: String, _ arguments: [String], runs: Int = 3) throws -> Double {
    try best(runs) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
      process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
      process.standardError = FileHandle(forWritingAtPath: "/dev/null")
      try process.run()
      process.waitUntilExit()
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
