import Basics
import Invoicing

/// Publishes an export's files together: the bundle and the SIE file are written to temporary
/// files beside their targets, flushed, and renamed — the bundle first, the SIE file last — so
/// that a receiver who sees the SIE file sees its bundle too. Each target is listed in the book
/// (`exports/pending`) before its temporary is made: a process killed on the way leaves it
/// listed, and the next export (or `book verify`) removes the temporaries beside the listed
/// targets (`.NAME.tmp-XXXXXX`).
struct ExportPublisher {
  static let pendingFile = "pending"

  let book: Book
  private var targets: [String] = []
  private var writers: [AtomicFileWriter] = []
  private var last: AtomicFileWriter?

  init(book: Book) { self.book = book }

  var pendingPath: String {
    FilePath.join(FilePath.join(book.directory, Exporter.directory), Self.pendingFile)
  }

  /// A new temporary output for `path`, listed before it is made; published in the order the
  /// outputs were made, except the one `publishedLast` (the SIE file), which comes after all.
  mutating func output(_ path: String, publishedLast: Bool = false) throws -> AtomicFileWriter {
    targets.append(path)
    try list()
    let writer = try AtomicFileWriter(path: path)
    if publishedLast {
      last = writer
    } else {
      writers.append(writer)
    }
    return writer
  }

  private func list() throws {
    try FilePath.makeDirectory(FilePath.join(book.directory, Exporter.directory))
    let text = targets.map { $0 + "\n" }.joined()
    try AtomicFile.write(Array(text.utf8), to: pendingPath)
  }

  /// Renames every output over its target, in the order they were made and the SIE file
  /// last, and clears the list.
  func publish() throws {
    let all = writers + (last.map { [$0] } ?? [])
    for writer in all { try writer.finish() }
    for writer in all { try writer.publish() }
    try AtomicFile.write([], to: pendingPath)
  }

  /// Gives up: removes every output's temporary and clears the list, leaving the targets as
  /// they were.
  func abandon() {
    for writer in writers { writer.discard() }
    last?.discard()
    if !targets.isEmpty { try? AtomicFile.write([], to: pendingPath) }
  }

  /// Removes the temporaries an earlier export left behind (killed on the way): those beside
  /// the targets it listed, and a half-written list itself.
  static func removeLeftovers(in directory: String) {
    let exports = FilePath.join(directory, Exporter.directory)
    let path = FilePath.join(exports, pendingFile)
    removeTemporaries(of: path)
    guard let bytes = try? FilePath.read(path), !bytes.isEmpty else { return }
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let file = String(line)
      if AtomicFile.isTemporary(FilePath.name(of: file)) {
        // A list written by an earlier release names the temporaries themselves.
        _ = unlink(file)
      } else {
        removeTemporaries(of: file)
      }
    }
    try? AtomicFile.write([], to: path)
  }

  /// Removes `.NAME.tmp-XXXXXX` beside `target` (what ``AtomicFileWriter`` makes for it).
  static func removeTemporaries(of target: String) {
    AtomicFile.removeTemporaries(in: FilePath.directory(of: target), of: target)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
