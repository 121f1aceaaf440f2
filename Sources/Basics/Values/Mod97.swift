/// ISO 7064 MOD 97-10, the check of IBANs and RF creditor references: the characters read as
/// one number (digits as themselves, letters A = 10 … Z = 35), modulo 97.
public enum Mod97 {
  /// The remainder of upper-case ASCII letters and digits.
  public static func remainder(_ bytes: some Sequence<UInt8>) -> Int {
    var remainder = 0
    for byte in bytes {
      if byte >= 0x41 {
        remainder = (remainder * 100 + Int(byte) - 0x41 + 10) % 97
      } else {
        remainder = (remainder * 10 + Int(byte) - 0x30) % 97
      }
    }
    return remainder
  }
}
