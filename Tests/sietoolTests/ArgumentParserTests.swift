import Basics
import TestSupport
import Testing

@testable import sietool

/// A command that declares one of each kind of argument, for the parser's tests.
struct SampleCommand: Command {
  static let configuration = CommandConfiguration(name: "sample", abstract: "A sample.")

  enum Colour: String, ArgumentEnum { case red, blue }

  @Argument(name: "file", help: "Files.") var files: [String]
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text
  @Option(short: "o", help: "Where.") var output: String?
  @Flag(help: "Strict.") var strict: Bool
  @Option(help: "A day.") var date: Day?
  @Option(help: "An amount.") var amount: Amount = .zero
  @Option(help: "Repeatable.") var colour: [Colour] = []
  @Option(help: "A required count.") var count: Int
  @Option(name: "org-number", help: "Named explicitly.") var organization: String?

  func run(_ console: Console) throws -> Int32 { 0 }
}

@Suite struct ArgumentParserTests {
  @Test func readsEveryFormIntoTypedValues() throws {
    let sample = try ArgumentReflection.parse(
      [
        "a.se", "--format=json", "-o", "out", "b.se", "--strict", "--date", "2025-03-10",
        "--amount", "1000.50", "--colour", "red", "--colour", "blue", "--count", "3",
        "--org-number", "556677-8899", "--", "--c.se",
      ], as: SampleCommand.self)
    #expect(sample.files == ["a.se", "b.se", "--c.se"])
    #expect(sample.format == .json)
    #expect(sample.output == "out")
    #expect(sample.strict)
    #expect(sample.date == Day(iso: "2025-03-10"))
    #expect(sample.amount == Amount(ore: 100_050))
    #expect(sample.colour == [.red, .blue])
    #expect(sample.count == 3)
    #expect(sample.organization == "556677-8899")
  }

  @Test func defaultsAndNamesComeFromTheDeclaration() throws {
    let sample = try ArgumentReflection.parse(["a.se", "--count", "1"], as: SampleCommand.self)
    #expect(sample.format == .text)
    #expect(!sample.strict)
    #expect(sample.output == nil)
    #expect(sample.colour.isEmpty)
    let names = ArgumentReflection.definitions(of: SampleCommand.self).map(\.name)
    #expect(
      names == [
        "file", "format", "output", "strict", "date", "amount", "colour", "count", "org-number",
      ])
  }

  @Test(
    arguments: [
      (
        ["a.se", "--count", "1", "--nope"], CommandLineCode.unknownOption, "unknown option '--nope'"
      ),
      (
        ["a.se", "--count", "1", "--formt", "json"], .unknownOption,
        "unknown option '--formt'; did you mean '--format'?"
      ),
      (
        ["a.se", "--count", "1", "--format", "xml"], .invalidValue,
        "invalid value 'xml' for --format; choose one of text, json"
      ),
      (
        ["a.se", "--count", "1", "--date", "2025-02-30"], .invalidValue,
        "invalid value '2025-02-30' for --date; expected a date YYYY-MM-DD that exists"
      ),
      (
        ["a.se", "--count", "x"], .invalidValue,
        "invalid value 'x' for --count; expected a whole number"
      ),
      (
        ["a.se", "--count", "1", "--colour", "green"], .invalidValue,
        "invalid value 'green' for --colour; choose one of red, blue"
      ),
      (["a.se", "--count", "1", "--output"], .missingValue, "missing value for --output"),
      (["a.se"], .missingValue, "missing --count"),
      (["--count", "1"], .missingArgument, "missing <file>"),
      (["a.se", "--count", "1", "--strict=yes"], .invalidValue, "--strict takes no value"),
      (["a.se", "--count", "1", "-x"], .unknownOption, "unknown option '-x'"),
      (
        ["a.se", "--count", "1", "-o", "x", "-o", "y"], .repeatedOption,
        "--output given more than once"
      ),
    ] as [([String], CommandLineCode, String)])
  func refusesWithACode(words: [String], code: CommandLineCode, message: String) {
    do {
      _ = try ArgumentReflection.parse(words, as: SampleCommand.self)
      Issue.record("accepted \(words)")
    } catch {
      #expect(error.code == code)
      #expect(error.message == message)
    }
  }

  @Test func badCommandLinesExit64WithCodeAndUsage() {
    let result = sietool("validate", "--format", "xml", "x.se")
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: [invalid-value] invalid value 'xml' for --format"))
    #expect(result.error.contains("USAGE: sietool validate <file> ..."))
    let unknown = sietool("valdate")
    #expect(unknown.status == 64)
    #expect(
      unknown.error.hasPrefix(
        "error: [unknown-command] unknown command 'valdate'; did you mean 'validate'?"))
    #expect(sietool().status == 64)
  }

  @Test func jsonOutputGetsErrorsAsJSON() throws {
    let result = sietool("invoice", "list", "--book", "/nonexistent/book", "--format", "json")
    #expect(result.status == 1)
    let error = try #require(result.output.json?["error"])
    #expect(error["code"]?.stringValue == "no-book")
    #expect(error["subject"]?["file"]?.stringValue == "/nonexistent/book")
  }

  @Test func everyCommandHasHelp() {
    func check(_ node: CommandNode, path: [String]) {
      let result = sietool(Array(path.dropFirst()) + ["--help"])
      #expect(result.status == 0, "\(path)")
      #expect(result.output.contains("OVERVIEW: \(node.abstract)"))
      #expect(result.output.contains("USAGE: " + path.joined(separator: " ")))
      for child in node.children { check(child, path: path + [child.name]) }
    }
    check(Sietool.tree, path: ["sietool"])
    #expect(sietool("--help").output.contains("SUBCOMMANDS:"))
    #expect(sietool("--help").output.contains("--version"))
    #expect(sietool("help", "validate").output.contains("--strict"))
  }

  @Test func theVersionIsTheOneExportsWrite() {
    #expect(sietool("--version").output == Release.version + "\n")
  }
}
