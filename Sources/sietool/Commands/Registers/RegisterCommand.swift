import Basics
import Invoicing

/// A register the command line lists and shows: customers, products, cost centres, projects,
/// self-invoices. `list` and `show` have one shape for all of them.
protocol ListedRegister {
  associatedtype Entry
  /// `customer`, `product`, …
  static var noun: String { get }
  static var plural: String { get }
  /// What names an entry on the command line: the argument's name and help.
  static var keyName: String { get }
  static var keyHelp: String { get }
  static func entries(in state: BookState) -> [Entry]
  /// The entry a key names; throws the register's "no such …" error.
  static func entry(_ key: String, in state: BookState) throws -> Entry
  /// The list's columns, and the right-aligned ones.
  static var columns: [String] { get }
  static var rightAligned: Set<String> { get }
  static func row(_ entry: Entry, in state: BookState) -> [String]
  static func json(_ entry: Entry, in state: BookState) -> JSONValue
  /// `show`: the entry in detail.
  static func detailJSON(_ entry: Entry, in state: BookState) -> JSONValue
  static func detailLines(_ entry: Entry, in state: BookState) -> [String]
}

/// A register kept in the book's state by key and in order; the "no such …" error is its code
/// and subject.
protocol KeyedRegister: ListedRegister {
  static var storage: RegisterStorage<Entry> { get }
}

/// Where a register's entries are in the book's state, and how a missing one is reported.
struct RegisterStorage<Entry> {
  /// The entries, by key and in order.
  var register: KeyPath<BookState, Basics.Register<Entry>>
  /// The "no such …" error.
  var missing: BookError.Code
  var subject: (String) -> ErrorSubject
  /// Records a new entry.
  var add: @Sendable (inout BookTransaction, Entry) throws -> Void
  /// Records a changed entry (registers whose entries are never changed refuse).
  var update: @Sendable (inout BookTransaction, Entry) throws -> Void = { _, _ in
    preconditionFailure("this register's entries are not changed")
  }
}

extension KeyedRegister {
  static func entries(in state: BookState) -> [Entry] { Array(state[keyPath: storage.register]) }

  static func entry(_ key: String, in state: BookState) throws -> Entry {
    let storage = storage
    guard let entry = state[keyPath: storage.register][key] else {
      throw BookError(storage.missing, storage.subject(key), "no \(noun) \(key)")
    }
    return entry
  }
}

extension ListedRegister {
  static var plural: String { noun + "s" }
  static var keyName: String { "number" }
  static var rightAligned: Set<String> { [] }
  static func detailJSON(_ entry: Entry, in state: BookState) -> JSONValue {
    json(entry, in: state)
  }
}

/// `sietool <register> list [--format text|json]`
struct RegisterList<Register: ListedRegister>: ReadsBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "list", abstract: "List the \(Register.plural).")
  }

  @OptionGroup var reading: BookReading

  func json(_ state: BookState) -> JSONValue {
    .array(Register.entries(in: state).map { Register.json($0, in: state) })
  }

  func text(_ state: BookState) -> [String] {
    var table = TextTable(Register.columns, rightAligned: Register.rightAligned)
    for entry in Register.entries(in: state) { table.append(Register.row(entry, in: state)) }
    return table.lines
  }
}

/// `sietool <register> show KEY [--format text|json]`
struct RegisterShow<Register: ListedRegister>: ReadsBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "show", abstract: "Show a \(Register.noun).")
  }

  @OptionGroup var reading: BookReading
  @Argument(name: Register.keyName, help: Register.keyHelp) var key: String

  func json(_ state: BookState) throws -> JSONValue {
    Register.detailJSON(try Register.entry(key, in: state), in: state)
  }

  func text(_ state: BookState) throws -> [String] {
    Register.detailLines(try Register.entry(key, in: state), in: state).map(TextTable.escaped)
  }
}

/// A register whose entries are added and changed field by field from the command line
/// (customers, products): `add --number N --field …` and `update N --field …`.
protocol EditableRegister: KeyedRegister {
  /// The options that set fields; each is optional, so that `update` changes only those given.
  associatedtype Fields: ParsableArguments
  /// A new entry with only its key.
  static func blank(_ key: String) -> Entry
  /// The entry with the given fields changed.
  static func apply(_ fields: Fields, to entry: inout Entry) throws
  /// The options `add` requires besides the key that `fields` lacks, by name (`name`, `price`).
  static func missingOnAdd(_ fields: Fields) -> [String]
}

/// `sietool <register> add --number N …`
struct RegisterAdd<Register: EditableRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "add", abstract: "Add a \(Register.noun).")
  }

  @OptionGroup var bookOptions: BookOptions
  @Option(value: "number", help: "The \(Register.noun) number.") var number: String
  @OptionGroup var fields: Register.Fields

  mutating func validate() throws(UsageError) {
    if let name = Register.missingOnAdd(fields).first {
      throw UsageError(.missingValue, .field(name), "missing --\(name)")
    }
  }

  func run(_ console: Console) throws -> Int32 {
    var entry = Register.blank(number)
    try Register.apply(fields, to: &entry)
    let book = try openBook(directory, forWriting: true, console: console)
    try book.transact { try Register.storage.add(&$0, entry) }
    console.print("added \(Register.noun) \(number)")
    return 0
  }
}

/// `sietool <register> update N …`: changes only the fields given.
struct RegisterUpdate<Register: EditableRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "update", abstract: "Change a \(Register.noun)'s details.")
  }

  @OptionGroup var bookOptions: BookOptions
  @Argument(name: Register.keyName, help: Register.keyHelp) var number: String
  @OptionGroup var fields: Register.Fields

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    var entry = try Register.entry(number, in: book.state)
    try Register.apply(fields, to: &entry)
    let update = Register.storage.update
    try book.transact { try update(&$0, entry) }
    console.print("updated \(Register.noun) \(number)")
    return 0
  }
}
