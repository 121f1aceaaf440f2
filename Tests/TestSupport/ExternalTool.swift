import Basics
import Foundation

/// What a run of an installed tool gave.
public struct ToolRun: Sendable {
  public var status: Int32
  /// Standard output (and standard error, when merged).
  public var bytes: [UInt8]
  /// The output as UTF-8 text.
  public var output: String { String(decoding: bytes, as: UTF8.self) }
}

/// A tool the tests need that is not installed: `.ci/run` installs it.
public struct MissingTool: Error, CustomStringConvertible {
  public var tool: String
  public var description: String { "\(tool) is not installed (.ci/run installs it)" }
}

/// Runs an installed tool (`iconv`, `unzip`, `qpdf`, `pdftotext`, …) with `input` on its
/// standard input; standard error goes with the output unless `mergingErrors` is false.
public func run(
  _ tool: String, _ arguments: [String], input: [UInt8] = [], mergingErrors: Bool = true
) throws -> ToolRun {
  guard
    let path = ["/usr/bin/", "/usr/local/bin/", "/bin/", "/opt/homebrew/bin/"].map({ $0 + tool })
      .first(where: FileManager.default.isExecutableFile)
  else { throw MissingTool(tool: tool) }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let stdin = Pipe()
  let stdout = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = mergingErrors ? stdout : FileHandle.nullDevice
  try process.run()
  let writer = Thread {
    stdin.fileHandleForWriting.write(Data(input))
    try? stdin.fileHandleForWriting.close()
  }
  writer.start()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ToolRun(status: process.terminationStatus, bytes: Array(output))
}

/// SplitMix64: a small deterministic random source; the same seed, the same sequence.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
