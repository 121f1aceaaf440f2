import Basics
import TestSupport
import Testing

@testable import sietool

@Suite struct ArgumentParserTests {
  static let definitions: [ArgumentDefinition] = [
    .positional("file", help: "", repeating: true),
    .option("format", value: "f", help: "", choices: ["text", "json"], default: "text"),
    .option("output", short: "o", help: ""),
    .flag("strict", help: ""),
  ]

  @Test func readsEveryForm() throws {
    let parsed = try ArgumentParser.parse(
      ["a.se", "--format=json", "-o", "out", "b.se", "--strict", "--", "--c.se"],
      for: Self.definitions)
    #expect(parsed.positionalValues("file") == ["a.se", "b.se", "--c.se"])
    #expect(parsed.value("format") == "json")
    #expect(parsed.value("output") == "out")
    #expect(parsed.flag("strict"))
  }

  @Test func fillsDefaults() throws {
    let parsed = try ArgumentParser.parse(["a.se"], for: Self.definitions)
    #expect(parsed.value("format") == "text")
    #expect(!parsed.flag("strict"))
  }

  @Test(
    arguments: [
      (["a.se", "--nope"], "unknown option '--nope'"),
      (["a.se", "--format", "xml"], "invalid value 'xml' for --format; choose one of text, json"),
      (["a.se", "--output"], "missing value for --output"),
      ([], "missing <file>"),
      (["a.se", "--strict=yes"], "--strict takes no value"),
      (["a.se", "-x"], "unknown option '-x'"),
      (["a.se", "-o", "x", "-o", "y"], "--output given more than once"),
    ] as [([String], String)])
  func refuses(words: [String], message: String) {
    #expect(throws: UsageError.self) { try ArgumentParser.parse(words, for: Self.definitions) }
    do {
      _ = try ArgumentParser.parse(words, for: Self.definitions)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func badCommandLinesExit64WithUsage() {
    let result = sietool("validate", "--format", "xml", "x.se")
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: invalid value 'xml' for --format"))
    #expect(result.error.contains("USAGE: sietool validate <file> ..."))
    #expect(sietool("frobnicate").status == 64)
    #expect(sietool().status == 64)
  }

  @Test func everyCommandHasHelp() {
    for command in Sietool.configuration.subcommands {
      let result = sietool(command.configuration.name, "--help")
      #expect(result.status == 0)
      #expect(result.output.contains("OVERVIEW: \(command.configuration.abstract)"))
      #expect(result.output.contains("USAGE: sietool \(command.configuration.name)"))
    }
    #expect(sietool("--help").output.contains("SUBCOMMANDS:"))
    #expect(sietool("help", "validate").output.contains("--strict"))
  }
}
