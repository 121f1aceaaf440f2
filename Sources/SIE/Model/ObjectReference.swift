/// A reference to an object of a dimension, as in an object list `{1 "100" 6 "P1"}`.
public struct ObjectReference: Hashable, Sendable, Comparable {
  /// The dimension number: 1 cost centre, 6 project, … (SIE §8.17).
  public var dimension: Int
  /// The object's code. Codes are strings: `"0123"` and `"123"` differ.
  public var code: String

  public init(dimension: Int, code: String) {
    self.dimension = dimension
    self.code = code
  }

  public static func < (a: ObjectReference, b: ObjectReference) -> Bool {
    (a.dimension, a.code) < (b.dimension, b.code)
  }
}
