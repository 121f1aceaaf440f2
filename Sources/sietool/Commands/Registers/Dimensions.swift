import Basics
import Invoicing

/// Cost centres and projects: codes with names.
protocol DimensionRegister: KeyedRegister where Entry == DimensionEntry {
  /// Which of the two.
  static var isProject: Bool { get }
}

extension DimensionRegister {
  static var noun: String { isProject ? "project" : "cost centre" }
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

  static var storage: RegisterStorage<DimensionEntry> {
    isProject
      ? RegisterStorage(
        register: \.projects, missing: .noSuchProject,
        subject: ErrorSubject.project, add: { try $0.addProject($1) })
      : RegisterStorage(
        register: \.costCentres, missing: .noSuchCostCentre,
        subject: ErrorSubject.costCentre, add: { try $0.addCostCentre($1) })
  }
}

/// SIE dimension 1.
enum CostCentres: DimensionRegister { static let isProject = false }
/// SIE dimension 6.
enum Projects: DimensionRegister { static let isProject = true }

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
    try book.transact { try Register.storage.add(&$0, entry) }
    console.print("added \(Register.noun) \(code)")
    return 0
  }
}
