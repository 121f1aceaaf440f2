import Basics
import Foundation
import TestSupport

@testable import SIE

/// Reads an SIE text given as a Swift string (bytes as UTF-8 unless `cp437`).
func read(_ text: String, type: SIEFileType? = nil, strict: Bool = false)
  -> (document: SIEDocument, report: ValidationReport)
{
  SIEDocument.read(bytes: Array(text.utf8), options: ValidationOptions(type: type, strict: strict))
}

/// The shared SIE corpus.
enum Corpus {
  static let directory = PackagePaths.corpus("sie")
  static func path(_ name: String) -> String { FilePath.join(directory, name) }
  /// Every corpus file but the manifest, sorted.
  static var files: [String] { PackagePaths.corpusFiles("sie") }
  static func bytes(_ name: String) -> [UInt8] { (try? FilePath.read(path(name))) ?? [] }
}
