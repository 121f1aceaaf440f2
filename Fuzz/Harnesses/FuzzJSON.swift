// libFuzzer harness: the JSON parser on arbitrary bytes; what parses serializes and parses
// back to the same value, and the scanner finds the same value's extent and reads the same
// scalars.
@testable import Basics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The scanner never traps, whatever the bytes.
  let scanned = bytes.withUnsafeBufferPointer { buffer -> (Range<Int>?, Int?, String?) in
    var scanner = JSONScanner(buffer)
    let range = scanner.skipValue()
    var number = JSONScanner(buffer)
    var text = JSONScanner(buffer)
    return (range, number.readInt(), text.readString())
  }
  guard let value = try? JSONValue(parsing: bytes) else { return 0 }
  var written = [UInt8]()
  value.write(to: &written)
  let again = try? JSONValue(parsing: written)
  precondition(again == value, "write∘parse is not the identity")
  // A whole document is one value: the scanner's extent of it parses to the same value.
  guard let range = scanned.0 else { preconditionFailure("skipValue found no value") }
  precondition(
    (try? JSONValue(parsing: Array(bytes[range]))) == value, "skipValue's extent differs")
  if let number = scanned.1, case .number(let text) = value {
    precondition(Int(text) == number, "readInt differs from the parser")
  }
  if let string = scanned.2 {
    precondition(value == .string(string), "readString differs from the parser")
  }
  return 0
}
