import Foundation
import Invoicing

@testable import sietool

/// Runs `sietool` in-process and returns its exit status and output.
func sietool(_ arguments: String...) -> (status: Int32, output: String, error: String) {
  sietool(arguments)
}

func sietool(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
  let console = Console.capturing()
  let status = Sietool.main(arguments, console: console)
  return (status, console.output, console.errorOutput)
}

enum Corpus {
  static let packageRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = FilePath.directory(of: path) }
    return path
  }()

  static func path(_ name: String) -> String {
    FilePath.join(packageRoot, "../shared/corpus/sie/" + name)
  }
}

/// A temporary directory removed at the end of the test.
final class TemporaryDirectory {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("sietool-cli-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { FilePath.join(path, name) }

  func write(_ name: String, _ text: String) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }
}

extension String {
  var json: JSONValue? { try? JSONValue(parsing: self) }
}
