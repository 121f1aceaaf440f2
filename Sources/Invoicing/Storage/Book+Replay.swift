import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether opening a book starts from its checkpoint.
public enum CheckpointPolicy: Sendable, Equatable {
  /// Start from the checkpoint when it holds; replay only the lines after it.
  case use
  /// Replay the journal from line 1 (`sietool book verify`), checking the checkpoint against
  /// the state at its line.
  case replayAll
  /// Replay the journal from line 1; neither read nor write a checkpoint (a book on a medium
  /// that must not be written, or a measurement of replay alone).
  case none
}

/// What opening a book did with its checkpoint.
public indirect enum CheckpointUse: Sendable, Equatable {
  /// The policy was ``CheckpointPolicy/replayAll``.
  case notRead
  /// The state came from the checkpoint after this journal line.
  case used(line: Int)
  /// The checkpoint was ignored, and why; the journal was replayed from line 1.
  case ignored(Checkpoint.Rejection)
  /// Replay was slow, so a new checkpoint was written; what was done before.
  case written(after: CheckpointUse)
  /// The journal was replayed from line 1 and the checkpoint after this line holds the state
  /// the replay reached there.
  case confirmed(line: Int)
  /// The journal was replayed from line 1 and the checkpoint after this line holds another
  /// state than the replay reached there: it was changed by hand. It is removed.
  case contradicted(line: Int)
}

extension Book {
  /// A checkpoint is written when opening replayed more than this many events after it…
  static let checkpointEvents = 10_000
  /// …or took longer than this (in seconds) over at least ``checkpointMinimumEvents``.
  static let checkpointSeconds = 0.2
  static let checkpointMinimumEvents = 1_000

  /// The replayed state of a book, and how it was reached.
  struct Replay {
    var state: BookState?
    var reading: Journal.Reading
    var use: CheckpointUse
    /// Whether replay was slow enough to write a new checkpoint.
    var isSlow: Bool
  }

  /// Replays the journal of the book in `directory`: from its checkpoint when the policy
  /// allows and the checkpoint holds, else from line 1.
  static func replay(
    _ directory: String, limit: Int?, head: (count: Int, hash: String)?,
    checkpoint policy: CheckpointPolicy
  ) throws -> Replay {
    let path = FilePath.join(directory, Journal.fileName)
    let started = monotonicSeconds()
    var state: BookState?
    var start = Checkpoint.Position.start
    var use = CheckpointUse.notRead
    var tail: [UInt8]?
    // Replaying from line 1, the checkpoint is checked against the state at its line.
    var audit: (position: Checkpoint.Position, bytes: [UInt8], state: BookState?)? = nil
    if policy == .replayAll, let bytes = try? FilePath.read(Checkpoint.path(in: directory)),
      case .success(let (position, _)) = Checkpoint.header(bytes)
    {
      audit = (position, bytes, nil)
    }
    if policy == .use {
      let loaded = Checkpoint.load(in: directory, journal: path, acknowledged: head?.count ?? 0)
      // Consumed, so that the state is held once and the lines after it change it in place.
      switch consume loaded {
      case .success(let found):
        (state, start, tail) = found
        use = .used(line: start.line)
      case .failure(let rejection):
        use = .ignored(rejection)
      }
    }
    let startEvents = state?.eventCount ?? 0
    let apply = { (entry: Journal.Entry) throws(BookError) in
      if state == nil {
        // The first line sets the settings up; the state starts from them.
        guard case .settingsChanged(let settings) = entry.event else {
          throw BookError(
            .journalWithoutSettings, .file(directory),
            "the first event is not the creditor's settings")
        }
        state = BookState(settings: settings)
      }
      try state!.replay(entry.event)
      if entry.sequence == audit?.position.line, entry.hash == audit?.position.hash {
        audit?.state = state
      }
    }
    let reading: Journal.Reading
    if let tail {
      reading = try Journal.read(
        tail, fileOffset: start.end, after: start, limit: limit, mark: head?.count, apply)
    } else {
      reading = try Journal.read(path: path, limit: limit, mark: head?.count, apply)
    }
    if let audit, let reached = audit.state {
      let line = audit.position.line
      // The audited bytes' checksum held when they were read (`Checkpoint.header`).
      if Checkpoint.matches(audit.bytes, reached, at: audit.position) {
        use = .confirmed(line: line)
      } else {
        use = .contradicted(line: line)
        unlink(Checkpoint.path(in: directory))
      }
    }
    var events = (state?.eventCount ?? 0) - startEvents
    var seconds = monotonicSeconds() - started
    if case .confirmed = use, let reached = audit?.state {
      // A replay from line 1 that confirmed the checkpoint: what the next opening would
      // replay is what came after it.
      events = (state?.eventCount ?? 0) - reached.eventCount
      seconds = 0
    }
    let isSlow =
      policy != .none
      && (events > checkpointEvents
        || (seconds > checkpointSeconds && events >= checkpointMinimumEvents))
    return Replay(state: state, reading: reading, use: use, isSlow: isSlow)
  }

  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}

extension Checkpoint {
  /// The book's checkpoint, if it holds: its state, its position, and the journal after it.
  /// - Parameter acknowledged: the lines the head acknowledges; a checkpoint past them is
  ///   stale.
  static func load(in directory: String, journal: String, acknowledged: Int) -> Result<
    (BookState, Position, [UInt8]), Rejection
  > {
    let path = path(in: directory)
    guard FilePath.exists(path) else { return .failure(.missing) }
    guard let bytes = try? FilePath.read(path) else { return .failure(.damaged) }
    let decoded: (BookState, Position)
    switch decode(bytes) {
    case .success(let value): decoded = value
    case .failure(let rejection): return .failure(rejection)
    }
    let position = decoded.1
    guard position.line <= acknowledged,
      let line = try? FilePath.read(
        journal, from: position.lineStart, limit: position.end - position.lineStart),
      matches(position, line: line),
      let tail = try? FilePath.read(journal, from: position.end)
    else { return .failure(.stale) }
    return .success((decoded.0, position, tail))
  }

  /// Where the checkpoint of the book in `directory` is.
  static func path(in directory: String) -> String { FilePath.join(directory, fileName) }

  /// Writes the checkpoint of `state` after the journal line at `position`, atomically.
  static func write(_ state: BookState, at position: Position, in directory: String) throws {
    guard position.line > 0 else { return }
    try AtomicFile.write(encode(state, at: position), to: path(in: directory))
  }
}
