// libFuzzer harness: the JSON parser on arbitrary bytes; what parses serializes and parses
// back to the same value.
@testable import Basics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let value = try? JSONValue(parsing: bytes) else { return 0 }
  var written = [UInt8]()
  value.write(to: &written)
  let again = try? JSONValue(parsing: written)
  precondition(again == value, "write∘parse is not the identity")
  return 0
}
