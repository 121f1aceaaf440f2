import Basics

/// Writes a checkpoint's state: integers as LEB128 varints (signed ones zigzagged), values
/// with a JSON form of their own as that JSON, and texts and customers by number. The
/// distinct texts and customers are written once, in tables in front of the values, so that
/// any value can be read on its own once the tables are.
struct CheckpointWriter {
  /// The values (what follows the tables).
  private var body: [UInt8] = []
  private var strings = TextNumbering()
  private var customers = FirstSeen<Customer>()
  /// The numbers of the customers in shared boxes already written, by box.
  private var sharedCustomers: [ObjectIdentifier: Int] = [:]
  /// The customers' table so far: each one's JSON (the texts' table is `strings.table`).
  private var customerTable: [UInt8] = []

  /// A writer with room for `bytes` of values: room reserved and never written costs no memory
  /// (the pages are not touched), while growing copies what was written into fresh pages.
  init(reserving bytes: Int = 1 << 20) { body.reserveCapacity(bytes) }

  /// What was written: the table of texts, the table of customers, then the values.
  var bytes: [UInt8] { written.bytes }

  /// What was written so far, without the lookups that numbered its texts and customers.
  var written: Written {
    Written(
      stringCount: strings.count, stringTable: strings.table, customerCount: customers.count,
      customerTable: customerTable, body: body)
  }

  /// The tables and the values a writer wrote, to be put together where they go.
  struct Written: Sendable {
    let stringCount: Int
    let stringTable: [UInt8]
    let customerCount: Int
    let customerTable: [UInt8]
    let body: [UInt8]

    /// The table of texts, the table of customers, then the values.
    var bytes: [UInt8] {
      var bytes = [UInt8]()
      bytes.reserveCapacity(byteCount)
      append(to: &bytes)
      return bytes
    }

    /// How many bytes ``bytes`` has.
    var byteCount: Int {
      CheckpointWriter.varintLength(UInt64(stringCount)) + stringTable.count
        + CheckpointWriter.varintLength(UInt64(customerCount)) + customerTable.count + body.count
    }

    /// Appends ``bytes`` to `output`, without making them first.
    func append(to output: inout some CheckpointOutput) {
      output.put(CheckpointWriter.varint(UInt64(stringCount)))
      output.put(stringTable)
      output.put(CheckpointWriter.varint(UInt64(customerCount)))
      output.put(customerTable)
      output.put(body)
    }
  }

  static func varintLength(_ value: UInt64) -> Int {
    var length = 1
    var rest = value
    while rest >= 0x80 {
      length += 1
      rest >>= 7
    }
    return length
  }

  /// A LEB128 varint: seven bits a byte, the low ones first.
  private mutating func varint(_ value: UInt64) { Self.appendVarint(value, to: &body) }

  /// `value` as a varint on its own.
  static func varint(_ value: UInt64) -> [UInt8] {
    var bytes = [UInt8]()
    appendVarint(value, to: &bytes)
    return bytes
  }

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// A count, an id or a number that is never negative (one that is reads back as damage).
  mutating func count(_ value: Int) { varint(UInt64(bitPattern: Int64(value))) }

  /// A signed integer, zigzagged: small magnitudes either way take few bytes.
  mutating func int(_ value: Int) {
    let value = Int64(value)
    varint(UInt64(bitPattern: (value &<< 1) ^ (value >> 63)))
  }

  mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }
  mutating func amount(_ value: Amount) { int(Int(value.ore)) }
  mutating func day(_ value: Day) { count(Int(value.packed)) }

  mutating func decimal(_ value: ExactDecimal) {
    int(Int(value.significand))
    body.append(value.scale)
  }

  mutating func string(_ value: String) {
    var value = value
    count(value.withUTF8 { strings.number($0).number })
  }

  /// A customer (the registers and the snapshots on documents share one table).
  mutating func customer(_ value: Customer) {
    let (number, isNew) = customers.number(value)
    count(number)
    if isNew { Self.appendJSON(value.jsonValue, to: &customerTable) }
  }

  /// A customer in a box that records share, as ``customer(_:)`` writes it: the box's customer
  /// is looked up once, and the box by its identity after that (hashing a customer hashes
  /// every text of it). The boxes must live while the writer does.
  mutating func customer(_ shared: SharedCustomer) {
    let box = ObjectIdentifier(shared)
    if let number = sharedCustomers[box] { return count(number) }
    let (number, isNew) = customers.number(shared.customer)
    sharedCustomers[box] = number
    count(number)
    if isNew { Self.appendJSON(shared.customer.jsonValue, to: &customerTable) }
  }

  mutating func json(_ value: JSONValue) { Self.appendJSON(value, to: &body) }

  private static func appendJSON(_ value: JSONValue, to bytes: inout [UInt8]) {
    var text = [UInt8]()
    value.write(to: &text)
    appendText(text, to: &bytes)
  }

  /// A length, then that many bytes.
  private static func appendText(_ text: some Collection<UInt8>, to bytes: inout [UInt8]) {
    appendVarint(UInt64(text.count), to: &bytes)
    bytes.append(contentsOf: text)
  }

  mutating func optional<T>(_ value: T?, _ write: (inout CheckpointWriter, T) -> Void) {
    guard let value else { return body.append(0) }
    body.append(1)
    write(&self, value)
  }

  mutating func array<T>(_ values: some Collection<T>, _ write: (inout CheckpointWriter, T) -> Void)
  {
    count(values.count)
    for value in values { write(&self, value) }
  }
}

/// Numbers values in the order they are first seen: a value written again is written as its
/// number.
struct FirstSeen<Value: Hashable> {
  private var numbers: [Value: Int] = [:]

  /// How many values were numbered.
  var count: Int { numbers.count }

  /// The value's number, and whether this is the first time it is seen.
  mutating func number(_ value: Value) -> (number: Int, isNew: Bool) {
    if let number = numbers[value] { return (number, false) }
    let number = numbers.count
    numbers[value] = number
    return (number, true)
  }
}

extension CheckpointWriter {
  mutating func choice<T: CheckpointCase>(_ value: T) {
    count(T.checkpointCases.firstIndex(of: value)!)
  }
}
