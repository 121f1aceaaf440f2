#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written in pieces that appears only when complete: the bytes go to a temporary file
/// in the same directory, and ``commit()`` flushes it and renames it over the target. Without a
/// commit (an error on the way) the temporary file is removed and the target is untouched.
public final class AtomicFileWriter {
  public let path: String
  /// The temporary file the bytes go to until the commit.
  public let temporary: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var committed = false
  /// Bytes written so far.
  public private(set) var count = 0

  /// Whether the file's pages are let go of from the page cache as it is written, a step
  /// behind its end (`posix_fadvise(POSIX_FADV_DONTNEED)`, which also starts writing them to
  /// disk): for a large file written once, so that the cache takes the same pages again for
  /// what follows rather than fresh memory for the whole file, which the system must clear
  /// first. The bytes are the same either way (read back, they come from the disk). Off by
  /// default.
  public var dropsWrittenPages = false
  /// Bytes handed to the descriptor, and where the pages not yet let go of start.
  private var handedOver = 0
  private var keptFrom = 0
  /// How far behind the end pages are let go of, in bytes.
  static let dropStep = 8 << 20

  public init(path: String) throws(FileError) {
    self.path = path
    (descriptor, temporary) = try AtomicFile.makeTemporary(beside: path)
    buffer.reserveCapacity(Self.bufferSize)
  }

  deinit {
    if !committed {
      if !finished { close(descriptor) }
      unlink(temporary)
    }
  }

  /// Appends bytes. Bytes of a buffer's size or more, held contiguously, go to the file
  /// directly: a whole file handed over at once is not copied into the buffer first.
  public func write(_ bytes: some Collection<UInt8>) throws(FileError) {
    if bytes.count >= Self.bufferSize {
      var failure: FileError?
      let direct: Void? = bytes.withContiguousStorageIfAvailable { storage in
        do throws(FileError) {
          try flush()
          try writeOut(UnsafeRawBufferPointer(storage))
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      if direct != nil {
        count += bytes.count
        return
      }
    }
    buffer.append(contentsOf: bytes)
    count += bytes.count
    if buffer.count >= Self.bufferSize { try flush() }
  }

  /// The size at which buffered bytes are written out.
  static let bufferSize = 1 << 16

  /// Writes what is buffered to the temporary file (not to disk: ``finish()`` does that), so
  /// that it can be read back before it is published.
  public func flush() throws(FileError) {
    guard !buffer.isEmpty else { return }
    var failure: FileError?
    buffer.withUnsafeBytes { bytes in
      do throws(FileError) { try writeOut(bytes) } catch { failure = error }
    }
    if let failure { throw failure }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes `bytes` to the temporary file, and lets go of the pages a step behind when asked.
  private func writeOut(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
    try AtomicFile.writeAll(descriptor, bytes, path: path)
    handedOver += bytes.count
    guard dropsWrittenPages, handedOver - keptFrom >= 2 * Self.dropStep else { return }
    // The pages of the step before the last were given to the disk by the call before
    // this one, and are clean by now (those still being written stay, for the next call);
    // the last step's pages are given to the disk.
    let end = handedOver - handedOver % Self.dropStep
    #if os(Linux)
      _ = posix_fadvise(descriptor, off_t(keptFrom), off_t(end - keptFrom), POSIX_FADV_DONTNEED)
    #endif
    keptFrom = end - Self.dropStep
  }

  /// Flushes the file to disk and renames it over the target.
  public func commit() throws(FileError) {
    try finish()
    try publish()
  }

  /// Flushes the file to disk and closes it, without renaming it yet (so that several files
  /// can be published together, see ``publish()``).
  public func finish() throws(FileError) {
    guard !finished else { return }
    try flush()
    fchmod(descriptor, 0o644)
    guard fsync(descriptor) == 0 else { throw FileError.fromErrno(path, "cannot flush") }
    close(descriptor)
    finished = true
  }

  /// Removes the temporary file without publishing it: the target is left as it was.
  public func discard() {
    guard !committed else { return }
    committed = true
    if !finished {
      close(descriptor)
      finished = true
    }
    unlink(temporary)
  }

  /// Renames the finished file over the target.
  public func publish() throws(FileError) {
    try publish(as: path)
  }

  /// Renames the finished file to `target`, in the directory of ``path``, instead of to
  /// ``path``: for a file named by what it holds (its hash), which is known only once written.
  public func publish(as target: String) throws(FileError) {
    precondition(
      FilePath.directory(of: target) == FilePath.directory(of: path),
      "a temporary file is renamed within its directory")
    try finish()
    committed = true
    guard rename(temporary, target) == 0 else {
      unlink(temporary)
      throw FileError.fromErrno(target, "cannot rename")
    }
    FilePath.syncDirectory(FilePath.directory(of: target))
  }

  private var finished = false
}
