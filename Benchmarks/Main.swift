import Foundation
import SIE

/// `swift run -c release Benchmarks sie FILE...` — see BENCHMARKS.md.
@main
enum Main {
  static func main() throws {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let mode = arguments.first else {
      print("usage: Benchmarks sie FILE... | Benchmarks all")
      return
    }
    switch mode {
    case "sie":
      for file in arguments.dropFirst() { try SIEBenchmarks.run(file: file) }
    case "sizes":
      print(
        "TransactionRow", MemoryLayout<TransactionRow>.stride, "Voucher",
        MemoryLayout<Voucher>.stride,
        "SIERecord", MemoryLayout<SIERecord>.stride, "ObjectReference",
        MemoryLayout<ObjectReference>.stride)
    case "write-only":
      let (document, _) = try SIEDocument.read(path: arguments[1])
      for _ in 0..<3 { _ = try SIEWriter().encode(document) }
    case "memory-stream", "memory-document", "memory-baseline":
      try SIEBenchmarks.memory(mode: mode, file: arguments.dropFirst().first)
    default:
      print("unknown benchmark \(mode)")
    }
  }
}
