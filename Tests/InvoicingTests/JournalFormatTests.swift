import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing

/// The journal's format version, the stable identity of activities, and settings that come
/// from the journal alone.
@Suite struct JournalFormatTests {
  func journalLines(_ book: String) throws -> [String] {
    try String(contentsOfFile: FilePath.join(book, Journal.fileName), encoding: .utf8)
      .split(separator: "\n").map(String.init)
  }

  /// Rewrites the journal from `lines`, chaining and heading them anew (as a newer release
  /// would have written them).
  func rewrite(_ book: String, _ lines: [String]) throws {
    var previous = String(repeating: "0", count: 64)
    var out = [String]()
    for line in lines {
      var object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      object["prev"] = previous
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      let text = String(decoding: data, as: UTF8.self)
      out.append(text)
      previous = SHA256.hex(Array(text.utf8))
    }
    try (out.joined(separator: "\n") + "\n").write(
      toFile: FilePath.join(book, Journal.fileName), atomically: true, encoding: .utf8)
    try "\(out.count) \(previous)\n".write(
      toFile: FilePath.join(book, Journal.headFile), atomically: true, encoding: .utf8)
  }

  @Test func everyLineNamesTheFormatItWasWrittenIn() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    for line in try journalLines(book.directory) {
      #expect(line.hasPrefix("{\"v\":\(Journal.formatVersion),"), "\(line.prefix(40))")
    }
  }

  @Test func aLineOfANewerFormatIsRefusedWithItsVersion() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    var lines = try journalLines(book.directory)
    lines[1] = lines[1].replacingOccurrences(
      of: "\"v\":\(Journal.formatVersion)", with: "\"v\":\(Journal.formatVersion + 1)")
    try rewrite(book.directory, lines)
    #expect(throws: Journal.Problem.newerFormat(line: 2, version: Journal.formatVersion + 1)) {
      try Book.open(at: book.directory)
    }
  }

  @Test func linesWithoutAVersionAreFormatOne() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let lines = try journalLines(book.directory).map {
      $0.replacingOccurrences(of: "\"v\":\(Journal.formatVersion),", with: "")
    }
    try rewrite(book.directory, lines)
    let reopened = try Book.open(at: book.directory)
    #expect(reopened.state.allCustomers.count == 2)
    var versions = [Int]()
    _ = try Journal.read(path: FilePath.join(book.directory, Journal.fileName)) {
      entry throws(BookError) in versions.append(entry.version)
    }
    #expect(versions == [1, 1])
  }

  @Test func activitiesAreNamedByTheirLineAndPlace() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)  // lines 1 (settings) and 2 (registers)
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      _ = try tx.attest(id, on: d("2025-03-10"))  // line 3: one activity
      return id
    }
    try book.transact { tx in  // line 4: two payments, one line
      try tx.pay(id, amount: Amount(kronor: 1000), on: d("2025-04-05"))
      try tx.pay(id, amount: Amount(kronor: 2000), on: d("2025-04-06"))
    }
    let expected = [
      ActivityID(line: 3, ordinal: 0), ActivityID(line: 4, ordinal: 0),
      ActivityID(line: 4, ordinal: 1),
    ]
    #expect(Array(book.state.activityIDs) == expected)
    // A replay names them alike.
    #expect(Array(try Book.open(at: book.directory).state.activityIDs) == expected)
  }

  @Test func theJournalDecidesTheSettingsAndADifferingCopyIsReported() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    #expect(book.warnings.isEmpty)
    // A crash after the journal line and before book.json was rewritten.
    var changed = book.state.settings
    changed.paymentTermsDays = 10
    let copy = try FilePath.read(FilePath.join(book.directory, Book.settingsFile))
    try book.updateSettings(changed)
    try AtomicFile.write(copy, to: FilePath.join(book.directory, Book.settingsFile))
    let reopened = try Book.open(at: book.directory)
    #expect(reopened.state.settings.paymentTermsDays == 10)
    #expect(reopened.warnings.map(\.code) == [.settingsCopyDiffers])
    try book.restoreSettingsCopy()
    #expect(try Book.open(at: book.directory).warnings.isEmpty)
  }
}
