import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output (buffered) and standard error, or buffers in tests.
final class Console {
  private let capture: Bool
  private var pending: [UInt8] = []
  private(set) var capturedOutput: [UInt8] = []
  private(set) var capturedError: [UInt8] = []

  /// The process's standard output and error.
  static func standard() -> Console { Console(capture: false) }
  /// Buffers, for tests.
  static func capturing() -> Console { Console(capture: true) }

  private init(capture: Bool) { self.capture = capture }

  deinit { flush() }

  /// Writes text to standard output.
  func print(_ text: String, terminator: String = "\n") {
    write(Array((text + terminator).utf8))
  }

  /// Writes bytes to standard output.
  func write(_ bytes: [UInt8]) {
    if capture {
      capturedOutput += bytes
    } else {
      pending += bytes
      if pending.count >= 1 << 16 { flush() }
    }
  }

  /// Writes a line to standard error.
  func printError(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    if capture {
      capturedError += bytes
    } else {
      flush()
      Console.writeAll(2, bytes)
    }
  }

  /// Sends buffered output on.
  func flush() {
    guard !capture, !pending.isEmpty else { return }
    Console.writeAll(1, pending)
    pending.removeAll(keepingCapacity: true)
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Whether `descriptor` is a terminal (never, when output is captured).
  func isTerminal(_ descriptor: Int32) -> Bool { !capture && isatty(descriptor) == 1 }

  /// What was written to standard output, as text.
  var output: String { String(decoding: capturedOutput, as: UTF8.self) }
  /// What was written to standard error, as text.
  var errorOutput: String { String(decoding: capturedError, as: UTF8.self) }
}
