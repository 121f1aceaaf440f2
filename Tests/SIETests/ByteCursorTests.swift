import Testing

@testable import SIE

/// The fast path's eight-digit check takes exactly eight ASCII digits followed by a blank or
/// the end, and every byte value in every place of them decides it as a digit test would.
@Suite struct ByteCursorTests {
  static func eightDigits(_ bytes: [UInt8]) -> (token: [UInt8]?, position: Int) {
    bytes.withUnsafeBufferPointer { buffer in
      var cursor = ByteCursor(
        base: buffer.baseAddress!, count: buffer.count, classes: ByteCursor.classTable)
      let token = cursor.eightDigits().map(Array.init)
      return (token, cursor.position)
    }
  }

  @Test(arguments: [
    ("20250101", true), ("20250101 ", true), ("20250101\t\"x\"", true), ("99999999", true),
    ("2025010", false), ("202501011", false), ("20250101}", false), ("2025-01-01", false),
    ("\"20250101\"", false), (" 20250101", false),
  ])
  func takesEightDigits(text: String, taken: Bool) {
    let (token, position) = Self.eightDigits(Array(text.utf8))
    #expect((token != nil) == taken)
    #expect(position == (taken ? 8 : 0))
    if taken { #expect(token == Array(text.utf8.prefix(8))) }
  }

  @Test func everyByteInEveryPlace() {
    let digits = Array("12345678".utf8)
    for place in 0..<8 {
      for byte in UInt8.min...UInt8.max {
        var bytes = digits
        bytes[place] = byte
        let isDigit = (0x30...0x39).contains(byte)
        #expect((Self.eightDigits(bytes).token != nil) == isDigit, "\(byte) at \(place)")
      }
    }
  }
}
