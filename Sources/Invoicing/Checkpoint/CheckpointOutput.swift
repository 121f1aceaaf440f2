#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a checkpoint's bytes go, piece by piece: the file being made, or a comparison with a
/// file already written (so that checking a checkpoint does not make a second copy of it).
protocol CheckpointOutput {
  /// Takes the next piece.
  mutating func put(_ bytes: [UInt8])
}

extension Array: CheckpointOutput where Element == UInt8 {
  mutating func put(_ bytes: [UInt8]) { self += bytes }
}

/// Compares the pieces put to it with bytes already written, in order.
struct CheckpointComparison: CheckpointOutput {
  private let expected: [UInt8]
  /// How many bytes matched so far.
  private(set) var offset = 0
  /// Whether every piece so far was the bytes at its place.
  private(set) var matches = true

  init(expecting expected: [UInt8]) { self.expected = expected }

  mutating func put(_ bytes: [UInt8]) {
    guard matches else { return }
    guard expected.count - offset >= bytes.count else {
      matches = false
      return
    }
    let offset = offset
    let equal = expected.withUnsafeBytes { expected in
      bytes.withUnsafeBytes { piece in
        piece.isEmpty
          || memcmp(expected.baseAddress! + offset, piece.baseAddress!, piece.count) == 0
      }
    }
    if equal { self.offset += bytes.count } else { matches = false }
  }
}
