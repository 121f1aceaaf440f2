import Basics
import TestSupport
import Testing

@testable import SIE

@Suite struct TokenizerTests {
  /// Each token as `[text]`, `"text"` (quoted) or a brace.
  static func tokens(_ line: String) -> [String] {
    var tokenizer = LineTokenizer()
    defer { tokenizer.deallocate() }
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      tokenizer.tokenize(buffer)
      return (0..<tokenizer.count).map { index in
        let token = tokenizer[index]
        switch token.kind {
        case .open: return "{"
        case .close: return "}"
        case .bare, .quoted:
          let text = token.withContent(in: buffer) { String(decoding: $0, as: UTF8.self) }
          return token.kind == .quoted ? "\"\(text)\"" : "[\(text)]"
        }
      }
    }
  }

  @Test(
    arguments: [
      ("#KONTO 1510 \"Kundfordringar\"", ["[#KONTO]", "[1510]", "\"Kundfordringar\""]),
      ("  \t#TRANS\t1510  {}  100.00", ["[#TRANS]", "[1510]", "{", "}", "[100.00]"]),
      (
        "#TRANS 7010 {\"1\" \"456\" \"7\" \"47\"} 13200.00",
        ["[#TRANS]", "[7010]", "{", "\"1\"", "\"456\"", "\"7\"", "\"47\"", "}", "[13200.00]"]
      ),
      ("{6\t\"VERK\"}", ["{", "[6]", "\"VERK\"", "}"]),
      ("{1 \"100\"}", ["{", "[1]", "\"100\"", "}"]),
      ("#KONTO 1915 \"Kassa \\\"special\\\"\"", ["[#KONTO]", "[1915]", "\"Kassa \"special\"\""]),
      ("#FNR \"C:\\ProgramData\\x\"", ["[#FNR]", "\"C:\\ProgramData\\x\""]),
      ("#VER \"\" \"\" 20251216", ["[#VER]", "\"\"", "\"\"", "[20251216]"]),
      ("#KONTO 1288 \"F\"rskott", ["[#KONTO]", "[1288]", "\"F\"", "[rskott]"]),
      ("#X a\\\"b", ["[#X]", "[a\"b]"]),
      ("#X \"#H\"", ["[#X]", "\"#H\""]),
      ("#X 018}", ["[#X]", "[018]", "}"]),
      ("", []),
      ("   \t ", []),
    ] as [(String, [String])])
  func tokenizes(line: String, expected: [String]) {
    #expect(Self.tokens(line) == expected)
  }

  @Test func flagsAnUnterminatedQuote() {
    var tokenizer = LineTokenizer()
    defer { tokenizer.deallocate() }
    Array("#X \"open".utf8).withUnsafeBufferPointer { tokenizer.tokenize($0) }
    #expect(tokenizer.count == 2)
    #expect(tokenizer[1].flags & Token.unterminated != 0)
  }

  @Test func recognisesEveryLabelInAnyCase() {
    for label in SIELabel.allCases {
      let letters = Array(label.text.dropFirst().utf8)
      #expect(letters.withUnsafeBufferPointer { SIELabel.recognize($0) } == label)
      let lower = Array(label.text.dropFirst().lowercased().utf8)
      #expect(lower.withUnsafeBufferPointer { SIELabel.recognize($0) } == label)
    }
    #expect(Array("MOMSKOD".utf8).withUnsafeBufferPointer { SIELabel.recognize($0) } == nil)
    #expect(Array("TRANSX".utf8).withUnsafeBufferPointer { SIELabel.recognize($0) } == nil)
  }
}

@Suite struct LabelTests {
  @Test func textsFollowTheCaseNames() {
    for label in SIELabel.allCases {
      #expect(label.text == "#" + String(describing: label).uppercased())
      #expect(Array(label.bytes) == Array(label.text.utf8))
    }
  }
}
