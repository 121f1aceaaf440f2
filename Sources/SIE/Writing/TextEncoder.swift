/// Turns strings into code page 437 for the writer: control characters become spaces,
/// characters the code page lacks are transliterated when allowed (`€` → `EUR`, `–` → `-`,
/// curly quotes → `"`), and every change or failure is reported with its place.
struct TextEncoder {
  let transliterate: Bool
  var changes: [Diagnostic] = []
  var failures: [Diagnostic] = []
  /// Where the writer is, for messages: `"#VER A 17 text"`.
  var place = ""

  /// Replacements for common characters code page 437 lacks.
  static let transliterations: [Unicode.Scalar: String] = [
    "€": "EUR", "–": "-", "—": "-", "‒": "-", "−": "-", "‘": "'", "’": "'", "‚": "'", "´": "'",
    "`": "'", "“": "\"", "”": "\"", "„": "\"", "…": "...", "§": "S", "©": "(c)", "®": "(R)",
    "™": "TM", "•": "*", "×": "x", "\u{2009}": " ", "\u{202F}": " ", "Š": "S", "š": "s",
    "Ž": "Z", "ž": "z", "Œ": "OE", "œ": "oe", "Ÿ": "Y", "ø": "o", "Ø": "O", "Õ": "O", "õ": "o",
    "Ã": "A", "ã": "a", "À": "A", "Á": "A", "Â": "A", "È": "E", "Ê": "E", "Ë": "E", "Ì": "I",
    "Í": "I", "Î": "I", "Ï": "I", "Ò": "O", "Ó": "O", "Ô": "O", "Ù": "U", "Ú": "U", "Û": "U",
    "Ý": "Y", "ý": "y", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ł": "l", "Ł": "L",
    "ć": "c", "Ć": "C", "č": "c", "Č": "C", "ś": "s", "Ś": "S", "ń": "n", "Ń": "N",
  ]

  init(transliterate: Bool) { self.transliterate = transliterate }

  /// The bytes of `text` in code page 437.
  mutating func encode(_ text: String) -> [UInt8] {
    var text = text
    let ascii = text.withUTF8 { utf8 in
      utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
    if ascii { return Array(text.utf8) }
    var output = [UInt8]()
    output.reserveCapacity(text.utf8.count)
    var changed = false
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        output.append(0x20)
        changed = true
      } else if let byte = CP437.byte(for: scalar) {
        output.append(byte)
      } else if transliterate {
        output.append(contentsOf: (TextEncoder.transliterations[scalar] ?? "?").utf8)
        changed = true
      } else {
        failures.append(
          Diagnostic(
            .error, .unencodableCharacter,
            "\(place): '\(Character(scalar))' (U+\(String(scalar.value, radix: 16, uppercase: true)))"
              + " is not in code page 437; transliterate to write it"))
        output.append(UInt8(ascii: "?"))
      }
    }
    if changed {
      changes.append(
        Diagnostic(
          .warning, .textChanged,
          "\(place): \"\(text)\" written as \"\(TextEncoding.cp437.decode(output))\""))
    }
    return output
  }
}

extension TextEncoding {
  /// Decodes bytes held in an array.
  func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decode($0) }
  }
}
