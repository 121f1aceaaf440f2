// libFuzzer harness: the SIE reader and validator on arbitrary bytes, both paths (fast and
// general) and the streaming JSON conversion must agree and never crash.
@testable import Basics
@testable import SIE

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let fast = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: true)
  let general = SIEValidator.validate(bytes: bytes, options: ValidationOptions(), fastPath: false)
  precondition(fast.diagnostics == general.diagnostics, "the fast and general paths disagree")
  let (document, _) = SIEDocument.read(bytes: bytes)
  // What was read can be written (or is refused with an error, never a crash).
  _ = try? SIEWriter(options: .init(checksum: true, transliterate: true)).encode(document)
  return 0
}
