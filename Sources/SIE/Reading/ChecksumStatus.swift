/// What a file's `#KSUMMA` says about it.
public enum ChecksumStatus: Hashable, Sendable {
  /// The file has no `#KSUMMA`.
  case absent
  /// The closing `#KSUMMA` matches the contents.
  case valid(UInt32)
  /// The closing `#KSUMMA` (`expected`) differs from the contents' checksum (`computed`).
  case invalid(expected: UInt32, computed: UInt32)
  /// An opening `#KSUMMA` without a closing one: the file is truncated (SIE §10.6).
  case truncated

  /// `"valid"`, `"invalid"` (also for a truncated file) or `"absent"`.
  public var summary: String {
    switch self {
    case .absent: "absent"
    case .valid: "valid"
    case .invalid, .truncated: "invalid"
    }
  }
}
