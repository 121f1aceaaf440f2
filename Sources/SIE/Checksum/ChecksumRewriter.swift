import Basics

/// `#KSUMMA` on whole files: rewrite it so that it is correct (SIE §10).
public enum SIEChecksum {
  /// The file with a correct `#KSUMMA`: existing `#KSUMMA` lines are removed, the opening one
  /// goes right after `#FLAGGA` (or first, without one), the closing one last. Every other
  /// byte stays as it was, line ends included.
  public static func rewrite(_ bytes: [UInt8]) -> [UInt8] {
    let encoding = bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
    var tokenizer = LineTokenizer()
    defer { tokenizer.deallocate() }
    // Lines with their terminators.
    var lines = [ArraySlice<UInt8>]()
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append(bytes[start...index])
      start = index + 1
    }
    if start < bytes.count { lines.append(bytes[start...]) }
    let ending: [UInt8] =
      lines.first.map { $0.count >= 2 && $0[$0.endIndex - 2] == 0x0D } ?? true
      ? [0x0D, 0x0A] : [0x0A]

    func content(_ line: ArraySlice<UInt8>) -> [UInt8] {
      var content = Array(line)
      while let last = content.last, last == 0x0A || last == 0x0D { content.removeLast() }
      return content
    }

    func label(of line: ArraySlice<UInt8>) -> SIELabel? {
      content(line).withUnsafeBufferPointer { buffer in
        tokenizer.tokenize(buffer)
        guard tokenizer.count > 0, tokenizer[0].kind == .bare else { return nil }
        let token = UnsafeBufferPointer(
          rebasing: buffer[Int(tokenizer[0].start)..<Int(tokenizer[0].end)])
        guard token.first == UInt8(ascii: "#"), token.count > 1 else { return nil }
        return SIELabel.recognize(UnsafeBufferPointer(rebasing: token[1...]))
      }
    }

    lines.removeAll { label(of: $0) == .ksumma }
    let flagIndex = lines.firstIndex { label(of: $0) == .flagga }
    let insertAt = flagIndex.map { $0 + 1 } ?? 0
    if let last = lines.last, last.last != 0x0A { lines[lines.count - 1] = last + ending[...] }
    if insertAt > 0, lines[insertAt - 1].last != 0x0A {
      lines[insertAt - 1] = lines[insertAt - 1] + ending[...]
    }

    var crc = CRC32()
    for line in lines[insertAt...] {
      content(line).withUnsafeBufferPointer { buffer in
        tokenizer.tokenize(buffer)
        ChecksumTracker.hash(tokenizer, of: buffer, encoding: encoding, into: &crc)
      }
    }
    var output = [UInt8]()
    output.reserveCapacity(bytes.count + 32)
    for line in lines[..<insertAt] { output += line }
    output += Array("#KSUMMA".utf8) + ending
    for line in lines[insertAt...] { output += line }
    output += Array("#KSUMMA \(crc.value)".utf8) + ending
    return output
  }
}
