// libFuzzer harness: a checkpoint's state read from any bytes. A checkpoint is a file beside
// the journal that anything may have changed: it is read as a state or refused as damaged, and
// never crashes the reader. The input is the state part of the file (what follows the header,
// which the checksum guards); seeds are the states of the fixture books.
@testable import Basics
@testable import Invoicing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  if let state = try? BookState(checkpointPayload: buffer) {
    // A state that reads must give totals that can be read, and write a checkpoint again.
    for record in state.invoices.values { _ = record.open }
    _ = state.checkpointPayload()
  }
  return 0
}
