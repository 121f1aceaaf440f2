import Basics
import Synchronization

/// A book's state after journal line N, kept beside the journal (`journal.checkpoint`) so that
/// opening replays only the lines after N.
///
/// The file holds what it was made from: its own layout, the journal format and release that
/// wrote it, line N with its byte place in the journal and its hash (which, through the
/// chain, stands for every line before it), the state, and a CRC-32 of all of that. It is a
/// cache and never trusted: a checkpoint that is missing, damaged, written by another release
/// or journal format, past the lines the head acknowledges, or whose line N is not in the
/// journal as it is now, is ignored and the journal replayed from line 1. `sietool book
/// verify` never starts from it: it replays from line 1 and compares the state it reaches at
/// line N with the checkpoint.
public enum Checkpoint {
  public static let fileName = "journal.checkpoint"
  /// The layout of the file and of the state in it.
  static let layout = 4
  static let magic = Array("sietool checkpoint\n".utf8)

  /// Where in the journal a checkpoint stands: after line `line`, which starts at byte
  /// `lineStart` and ends (with its line end) at byte `end`, and has the SHA-256 `hash`.
  struct Position: Equatable, Sendable {
    var line: Int
    var lineStart: Int
    var end: Int
    var hash: String

    /// Before the first line.
    static let start = Position(line: 0, lineStart: 0, end: 0, hash: Journal.genesis)
  }

  /// Why a checkpoint was not used.
  public enum Rejection: String, Error, Sendable, Equatable {
    /// There is no checkpoint.
    case missing
    /// Its bytes are not what was written (its checksum or content is wrong).
    case damaged
    /// Another release, journal format or checkpoint layout wrote it.
    case foreign
    /// Its line is not in the journal as it is now, or not yet acknowledged by the head.
    case stale
  }

  /// A checkpoint's file: header, state, CRC-32.
  /// - Parameter release: the release it says wrote it (another only in tests).
  static func encode(
    _ state: BookState, at position: Position, release: String = Release.version
  ) -> [UInt8] {
    let (head, payload) = parts(state, at: position, release: release)
    // The sections are copied once, into the file's bytes.
    var bytes = head
    bytes.reserveCapacity(bytes.count + payload.byteCount + 4)
    payload.append(to: &bytes)
    let crc = CRC32.checksum(bytes)
    withUnsafeBytes(of: crc.littleEndian) { bytes += $0 }
    return bytes
  }

  /// Whether `bytes`, a checkpoint's file whose checksum holds, are what ``encode(_:at:release:)``
  /// writes for `state`: compared piece by piece, without making the file (whose checksum then
  /// holds too, being of the same bytes).
  static func matches(_ bytes: [UInt8], _ state: BookState, at position: Position) -> Bool {
    let (head, payload) = parts(state, at: position, release: Release.version)
    var comparison = CheckpointComparison(expecting: bytes)
    comparison.put(head)
    payload.append(to: &comparison)
    return comparison.matches && comparison.offset + 4 == bytes.count
  }

  /// The file's magic and header, and the state's sections, not yet put together.
  private static func parts(_ state: BookState, at position: Position, release: String) -> (
    head: [UInt8], payload: CheckpointSections
  ) {
    var header = CheckpointWriter(reserving: 256)
    header.count(layout)
    header.count(Journal.formatVersion)
    header.string(release)
    header.count(position.line)
    header.count(position.lineStart)
    header.count(position.end)
    header.string(position.hash)
    let payload = state.checkpointSections()
    header.count(payload.byteCount)
    return (magic + header.bytes, payload)
  }

  /// The state and position a checkpoint's file holds, if it is whole and from this release.
  static func decode(_ bytes: [UInt8]) -> Result<(BookState, Position), Rejection> {
    let position: Position
    let length: Int
    switch fields(bytes) {
    case .success(let found): (position, length) = found
    case .failure(let rejection):
      // A header that does not read is damage unless the checksum holds.
      return .failure(checksumHolds(bytes) ? rejection : .damaged)
    }
    let holds = Mutex(false)
    // The checksum is worked out while the state is read; a state read from bytes it does
    // not hold for is thrown away.
    let decoded = Result { () throws(CheckpointDamage) in
      let state = try BookState(
        checkpoint: bytes, payload: (bytes.count - 4 - length)..<(bytes.count - 4)
      ) {
        let result = checksumHolds(bytes)
        holds.withLock { $0 = result }
      }
      return (state, position)
    }
    guard holds.withLock({ $0 }), case .success(let result) = decoded else {
      return .failure(.damaged)
    }
    return .success(result)
  }

  /// Whether the last four bytes are the CRC-32 of the others.
  static func checksumHolds(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { checksumHolds($0) }
  }

  static func checksumHolds(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard buffer.count > 4 else { return false }
    let stored = buffer[(buffer.count - 4)...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    var crc = CRC32()
    crc.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<(buffer.count - 4)])))
    return crc.value == stored
  }

  /// The position a checkpoint's file holds and the length of its state, if the file is
  /// whole and from this release.
  static func header(_ bytes: [UInt8]) -> Result<(Position, stateLength: Int), Rejection> {
    guard checksumHolds(bytes) else { return .failure(.damaged) }
    return fields(bytes)
  }

  /// The header's fields, the checksum unchecked.
  private static func fields(_ bytes: [UInt8]) -> Result<(Position, stateLength: Int), Rejection> {
    guard bytes.count > magic.count + 4, bytes.starts(with: magic) else {
      return .failure(.damaged)
    }
    do {
      return try bytes.withUnsafeBufferPointer {
        buffer throws(CheckpointDamage) -> Result<(Position, stateLength: Int), Rejection> in
        var reader = try CheckpointReader(
          UnsafeBufferPointer(rebasing: buffer[magic.count..<(buffer.count - 4)]))
        guard try reader.count() == layout, try reader.count() == Journal.formatVersion,
          try reader.string() == Release.version
        else { return .failure(.foreign) }
        let position = Position(
          line: try reader.count(), lineStart: try reader.count(), end: try reader.count(),
          hash: try reader.string())
        let length = try reader.count()
        guard length == reader.remaining else { throw CheckpointDamage("the state's length") }
        return .success((position, length))
      }
    } catch {
      return .failure(.damaged)
    }
  }

  /// Whether `position` is a line of the journal as it is now: `line`, the bytes at its
  /// place, end in a line end and hash to its hash.
  static func matches(_ position: Position, line: [UInt8]) -> Bool {
    let length = position.end - position.lineStart
    guard position.line > 0, length > 0, line.count == length, line[length - 1] == 0x0A else {
      return false
    }
    return SHA256.hex(line[..<(length - 1)]) == position.hash
  }
}
