import Basics
import Invoicing

/// `--book DIR --format text|json`: the options of a command that reads a book and prints
/// what it finds.
struct BookReading: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Option(help: "How to print.", only: ["text", "json"]) var format: OutputFormat = .text
}

/// A command that only reads the book and prints one result, as text or as JSON: it says what
/// to print, and the protocol opens the book and picks the form.
///
/// ```swift
/// struct ClientFundsShow: ReadsBook {
///   static let configuration = CommandConfiguration(name: "show", abstract: "…")
///   @OptionGroup var reading: BookReading
///   func json(_ state: BookState) throws -> JSONValue { state.clientFundsHeld.jsonValue }
///   func text(_ state: BookState) throws -> [String] { ["held: …"] }
/// }
/// ```
protocol ReadsBook: Command, WorksOnBook {
  var reading: BookReading { get }
  /// The result for `--format json`.
  func json(_ state: BookState) throws -> JSONValue
  /// The result for `--format text`, line by line.
  func text(_ state: BookState) throws -> [String]
}

extension ReadsBook {
  var bookOptions: BookOptions { reading.bookOptions }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false, console: console).state
    if reading.format == .json {
      console.printJSON(try json(state))
    } else {
      try text(state).forEach { console.print($0) }
    }
    return 0
  }
}
