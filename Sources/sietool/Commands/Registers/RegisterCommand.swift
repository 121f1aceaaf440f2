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

/// A register kept in the book's state as a list and a table by key; the "no such …" error is
/// its code and subject.
protocol KeyedRegister: ListedRegister {
  static var list: KeyPath<BookState, [Entry]> { get }
  static var table: KeyPath<BookState, [String: Entry]> { get }
  static var missing: BookError.Code { get }
  static func subject(_ key: String) -> ErrorSubject
}

extension KeyedRegister {
  static func entries(in state: BookState) -> [Entry] { state[keyPath: list] }

  static func entry(_ key: String, in state: BookState) throws -> Entry {
    guard let entry = state[keyPath: table][key] else {
      throw BookError(missing, subject(key), "no \(noun) \(key)")
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
struct RegisterList<Register: ListedRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "list", abstract: "List the \(Register.plural).")
  }

  @OptionGroup var bookOptions: BookOptions
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false, console: console).state
    let entries = Register.entries(in: state)
    if format == .json {
      console.printJSON(.array(entries.map { Register.json($0, in: state) }))
    } else {
      var table = TextTable(Register.columns, rightAligned: Register.rightAligned)
      for entry in entries { table.append(Register.row(entry, in: state)) }
      table.print(to: console)
    }
    return 0
  }
}

/// `sietool <register> show KEY [--format text|json]`
struct RegisterShow<Register: ListedRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "show", abstract: "Show a \(Register.noun).")
  }

  @OptionGroup var bookOptions: BookOptions
  @Argument(name: Register.keyName, help: Register.keyHelp) var key: String
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false, console: console).state
    let entry = try Register.entry(key, in: state)
    if format == .json {
      console.printJSON(Register.detailJSON(entry, in: state))
    } else {
      Register.detailLines(entry, in: state).forEach { console.print(TextTable.escaped($0)) }
    }
    return 0
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
  /// What `add` requires besides the key, checked before anything is written.
  static func checkNew(_ fields: Fields) throws(UsageError)
  static var add: @Sendable (inout BookTransaction, Entry) throws -> Void { get }
  static var update: @Sendable (inout BookTransaction, Entry) throws -> Void { get }
}

/// `sietool <register> add --number N …`
struct RegisterAdd<Register: EditableRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "add", abstract: "Add a \(Register.noun).")
  }

  @OptionGroup var bookOptions: BookOptions
  @Option(value: "number", help: "The \(Register.noun) number.") var number: String
  @OptionGroup var fields: Register.Fields

  mutating func validate() throws(UsageError) { try Register.checkNew(fields) }

  func run(_ console: Console) throws -> Int32 {
    var entry = Register.blank(number)
    try Register.apply(fields, to: &entry)
    let book = try openBook(directory, forWriting: true, console: console)
    try book.transact { try Register.add(&$0, entry) }
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
    try book.transact { try Register.update(&$0, entry) }
    console.print("updated \(Register.noun) \(number)")
    return 0
  }
}
