/// Turns strings into code page 437 for the writer: control characters become spaces,
/// characters the code page lacks are transliterated when allowed (`€` → `EUR`, `–` → `-`,
/// curly quotes → `"`), and every change or failure is reported with its place.
struct TextEncoder {
  let transliterate: Bool
  var changes: [Diagnostic] = []
  var failures: [Diagnostic] = []

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

  /// Code page 437 bytes of the scalars below U+2600 (0 where the code page has none).
  nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x2600)
    table.initialize(repeating: 0, count: 0x2600)
    for byte in 0x80...0xFF {
      let scalar = CP437.scalar(for: UInt8(byte)).value
      if scalar < 0x2600 { table[Int(scalar)] = UInt8(byte) }
    }
    return UnsafePointer(table)
  }()

  /// The code page 437 byte of a scalar, or `nil`.
  @inline(__always)
  static func byte(for scalar: Unicode.Scalar) -> UInt8? {
    if scalar.value < 0x80 { return UInt8(scalar.value) }
    guard scalar.value < 0x2600 else { return nil }
    let byte = table[Int(scalar.value)]
    return byte == 0 ? nil : byte
  }

  /// Converts UTF-8 to code page 437 into `output` when every character is printable and in
  /// the code page (the common case of Swedish text); `false` leaves the text to ``encode``.
  @inline(__always)
  static func convert(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
    output.removeAll(keepingCapacity: true)
    var index = 0
    let count = utf8.count
    while index < count {
      let lead = utf8[index]
      if lead < 0x80 {
        guard lead >= 0x20, lead != 0x7F else { return false }
        output.append(lead)
        index += 1
        continue
      }
      guard let byte = codePage437Byte(utf8, at: &index) else { return false }
      output.append(byte)
    }
    return true
  }

  /// The code page 437 byte of the two- or three-byte UTF-8 sequence at `index` (past it
  /// then), or `nil` when there is none or the sequence is not one.
  @inline(__always)
  static func codePage437Byte(_ utf8: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt8? {
    let lead = utf8[index]
    let scalar: Int
    if lead & 0xE0 == 0xC0, index + 1 < utf8.count {
      scalar = Int(lead & 0x1F) << 6 | Int(utf8[index + 1] & 0x3F)
      index += 2
    } else if lead & 0xF0 == 0xE0, index + 2 < utf8.count {
      scalar =
        Int(lead & 0x0F) << 12 | Int(utf8[index + 1] & 0x3F) << 6 | Int(utf8[index + 2] & 0x3F)
      index += 3
    } else {
      return nil
    }
    guard scalar < 0x2600 else { return nil }
    let byte = table[scalar]
    return byte == 0 ? nil : byte
  }

  /// The bytes of `text` in code page 437, and whether they differ from it: control characters
  /// replaced by spaces, characters the code page lacks transliterated (or `?` and listed in
  /// `missing` when transliteration is off).
  func encode(_ text: String, into output: inout [UInt8]) -> (
    changed: Bool, missing: [Unicode.Scalar]
  ) {
    output.removeAll(keepingCapacity: true)
    var changed = false
    var missing = [Unicode.Scalar]()
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        output.append(0x20)
        changed = true
      } else if let byte = TextEncoder.byte(for: scalar) {
        output.append(byte)
      } else if transliterate {
        output.append(contentsOf: (TextEncoder.transliterations[scalar] ?? "?").utf8)
        changed = true
      } else {
        missing.append(scalar)
        output.append(UInt8(ascii: "?"))
      }
    }
    return (changed, missing)
  }

  /// Records what happened to `text`, written at `place`.
  mutating func report(
    _ text: String, as bytes: [UInt8], changed: Bool, missing: [Unicode.Scalar], at place: String
  ) {
    for scalar in missing {
      failures.append(
        Diagnostic(
          .error, .unencodableCharacter,
          "\(place): '\(Character(scalar))' (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            + " is not in code page 437; transliterate to write it"))
    }
    if changed {
      changes.append(
        Diagnostic(
          .warning, .textChanged,
          "\(place): \"\(text)\" written as \"\(TextEncoding.cp437.decode(bytes))\""))
    }
  }
}

extension TextEncoding {
  /// Decodes bytes held in an array.
  func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decode($0) }
  }
}
