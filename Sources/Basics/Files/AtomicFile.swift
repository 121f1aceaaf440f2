import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file writes that either happen completely or not at all: the bytes go to a temporary
/// file in the same directory, are flushed to disk, and the temporary file is renamed over the
/// target. A crash leaves the old file or the new one, never a mix.
public enum AtomicFile {
  /// Creates the temporary file a write of `path` goes to, `.NAME.tmp-XXXXXX` in the same
  /// directory; its descriptor and path.
  static func makeTemporary(beside path: String) throws(FileError) -> (Int32, String) {
    let directory = FilePath.directory(of: path)
    var template = Array((directory + "/." + FilePath.name(of: path) + ".tmp-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw FileError.fromErrno(path, "cannot create a temporary file") }
    return (fd, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }

  /// Whether `name` is a temporary of an atomic write (of `target`'s name, when given).
  public static func isTemporary(_ name: String, of target: String? = nil) -> Bool {
    let bytes = Array(name.utf8)
    guard bytes.count > 12, bytes.first == UInt8(ascii: "."),
      bytes[(bytes.count - 11)...].starts(with: Array(".tmp-".utf8))
    else { return false }
    guard let target else { return true }
    return bytes.count == FilePath.name(of: target).utf8.count + 12
      && name.hasPrefix("." + FilePath.name(of: target) + ".tmp-")
  }

  /// Removes from `directory` the temporaries that writes killed on the way left (those of
  /// `target` only, when given). Only for a directory nobody else is writing in.
  public static func removeTemporaries(in directory: String, of target: String? = nil) {
    for name in FilePath.names(in: directory) where isTemporary(name, of: target) {
      _ = unlink(FilePath.join(directory, name))
    }
  }

  /// Writes `bytes` to `path` atomically.
  public static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
    let (fd, temporary) = try makeTemporary(beside: path)
    var closed = false
    defer {
      if !closed { close(fd) }
    }
    do throws(FileError) {
      try writeAll(fd, bytes, path: path)
      var existing = stat()
      fchmod(fd, stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644)
      guard fsync(fd) == 0 else { throw FileError.fromErrno(path, "cannot flush") }
      closed = true
      guard close(fd) == 0 else { throw FileError.fromErrno(path, "cannot close") }
      guard rename(temporary, path) == 0 else { throw FileError.fromErrno(path, "cannot rename") }
      FilePath.syncDirectory(FilePath.directory(of: path))
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Writes all of `bytes` to an open descriptor.
  public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
    var failure: FileError?
    bytes.withUnsafeBytes { buffer in
      do throws(FileError) {
        try writeAll(fd, buffer, path: path)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// Writes all of `buffer` to an open descriptor.
  public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String)
    throws(FileError)
  {
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw FileError.fromErrno(path, "cannot write")
      }
      offset += written
    }
  }
}

/// Small helpers for paths, without Foundation.
public enum FilePath {
  /// The directory part of `path` (`"."` when there is none).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// The last component of `path`.
  public static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `directory/name`.
  public static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// Whether something exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Whether `path` is a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Flushes a directory's entries (after a rename or create) to disk.
  public static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY | O_DIRECTORY)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }

  /// From this size on, a regular file is read in two halves side by side
  /// (``readInHalves(_:into:count:at:)``).
  static let halvedReadSize = 16 << 20

  /// Reads `count` bytes at `offset` of `fd` into `base` in two halves, one on another thread:
  /// the kernel's clearing of the fresh pages and its copying into them, which is most of
  /// reading a large file that is in the page cache, on two cores. The count read without a
  /// gap (short when the file ended early).
  static func readInHalves(
    _ fd: Int32, into base: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int
  ) -> Int {
    // Split on a huge page's border in memory, so that no page is faulted in by both.
    // (A count under 4 MiB may leave the first half empty.)
    let start = Int(bitPattern: base)
    let half = max(0, ((start + count / 2) & ~((2 << 20) - 1)) - start)
    let parts = [0..<half, half..<count]
    let done = UnsafeMutablePointer<Int>.allocate(capacity: 2)
    defer { done.deallocate() }
    let (address, doneAddress) = (UInt(bitPattern: base), UInt(bitPattern: done))
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let base = UnsafeMutablePointer<UInt8>(bitPattern: address)!
      let part = parts[index]
      var read = 0
      while read < part.count {
        let got = pread(
          fd, base + part.lowerBound + read, part.count - read,
          off_t(offset + part.lowerBound + read))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else { break }
        read += got
      }
      UnsafeMutablePointer<Int>(bitPattern: doneAddress)![index] = read
    }
    return done[0] < parts[0].count ? done[0] : parts[0].count + done[1]
  }

  /// Reads a whole file.
  public static func read(_ path: String) throws(FileError) -> [UInt8] {
    try read(path, limit: nil, regularOnly: false)
  }

  /// Reads a file from byte `offset` on, at most `limit` bytes when given.
  public static func read(_ path: String, from offset: Int, limit: Int? = nil) throws(FileError)
    -> [UInt8]
  {
    try read(path, limit: limit.map { $0 - 1 }, regularOnly: false, offset: offset)
  }

  /// Reads a regular file, but at most `limit` + 1 bytes of it: a result longer than `limit`
  /// means the file is larger, found without reading it all. A FIFO, device or directory is
  /// refused before anything is read.
  public static func readRegularFile(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
    try read(path, limit: limit, regularOnly: true)
  }

  private static func read(
    _ path: String, limit: Int?, regularOnly: Bool, offset: Int = 0
  ) throws(FileError) -> [UInt8] {
    if regularOnly {
      var info = stat()
      guard stat(path, &info) == 0 else { throw FileError.fromErrno(path) }
      guard (info.st_mode & S_IFMT) == S_IFREG else {
        throw FileError(path: path, reason: "is not a regular file")
      }
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
    guard fd >= 0 else { throw FileError.fromErrno(path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileError.fromErrno(path) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a directory") }
    if regularOnly && (info.st_mode & S_IFMT) != S_IFREG {
      throw FileError(path: path, reason: "is not a regular file")
    }
    if offset > 0 {
      guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
        throw FileError.fromErrno(path, "cannot seek")
      }
    }
    let expected = min(max(0, Int(info.st_size) - offset), limit.map { $0 + 1 } ?? Int.max)
    // Straight into the result, as much as the file's size says; then on until the end (a
    // file that grows, or a pipe).
    let isRegular = (info.st_mode & S_IFMT) == S_IFREG
    var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      if let base = buffer.baseAddress { HugePages.advise(base, count: buffer.count) }
      if isRegular && buffer.count >= halvedReadSize, let base = buffer.baseAddress {
        // `pread` leaves the file's offset alone: moved past what was read, or all read again.
        let read = readInHalves(fd, into: base, count: buffer.count, at: offset)
        if lseek(fd, off_t(offset + read), SEEK_SET) == off_t(offset + read) { count = read }
      }
      while count < buffer.count {
        let read = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if read < 0 && errno == EINTR { continue }
        guard read > 0 else { break }
        count += read
      }
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let limit, result.count > limit {
        result.removeLast(result.count - (limit + 1))
        break
      }
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError.fromErrno(path, "cannot read")
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  /// The names in a directory (without `.` and `..`), sorted; empty when it cannot be read.
  public static func names(in directory: String) -> [String] {
    guard let stream = opendir(directory) else { return [] }
    defer { closedir(stream) }
    var names = [String]()
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Creates a directory (and its parents) when missing.
  public static func makeDirectory(_ path: String) throws(FileError) {
    if isDirectory(path) { return }
    let parent = directory(of: path)
    if parent != path && parent != "." && parent != "/" && !exists(parent) {
      try makeDirectory(parent)
    }
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw FileError.fromErrno(path, "cannot create the directory")
    }
  }
}
