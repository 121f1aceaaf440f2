import Basics
import Invoicing

/// `sietool cost-centre add|list` and `sietool project add|list`
struct CostCentreCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "cost-centre", abstract: "The cost centres (SIE dimension 1).",
    subcommands: [DimensionAdd<CostCentres>.self, RegisterList<CostCentres>.self])
}

struct ProjectCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "project", abstract: "The projects (SIE dimension 6).",
    subcommands: [DimensionAdd<Projects>.self, RegisterList<Projects>.self])
}

/// Cost centres and projects: codes with names.
protocol DimensionRegister: KeyedRegister where Entry == DimensionEntry {
  static var add: @Sendable (inout BookTransaction, DimensionEntry) throws -> Void { get }
}

extension DimensionRegister {
  static var keyName: String { "code" }
  static var keyHelp: String { "The code." }
  static var columns: [String] { ["code", "name"] }
  static func row(_ entry: DimensionEntry, in state: BookState) -> [String] {
    [entry.code, entry.name]
  }
  static func json(_ entry: DimensionEntry, in state: BookState) -> JSONValue { entry.jsonValue }
  static func detailLines(_ entry: DimensionEntry, in state: BookState) -> [String] {
    ["\(entry.code)  \(entry.name)"]
  }
}

enum CostCentres: DimensionRegister {
  static let noun = "cost centre"
  static var list: KeyPath<BookState, [DimensionEntry]> { \BookState.allCostCentres }
  static var table: KeyPath<BookState, [String: DimensionEntry]> { \BookState.costCentres }
  static let missing = BookError.Code.noSuchCostCentre
  static func subject(_ key: String) -> ErrorSubject { .costCentre(key) }
  static let add: @Sendable (inout BookTransaction, DimensionEntry) throws -> Void = {
    try $0.addCostCentre($1)
  }
}

enum Projects: DimensionRegister {
  static let noun = "project"
  static var list: KeyPath<BookState, [DimensionEntry]> { \BookState.allProjects }
  static var table: KeyPath<BookState, [String: DimensionEntry]> { \BookState.projects }
  static let missing = BookError.Code.noSuchProject
  static func subject(_ key: String) -> ErrorSubject { .project(key) }
  static let add: @Sendable (inout BookTransaction, DimensionEntry) throws -> Void = {
    try $0.addProject($1)
  }
}

/// `sietool cost-centre add CODE --name NAME` (and `project add`).
struct DimensionAdd<Register: DimensionRegister>: Command, WorksOnBook {
  static var configuration: CommandConfiguration {
    CommandConfiguration(name: "add", abstract: "Add a \(Register.noun).")
  }

  @OptionGroup var bookOptions: BookOptions
  @Argument(help: "The code.") var code: String
  @Option(value: "name", help: "The name.") var name: String

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    let entry = DimensionEntry(code: code, name: name)
    try book.transact { try Register.add(&$0, entry) }
    console.print("added \(Register.noun) \(code)")
    return 0
  }
}
