extension JSONScanner {
  /// A date `"YYYY-MM-DD"` that exists, as ``JSONReader/asDay()`` reads it.
  @inlinable
  public mutating func readDay() -> Day? {
    readStringBytes().flatMap(Day.parseISO)
  }

  /// An amount as a decimal string with at most two decimals, as ``JSONReader/asAmount()``
  /// reads it.
  @inlinable
  public mutating func readAmount() -> Amount? {
    guard let text = readStringBytes(), case .exact(let amount) = Amount.parse(text) else {
      return nil
    }
    return amount
  }

  /// A decimal written as a string (`"7.5"`); a bare number is left to the parser.
  @inlinable
  public mutating func readDecimal() -> ExactDecimal? {
    guard let text = readStringBytes() else { return nil }
    return ExactDecimal.parse(text)
  }

  /// A string naming a case of `T`.
  @inlinable
  public mutating func readChoice<T: RawRepresentable>(_ type: T.Type) -> T?
  where T.RawValue == String {
    readString().flatMap(T.init(rawValue:))
  }

  // MARK: Members read once
  //
  // Each reads a member's value into a field that must still be `nil`: a second member of the
  // same name (which the parser refuses) makes the read fail.

  @inlinable
  public mutating func read(_ field: inout Int?) -> Bool { readOnce(&field) { $0.readInt() } }

  @inlinable
  public mutating func read(_ field: inout String?) -> Bool {
    readOnce(&field) { $0.readString() }
  }

  @inlinable
  public mutating func read(_ field: inout Bool?) -> Bool { readOnce(&field) { $0.readBool() } }

  @inlinable
  public mutating func read(_ field: inout Day?) -> Bool { readOnce(&field) { $0.readDay() } }

  @inlinable
  public mutating func read(_ field: inout Amount?) -> Bool {
    readOnce(&field) { $0.readAmount() }
  }

  @inlinable
  public mutating func read(_ field: inout ExactDecimal?) -> Bool {
    readOnce(&field) { $0.readDecimal() }
  }

  @inlinable
  public mutating func read<T: RawRepresentable>(_ field: inout T?) -> Bool
  where T.RawValue == String {
    readOnce(&field) { $0.readChoice(T.self) }
  }

  /// An array member, each element read by `element`.
  @inlinable
  public mutating func read<T>(
    _ field: inout [T]?, elements element: (inout JSONScanner) -> T?
  ) -> Bool {
    readOnce(&field) { scanner in
      var elements = [T]()
      let read = scanner.readArray { scanner in
        guard let value = element(&scanner) else { return false }
        elements.append(value)
        return true
      }
      return read ? elements : nil
    }
  }

  @inlinable
  mutating func readOnce<T>(_ field: inout T?, _ read: (inout JSONScanner) -> T?) -> Bool {
    guard field == nil else { return false }
    field = read(&self)
    return field != nil
  }
}
