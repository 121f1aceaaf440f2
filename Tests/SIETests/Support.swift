import Foundation
import Invoicing

@testable import SIE

/// The shared test corpus, found from this file's place in the package.
enum Corpus {
  static let packageRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = FilePath.directory(of: path) }
    return path
  }()

  static let directory = FilePath.join(packageRoot, "../shared/corpus/sie")

  static func path(_ name: String) -> String { FilePath.join(directory, name) }

  /// Every corpus file but the manifest, sorted.
  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0 != "MANIFEST.md" }.sorted()
  }

  static func bytes(_ name: String) -> [UInt8] { (try? FilePath.read(path(name))) ?? [] }
}

/// Runs a tool, feeding it `input`; returns its exit status and output.
func run(_ tool: String, _ arguments: [String], input: [UInt8] = []) throws -> (
  status: Int32, output: [UInt8]
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  let stdin = Pipe()
  let stdout = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = FileHandle.nullDevice
  try process.run()
  let writer = Thread {
    stdin.fileHandleForWriting.write(Data(input))
    try? stdin.fileHandleForWriting.close()
  }
  writer.start()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, Array(output))
}

/// Reads an SIE text given as a Swift string (bytes as UTF-8 unless `cp437`).
func read(_ text: String, type: SIEFileType? = nil, strict: Bool = false)
  -> (document: SIEDocument, report: ValidationReport)
{
  SIEDocument.read(bytes: Array(text.utf8), options: ValidationOptions(type: type, strict: strict))
}

/// A temporary directory removed at the end of the test.
final class TemporaryDirectory {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("sietool-tests-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { FilePath.join(path, name) }
}
