import Basics
import SIE

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--book DIR`: the book's directory; `$SIETOOL_BOOK`, else the current directory.
struct BookOptions: ParsableArguments {
  @Option(
    name: "book", value: "dir",
    help: "The book's directory (default: $SIETOOL_BOOK, else the current directory).")
  var explicit: String?

  /// The directory the options name.
  var directory: String {
    let environment = getenv("SIETOOL_BOOK").map { ["SIETOOL_BOOK": String(cString: $0)] } ?? [:]
    return BookOptions.directory(environment: environment, explicit: explicit)
  }

  /// `--book`, else `$SIETOOL_BOOK`, else the current directory.
  static func directory(environment: [String: String], explicit: String?) -> String {
    explicit ?? environment["SIETOOL_BOOK"] ?? "."
  }
}

/// How a command prints its result. Text output writes amounts with Swedish grouping
/// (`10 562,50`); JSON and CSV write them plain (`10562.50`).
enum OutputFormat: String, ArgumentEnum {
  case text, json, csv
  static var valueName: String { "format" }
}

/// `--type auto|1|2|3|4E|4I`: an SIE file type, or `auto` to find it from the file.
struct FileTypeChoice: ExpressibleByArgument, CustomStringConvertible {
  /// `nil` for `auto`.
  var type: SIEFileType?

  init(_ type: SIEFileType?) { self.type = type }

  init?(argument: String) {
    if argument.lowercased() == "auto" {
      type = nil
    } else if let type = SIEFileType(argument: argument) {
      self.type = type
    } else {
      return nil
    }
  }

  static var valueName: String { "type" }
  static var expectation: String { "one of auto, 1, 2, 3, 4E, 4I" }
  var description: String { type?.rawValue ?? "auto" }
}

/// A command that works on a book: `--book DIR`, and the directory it names.
protocol WorksOnBook {
  var bookOptions: BookOptions { get }
}

extension WorksOnBook {
  var directory: String { bookOptions.directory }
}
