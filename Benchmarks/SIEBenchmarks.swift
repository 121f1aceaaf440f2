import Basics
import Foundation
import Invoicing
import SIE

/// Reading, validating and writing a large SIE file, against iconv in the same run.
enum SIEBenchmarks {
  static func run(file: String) throws {
    let size = Measure.fileSize(file)
    print("## SIE: \(file) (\(Measure.mebibytes(size)))")

    // iconv and the validation take turns, seven rounds, best of each.
    var report: ValidationReport?
    let (iconv, stream) = try Measure.bestOfEach(
      baseline: {
        try Measure.program(
          "/usr/bin/iconv", ["-f", "CP437", "-t", "UTF-8", file, "-o", "/dev/null"], runs: 1)
      }, measured: { report = try SIEValidator.validate(path: file) })
    print(
      "iconv -f CP437 -t UTF-8 (baseline):   \(String(format: "%.3f", iconv)) s  \(Measure.megabytesPerSecond(size, iconv))"
    )
    print(
      "streaming read + validation:          \(String(format: "%.3f", stream)) s  \(Measure.megabytesPerSecond(size, stream))"
        + "  (\(String(format: "%.2f", iconv / stream))× iconv; \(report!.summary.vouchers) vouchers, \(report!.errorCount) errors)"
    )

    var records = 0
    let typed = try Measure.best(1) {
      let reader = try SIEReader(path: file)
      records = 0
      while reader.next() != nil { records += 1 }
    }
    print(
      "streaming typed records (SIEReader):  \(String(format: "%.3f", typed)) s  \(Measure.megabytesPerSecond(size, typed))  (\(records) records)"
    )

    let streamMemory = try Measure.childPeakMemory(["memory-stream", file])
    print("streaming peak memory (whole process): \(Measure.mebibytes(streamMemory))")

    let documentMemory = try Measure.childPeakMemory(["memory-document", file])
    let baseline = try Measure.childPeakMemory(["memory-baseline"])
    print(
      "document API peak memory:             \(Measure.mebibytes(documentMemory))  "
        + "(\(String(format: "%.2f", Double(documentMemory - baseline) / Double(size)))× the file above a \(Measure.mebibytes(baseline)) baseline)"
    )

    let (document, _) = try SIEDocument.read(path: file)
    var output: SIEWriter.Output?
    let write = try Measure.best { output = try SIEWriter().encode(document) }
    let written = output!.bytes.count
    print(
      "writing (encode to CP437 bytes):      \(String(format: "%.3f", write)) s  \(Measure.megabytesPerSecond(written, write))  (\(Measure.mebibytes(written)))"
    )
    print("")
  }

  /// Child-process modes: print the peak memory after the work.
  static func memory(mode: String, file: String?) throws {
    switch mode {
    case "memory-stream":
      _ = try SIEValidator.validate(path: file!)
    case "memory-document":
      let (document, _) = try SIEDocument.read(path: file!)
      withExtendedLifetime(document) { print(document.records.count) }
    default:
      break
    }
    print(Measure.peakMemory())
  }
}
