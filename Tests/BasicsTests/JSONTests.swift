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

/// The scanner reads plain JSON values straight from bytes and declines anything else.
@Suite struct JSONScannerTests {
  static func scan<T>(_ text: String, _ body: (inout JSONScanner) -> T) -> (T, rest: String) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      let value = body(&scanner)
      return (value, String(decoding: buffer[scanner.index...], as: UTF8.self))
    }
  }

  @Test(arguments: [
    ("0", 0), ("-0", 0), ("7,", 7), (" 42}", 42), ("9223372036854775807", Int.max),
    ("-9223372036854775808", Int.min),
  ])
  func readsWholeNumbers(text: String, value: Int) {
    #expect(Self.scan(text) { $0.readInt() }.0 == value)
  }

  @Test(arguments: [
    "9223372036854775808", "-9223372036854775809", "01", "-", "1.0", "1e3", "1E3", "\"1\"", "+1",
    "", "null",
  ])
  func declinesOtherNumbers(text: String) {
    let (value, rest) = Self.scan(text) { $0.readInt() }
    #expect(value == nil)
    #expect(rest == text.drop { $0 == " " }.description, "consumes nothing")
  }

  @Test(arguments: [
    (#""abc","#, "abc"), (#""Åsa""#, "Åsa"), (#""""#, ""),
  ])
  func readsPlainStrings(text: String, value: String) {
    #expect(Self.scan(text) { $0.readString() }.0 == value)
  }

  @Test(arguments: [#""a\"b""#, #""a\nb""#, "\"a\u{01}b\"", #""abc"#, "abc"])
  func declinesStringsItWouldHaveToDecode(text: String) {
    #expect(Self.scan(text) { $0.readString() }.0 == nil)
  }

  @Test func declinesInvalidUTF8() {
    let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
    let value = bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      return scanner.readString()
    }
    #expect(value == nil)
  }

  @Test(arguments: [
    (#""2024-02-29""#, Day(year: 2024, month: 2, day: 29)), (#""2025-02-29""#, nil),
    (#""2025-1-01""#, nil), (#""20250101""#, nil), (#""2025-01-0x""#, nil),
  ])
  func readsDays(text: String, day: Day?) {
    #expect(Self.scan(text) { $0.readDay() }.0 == day)
  }

  @Test(arguments: [
    (#""12.50""#, Amount?.some(Amount(ore: 1250))), (#""-0.01""#, Amount(ore: -1)),
    (#""1.005""#, nil), (#""1,00""#, nil), ("12", nil),
  ])
  func readsAmounts(text: String, amount: Amount?) {
    #expect(Self.scan(text) { $0.readAmount() }.0 == amount)
  }

  /// `skipValue` finds where a value ends; the parser then reads exactly those bytes.
  @Test(arguments: [
    (#"{"a":[1,{"b":"}]"}],"c":"\"x"},9"#, #"{"a":[1,{"b":"}]"}],"c":"\"x"}"#),
    ("[ 1 , 2 ] ]", "[ 1 , 2 ]"), ("-12.5e3,", "-12.5e3"), (#""a\\"}"#, #""a\\""#),
    ("true}", "true"), ("null", "null"),
  ])
  func skipsOneValue(text: String, value: String) throws {
    let (range, _) = Self.scan(text) { $0.skipValue() }
    let bytes = Array(text.utf8)
    let skipped = try #require(range)
    #expect(String(decoding: bytes[skipped], as: UTF8.self) == value)
    #expect(try JSONValue(parsing: Array(bytes[skipped])) == (try JSONValue(parsing: value)))
  }

  @Test(arguments: [#""abc"#, "", "}", "[1,2"])
  func declinesToSkipWhatDoesNotEnd(text: String) {
    #expect(Self.scan(text) { $0.skipValue() }.0 == nil)
  }

  @Test func objectsRefuseARepeatedMemberThroughTheirFields() {
    let (id, _) = Self.scan(#"{"id":1,"id":2}"#) { scanner -> Int? in
      var id: Int?
      let read = scanner.readObject { scanner, key in
        switch key {
        case "id": scanner.read(&id)
        default: false
        }
      }
      return read ? id : nil
    }
    #expect(id == nil)
  }
}
