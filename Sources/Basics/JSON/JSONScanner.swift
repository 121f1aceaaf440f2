#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads JSON straight from its bytes, building no tree: for a reader that knows the shape it
/// expects and wants its values typed at once (a journal line into an event).
///
/// The scanner reads only what is plainly well-formed and says `nil` (or `false`) to anything
/// else: an escape in a string, a `null`, a number where text was expected, a duplicate key the
/// caller notices. The caller then reads the same bytes with ``JSONValue/init(parsing:)-(String)`` and
/// ``JSONReader``, which accept everything JSON allows and name what is wrong. A value the
/// scanner does read is the value those would read.
///
/// ```swift
/// var scanner = JSONScanner(bytes)        // an UnsafeBufferPointer<UInt8>
/// var id: Int?
/// let ok = scanner.readObject { scanner, key in
///   guard key.equals("id"), id == nil else { return false }
///   id = scanner.readInt()
///   return id != nil
/// }
/// ```
public struct JSONScanner {
  public let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  public var index: Int
  /// How many objects and arrays the next value is inside.
  @usableFromInline var depth = 0

  /// The deepest nesting the scanner reads; deeper values are declined.
  public let depthLimit: Int

  /// A scanner of `bytes` from `index`, reading values nested at most `depthLimit` deep (the
  /// parser's limit is 512; a reader that recurses per level may want less, to spare the
  /// stack of a thread).
  public init(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int = 0, depthLimit: Int = 512) {
    self.bytes = bytes
    self.index = index
    self.depthLimit = depthLimit
  }

  @inlinable
  public mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Whether only whitespace is left.
  @inlinable
  public mutating func isAtEnd() -> Bool {
    skipWhitespace()
    return index == bytes.count
  }

  /// Consumes `byte` after any whitespace, or consumes nothing and says `false`.
  @inlinable
  public mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Whether the next value (after whitespace) starts with `byte`.
  @inlinable
  public mutating func peek(_ byte: UInt8) -> Bool {
    skipWhitespace()
    return index < bytes.count && bytes[index] == byte
  }

  /// The bytes of a string without escapes or control characters, between its quotes; `nil`
  /// for anything else. The bytes may not be valid UTF-8: ``readString()`` checks.
  @inlinable
  public mutating func readStringBytes() -> UnsafeBufferPointer<UInt8>? {
    guard consume(UInt8(ascii: "\"")) else { return nil }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      index += 1
    }
    return nil
  }

  /// A string without escapes, as valid UTF-8.
  @inlinable
  public mutating func readString() -> String? {
    guard let text = readStringBytes() else { return nil }
    if text.allSatisfy({ $0 < 0x80 }) { return String(decoding: text, as: UTF8.self) }
    return String(validating: text, as: UTF8.self)
  }

  /// A JSON number that is a whole number fitting an `Int` (no fraction, no exponent).
  @inlinable
  public mutating func readInt() -> Int? {
    skipWhitespace()
    var position = index
    let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    let digitsStart = position
    var value = 0
    while position < bytes.count {
      let digit = bytes[position] &- 0x30
      guard digit < 10 else { break }
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) =
        negative
        ? times10.subtractingReportingOverflow(Int(digit))
        : times10.addingReportingOverflow(Int(digit))
      guard !o1, !o2 else { return nil }
      value = sum
      position += 1
    }
    let digits = position - digitsStart
    guard digits > 0, digits == 1 || bytes[digitsStart] != 0x30 else { return nil }
    if position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
      default: break
      }
    }
    index = position
    return value
  }

  @inlinable
  public mutating func readBool() -> Bool? {
    if matchLiteral("true") { return true }
    if matchLiteral("false") { return false }
    return nil
  }

  @inlinable
  mutating func matchLiteral(_ word: StaticString) -> Bool {
    skipWhitespace()
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  /// Reads an object, calling `body` with each key (the key's bytes, without escapes) for it
  /// to read the value; `false` when the object is not well-formed or `body` says `false`.
  @inlinable
  public mutating func readObject(
    _ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    guard depth < depthLimit, consume(UInt8(ascii: "{")) else { return false }
    if consume(UInt8(ascii: "}")) { return true }
    depth += 1
    defer { depth -= 1 }
    repeat {
      guard let key = readStringBytes(), consume(UInt8(ascii: ":")), body(&self, key) else {
        return false
      }
    } while consume(UInt8(ascii: ","))
    return consume(UInt8(ascii: "}"))
  }

  /// Reads an array, calling `body` to read each element.
  @inlinable
  public mutating func readArray(_ body: (inout JSONScanner) -> Bool) -> Bool {
    guard depth < depthLimit, consume(UInt8(ascii: "[")) else { return false }
    if consume(UInt8(ascii: "]")) { return true }
    depth += 1
    defer { depth -= 1 }
    repeat {
      guard body(&self) else { return false }
    } while consume(UInt8(ascii: ","))
    return consume(UInt8(ascii: "]"))
  }

  /// Steps over one value, returning where it is. Only its extent is found (strings, escapes
  /// and nesting followed); whether it is well-formed is for the parser given those bytes.
  public mutating func skipValue() -> Range<Int>? {
    skipWhitespace()
    let start = index
    var depth = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index < bytes.count else { return nil }
        index += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if depth == 0 { return start < index ? start..<index : nil }
        depth -= 1
        index += 1
      case UInt8(ascii: ","):
        if depth == 0 { return start < index ? start..<index : nil }
        index += 1
      default:
        index += 1
      }
      if depth == 0 && byte != UInt8(ascii: ",") {
        // A scalar runs on to the next delimiter; a closed container or string ends here.
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"") {
          return start..<index
        }
      }
    }
    return depth == 0 && start < index ? start..<index : nil
  }
}

/// Matches a key the scanner read against text: `switch key { case "id": … }`.
@inlinable
public func ~= (pattern: StaticString, value: UnsafeBufferPointer<UInt8>) -> Bool {
  value.equals(pattern)
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes are `text`'s UTF-8.
  @inlinable
  public func equals(_ text: StaticString) -> Bool {
    count == text.utf8CodeUnitCount
      && (count == 0 || memcmp(baseAddress!, text.utf8Start, count) == 0)
  }
}
