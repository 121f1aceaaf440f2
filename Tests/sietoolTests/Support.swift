import Basics
import Foundation
import Invoicing
import TestSupport

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
  static let packageRoot = PackagePaths.root

  static func path(_ name: String) -> String {
    FilePath.join(packageRoot, "../shared/corpus/sie/" + name)
  }
}

extension String {
  var json: JSONValue? { try? JSONValue(parsing: self) }
}
