import TestSupport
import Testing

@testable import Invoicing

/// The checkpoint's table of texts numbers texts as a dictionary of `String`s would: in the
/// order first seen, by their bytes, across the table's growth and hash collisions; and the
/// table holds each new text once, its length then its bytes.
@Suite struct TextNumberingTests {
  @Test func numbersAsADictionaryWould() {
    var random = SplitMix64(seed: 3)
    let alphabet = Array("ab0Åé€ \u{0}".unicodeScalars)
    var texts = [
      "", "SEK", "K1", "K1 ", "k1", "Åkessons Åkeri AB", String(repeating: "x", count: 40),
      String(repeating: "y", count: 300),
    ]
    for _ in 0..<20_000 {
      let length = Int(random.next() % 24)
      var text = ""
      for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(random.next() % 8)]) }
      texts.append(text)
    }
    var numbering = TextNumbering()
    var expected = FirstSeen<String>()
    var table = [UInt8]()
    for text in texts + texts.shuffled(using: &random) {
      var utf8 = text
      let found = utf8.withUTF8 { numbering.number($0) }
      let wanted = expected.number(text)
      #expect(found == wanted, "\(text.debugDescription)")
      if found != wanted { return }
      if wanted.isNew {
        CheckpointWriter.appendVarint(UInt64(text.utf8.count), to: &table)
        table += text.utf8
      }
    }
    #expect(numbering.count == expected.count)
    #expect(numbering.table == table)
  }

  /// The seed moves the hashes, and with them the slots, but not the numbers or the table: a
  /// checkpoint's bytes are the same in every process.
  @Test func theSeedChangesTheHashesNotTheNumbering() {
    var random = SplitMix64(seed: 11)
    let texts = (0..<5_000).map { _ in String(random.next() % 3_000, radix: 36) }
    var tables = [[UInt8]]()
    var numbers = [[Int]]()
    for seed: UInt64 in [0, 1, 0xDEAD_BEEF, TextNumbering.processSeed] {
      var numbering = TextNumbering(seed: seed)
      numbers.append(
        texts.map { text in
          var utf8 = text
          return utf8.withUTF8 { numbering.number($0).number }
        })
      tables.append(numbering.table)
    }
    #expect(Set(tables).count == 1)
    #expect(Set(numbers).count == 1)
    let bytes = Array("Åkessons Åkeri AB".utf8)
    let hashes = bytes.withUnsafeBufferPointer { buffer in
      Set([0, 1, 2].map { TextNumbering.hash(buffer, seed: $0) })
    }
    #expect(hashes.count == 3)
  }

  /// Texts that differ in one byte anywhere, or only in length, hash apart or are told apart.
  @Test func textsThatDifferInOneByte() {
    var numbering = TextNumbering()
    let base = Array("0123456789abcdefghij".utf8)
    var seen = Set<[UInt8]>()
    for length in 0...base.count {
      for place in 0..<max(length, 1) {
        for value: UInt8 in [0, 0x41, 0xFF] {
          var bytes = Array(base.prefix(length))
          if length > 0 { bytes[place] = value }
          let isNew = seen.insert(bytes).inserted
          let found = bytes.withUnsafeBufferPointer { numbering.number($0) }
          #expect(found.isNew == isNew)
        }
      }
    }
    #expect(numbering.count == seen.count)
  }
}
