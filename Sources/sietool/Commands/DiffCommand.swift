import Basics
import Invoicing
import SIE

/// `sietool diff A B [--format text|json]`
struct DiffCommand: Command {
  static let configuration = CommandConfiguration(
    name: "diff", abstract: "Show how two SIE files differ in accounts, balances and vouchers.",
    discussion: """
      Vouchers are matched by series and number and compared by date, text and effective rows. \
      Exits 0 when the files agree, 1 when they differ (like diff(1)).
      """)

  @Argument(help: "The first SIE file.") var first: String
  @Argument(help: "The second SIE file.") var second: String
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text

  func run(_ console: Console) throws -> Int32 {
    let a = try SIEDocument.read(path: first).document
    let b = try SIEDocument.read(path: second).document
    let differences = a.differences(to: b)
    switch format {
    case .json:
      console.printJSON(
        .object([
          "identical": .bool(differences.isEmpty),
          "differences": .array(
            differences.map { difference in
              .object([
                "kind": .string(difference.kind.rawValue), "key": .string(difference.key),
                "old": difference.old.map(JSONValue.string) ?? .null,
                "new": difference.new.map(JSONValue.string) ?? .null,
              ])
            }),
        ]))
    case .text, .csv:
      for difference in differences { console.print(difference.description) }
      console.print(
        differences.isEmpty
          ? "\(first) and \(second) agree" : "\(differences.count) differences")
    }
    return differences.isEmpty ? 0 : 1
  }
}
