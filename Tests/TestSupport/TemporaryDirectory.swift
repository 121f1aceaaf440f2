import Basics
import Foundation

/// A directory of its own under the system's temporary directory, removed with the value.
public final class TemporaryDirectory: Sendable {
  public let path: String

  public init(prefix: String = "sietool-tests") {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `name` inside the directory.
  public func file(_ name: String) -> String { FilePath.join(path, name) }

  /// Writes `text` (UTF-8) to `name`; returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    write(name, Array(text.utf8))
  }

  /// Writes `bytes` to `name`; returns its path.
  @discardableResult
  public func write(_ name: String, _ bytes: [UInt8]) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }
}

/// Where the package and the shared material are, found from this file's place.
public enum PackagePaths {
  /// The package's root directory.
  public static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = FilePath.directory(of: path) }
    return path
  }()

  /// `Tests/Fixtures/…`.
  public static func fixture(_ name: String) -> String {
    FilePath.join(root, "Tests/Fixtures/" + name)
  }

  /// The shared corpus: `../shared/corpus/<kind>/`.
  public static func corpus(_ kind: String) -> String {
    FilePath.join(root, "../shared/corpus/" + kind)
  }

  /// The files of a corpus folder (manifests left out), sorted.
  public static func corpusFiles(_ kind: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus(kind))) ?? [])
      .filter { !$0.hasSuffix(".md") }.sorted()
  }
}
