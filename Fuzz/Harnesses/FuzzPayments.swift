// libFuzzer harness: the payment-file readers (BgMax, camt.053/054, chosen by content) on
// arbitrary bytes: a file is read or refused with a ReconcileError, never a crash or hang.
@testable import Basics
@testable import Invoicing
@testable import Reconcile

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let file = try? PaymentFileReader.read(bytes) {
    let finder = ReferenceFinder(scheme: OCRScheme())
    for deposit in file.deposits {
      for payment in deposit.payments { _ = finder.clues(in: payment) }
    }
  }
  return 0
}
