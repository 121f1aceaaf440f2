import Basics
import Invoicing

/// `--book DIR --date D`: the options of a command that changes the book on a day.
struct BookChange: ParsableArguments {
  @OptionGroup var bookOptions: BookOptions
  @Option(help: "The date (default: today, in the creditor's time zone).") var date: Day?
}

/// A command that changes the book on one day: it records its change; the protocol opens the
/// book for writing, fills in the day and prints what the change says.
protocol ChangesBook: Command, WorksOnBook {
  var changing: BookChange { get }
  /// Records the change on `day` (in one transaction); returns what to print.
  func record(in book: Book, on day: Day) throws -> String
}

extension ChangesBook {
  var bookOptions: BookOptions { changing.bookOptions }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true, console: console)
    console.print(try record(in: book, on: changing.date ?? book.today))
    return 0
  }
}
