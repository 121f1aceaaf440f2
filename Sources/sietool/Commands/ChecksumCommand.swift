import Basics
import Invoicing
import SIE

/// `sietool checksum FILE [--fix]`
struct ChecksumCommand: Command {
  static let configuration = CommandConfiguration(
    name: "checksum", abstract: "Verify an SIE file's #KSUMMA, or write a correct one.",
    discussion: """
      Exits 0 when the checksum is valid or absent, 1 when it is wrong, the file is cut off or \
      it is not an SIE file. --fix writes the file back with a correct #KSUMMA (the opening one \
      after #FLAGGA, the closing one last); every other byte stays as it was.
      """)

  @Argument(help: "The SIE file.") var file: String
  @Flag(help: "Rewrite #KSUMMA so that it is correct.") var fix: Bool

  func run(_ console: Console) throws -> Int32 {
    // Verifying streams the file (memory stays constant); only --fix holds it to rewrite it.
    let report = try SIEValidator.validate(path: file)
    if let refusal = report.diagnostics.first(where: { $0.code == .notSIEFile }) {
      throw CommandFailure(.notSIEFile, .file(file), "\(file): \(refusal.message)")
    }
    let status = report.checksum
    if fix {
      let bytes = try FilePath.read(file)
      let fixed = SIEChecksum.rewrite(bytes)
      guard case .valid(let value) = SIEValidator.validate(bytes: fixed).checksum else {
        throw CommandFailure(
          .checksumNotComputable, .file(file), "could not compute a valid checksum for \(file)")
      }
      if fixed != bytes { try AtomicFile.write(fixed, to: file) }
      console.print("\(file): #KSUMMA \(value) written")
      return 0
    }
    switch status {
    case .absent:
      console.print("\(file): no #KSUMMA")
      return 0
    case .valid(let value):
      console.print("\(file): #KSUMMA \(value) is valid")
      return 0
    case .invalid(let expected, let computed):
      console.print("\(file): #KSUMMA \(expected) is wrong; the contents give \(computed)")
      return 1
    case .truncated:
      console.print("\(file): #KSUMMA opened but never closed; the file is cut off")
      return 1
    }
  }
}
