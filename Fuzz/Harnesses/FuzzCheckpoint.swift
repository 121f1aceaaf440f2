// libFuzzer harness: a checkpoint's state read from any bytes. A checkpoint is a file beside
// the journal that anything may have changed: it is read as a state or refused as damaged, and
// never crashes the reader. The input is the state part of the file (what follows the header,
// which the checksum guards); seeds are the states of the fixture books.
@testable import Basics
@testable import Invoicing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let state = try? BookState(checkpointPayload: bytes) {
    // A state that reads must give totals that can be read (its records and activities read
    // again when asked for, as they read when checked), and write a checkpoint again.
    for record in state.invoices.values { _ = record.open }
    _ = state.activities.count
    _ = state.checkpointPayload()
  }
  return 0
}
