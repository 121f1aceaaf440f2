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
protocol DimensionRegister: ListedRegister where Entry == DimensionEntry {
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws
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
  static func entries(in state: BookState) -> [DimensionEntry] { state.allCostCentres }
  static func entry(_ key: String, in state: BookState) throws -> DimensionEntry {
    guard let entry = state.costCentres[key] else {
      throw BookError(.noSuchCostCentre, .costCentre(key), "no cost centre \(key)")
    }
    return entry
  }
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws {
    try transaction.addCostCentre(entry)
  }
}

enum Projects: DimensionRegister {
  static let noun = "project"
  static func entries(in state: BookState) -> [DimensionEntry] { state.allProjects }
  static func entry(_ key: String, in state: BookState) throws -> DimensionEntry {
    guard let entry = state.projects[key] else {
      throw BookError(.noSuchProject, .project(key), "no project \(key)")
    }
    return entry
  }
  static func add(_ entry: DimensionEntry, to transaction: inout BookTransaction) throws {
    try transaction.addProject(entry)
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
    try book.transact { try Register.add(entry, to: &$0) }
    console.print("added \(Register.noun) \(code)")
    return 0
  }
}
