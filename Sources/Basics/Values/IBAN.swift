/// International bank account numbers (ISO 13616): two letters, two check digits and up to 30
/// letters and digits, spaces allowed for reading; the check digits make the number, read as
/// digits after moving the first four characters to the end, 1 modulo 97.
public enum IBAN {
  public static func isValid(_ text: String) -> Bool {
    let compact = text.filter { $0 != " " }.uppercased()
    let characters = Array(compact)
    guard (15...34).contains(characters.count),
      characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
      characters[0].isLetter, characters[1].isLetter, characters[2].isNumber,
      characters[3].isNumber
    else { return false }
    var remainder = 0
    for character in characters[4...] + characters[..<4] {
      let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue!) - 55
      remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
    }
    return remainder == 1
  }
}
