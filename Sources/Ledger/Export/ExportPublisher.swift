import Basics
import Invoicing

/// Publishes an export's files together: the bundle and the SIE file are written to temporary
/// files beside their targets, flushed, and renamed — the bundle first, the SIE file last — so
/// that a receiver who sees the SIE file sees its bundle too. The temporaries are listed in the
/// book (`exports/pending`) while they exist: a process killed on the way leaves them listed,
/// and the next export (or `book verify`) removes them.
struct ExportPublisher {
  static let pendingFile = "pending"

  let book: Book
  private var writers: [AtomicFileWriter] = []

  init(book: Book) { self.book = book }

  var pendingPath: String {
    FilePath.join(FilePath.join(book.directory, Exporter.directory), Self.pendingFile)
  }

  /// A new temporary output for `path`, listed before anything is written to it.
  mutating func output(_ path: String) throws -> AtomicFileWriter {
    let writer = try AtomicFileWriter(path: path)
    writers.append(writer)
    try list()
    return writer
  }

  private func list() throws {
    try FilePath.makeDirectory(FilePath.join(book.directory, Exporter.directory))
    let text = writers.map { $0.temporary + "\n" }.joined()
    try AtomicFile.write(Array(text.utf8), to: pendingPath)
  }

  /// Renames every output over its target, in the order they were made (the SIE file last),
  /// and clears the list.
  func publish() throws {
    for writer in writers { try writer.finish() }
    for writer in writers { try writer.publish() }
    try AtomicFile.write([], to: pendingPath)
  }

  /// Removes the temporaries an earlier export listed and left behind (killed on the way).
  static func removeLeftovers(in directory: String) {
    let path = FilePath.join(FilePath.join(directory, Exporter.directory), pendingFile)
    guard let bytes = try? FilePath.read(path), !bytes.isEmpty else { return }
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let file = String(line)
      // Only what looks like one of ours: `.NAME.tmp-XXXXXX`.
      guard FilePath.name(of: file).hasPrefix("."), file.contains(".tmp-") else { continue }
      _ = unlink(file)
    }
    try? AtomicFile.write([], to: path)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
