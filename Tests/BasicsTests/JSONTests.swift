import Basics
import TestSupport
import Testing

@testable import Basics

@Suite struct JSONTests {
  @Test func keepsNumbersAsWritten() throws {
    let value = try JSONValue(parsing: #"{"a": 0.1, "b": 12345678901234567890, "c": -1e-3}"#)
    #expect(value["a"]?.numberText == "0.1")
    #expect(value["b"]?.numberText == "12345678901234567890")
    #expect(value["c"]?.numberText == "-1e-3")
  }

  @Test func keepsKeyOrderAndRoundTrips() throws {
    let text = #"{"z":1,"a":[true,false,null],"m":{"s":"å\"\\\n"}}"#
    let value = try JSONValue(parsing: text)
    #expect(value.serialized() == text)
    #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
  }

  @Test func decodesEscapes() throws {
    let value = try JSONValue(parsing: #""\u00e5\ud83d\ude00\t""#)
    #expect(value.stringValue == "å😀\t")
  }

  @Test(arguments: [
    (#"{"a":1,}"#, 1, 8), (#"[1 2]"#, 1, 4), ("{\n\"a\": 01}", 2, 6), (#"{"a":1,"a":2}"#, 1, 8),
    (#""abc"#, 1, 5), ("[\"a\u{01}\"]", 1, 4), ("", 1, 1), ("nul", 1, 1), (#"{"a" 1}"#, 1, 6),
  ])
  func reportsWhereSyntaxBreaks(text: String, line: Int, column: Int) {
    #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    do {
      _ = try JSONValue(parsing: text)
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
    }
  }

  @Test func refusesDeepNesting() {
    let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
  }
}

@Suite struct CSVTests {
  @Test func quotesOnlyWhereNeeded() {
    var csv = CSVWriter()
    csv.row(["a", "b,c", "say \"hi\"", "line\nbreak", ""])
    #expect(
      String(decoding: csv.bytes, as: UTF8.self)
        == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n")
  }
}
