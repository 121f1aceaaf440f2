import Basics
import Invoicing

/// Where a command writes a file it was asked for with `-o`: a path (checked, then written
/// atomically) or `-` for standard output. A path inside the book, or one where something
/// other than a regular file stands (a symbolic link, a device, a directory), is refused
/// before anything is written.
struct OutputTarget {
  var path: String
  var book: Book?

  init(_ path: String, book: Book?) throws {
    self.path = path
    self.book = book
    if path != "-" { try Self.check(path, book: book) }
  }

  /// Refuses `path` when it is inside `book` or any other book (a directory above it holds a
  /// journal), or when it is not a regular file.
  static func check(_ path: String, book: Book?) throws {
    var protected = book.map { [$0.directory] } ?? []
    if var directory = OutputPath.realPath(FilePath.directory(of: path)) {
      while true {
        if FilePath.exists(FilePath.join(directory, Journal.fileName)) {
          protected.append(directory)
        }
        let parent = FilePath.directory(of: directory)
        if parent == directory || parent.isEmpty || parent == "." { break }
        directory = parent
      }
    }
    do {
      try OutputPath.check(path, protecting: protected)
    } catch {
      throw CommandFailure(.unsafeOutput, .file(path), error.description)
    }
  }

  /// Writes `bytes`; tells on standard error what was written where (standard output carries
  /// the bytes themselves when the path is `-`).
  func write(_ bytes: [UInt8], console: Console) throws {
    if path == "-" {
      console.write(bytes)
      console.flush()
      return
    }
    try AtomicFile.write(bytes, to: path)
    console.print("wrote \(path) (\(bytes.count) bytes)")
  }
}
