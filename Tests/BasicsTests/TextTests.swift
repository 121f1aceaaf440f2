import Testing

@testable import Basics

@Suite struct TextTests {
  /// C0 controls, DEL and C1 controls count; letters whose UTF-8 shares bytes with them do not.
  @Test(arguments: [
    ("Kund AB", false), ("", false), ("a\nb", true), ("a\tb", true), ("\r", true), ("\0", true),
    ("\u{1B}[2J", true), ("del\u{7F}", true), ("nel\u{85}", true), ("\u{80}", true),
    ("\u{9F}", true), ("\u{A0}", false), ("åäö ÅÄÖ", false), ("Ā", false), ("Ç", false),
    ("Ÿ", false), ("€ – ”", false), ("\u{2028}", false),
  ])
  func controlCharacters(text: String, found: Bool) {
    #expect(text.hasControlCharacters == found, "\(text.unicodeScalars.map(\.value))")
    // The same answer scalar by scalar.
    #expect(
      text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        == found)
  }
}
