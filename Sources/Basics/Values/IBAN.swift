/// International bank account numbers (ISO 13616): two letters, two check digits and up to 30
/// letters and digits, spaces allowed for reading; the number, read after moving the first
/// four characters to the end, is 1 modulo 97 (``Mod97``).
public enum IBAN {
  public static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.filter { $0 != " " }.uppercased().utf8)
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    guard (15...34).contains(bytes.count), bytes.allSatisfy({ isDigit($0) || isLetter($0) }),
      isLetter(bytes[0]), isLetter(bytes[1]), isDigit(bytes[2]), isDigit(bytes[3])
    else { return false }
    return Mod97.remainder(bytes[4...] + bytes[..<4]) == 1
  }
}
