import Basics
import Foundation
import Invoicing
import Ledger
import Reconcile
import TestSupport
import Testing

@testable import sietool

@Suite struct ErrorCatalogTests {
  @Test func docsListEveryCode() throws {
    let path = FilePath.join(PackagePaths.root, "docs/errors.md")
    let written = String(decoding: try FilePath.read(path), as: UTF8.self)
    if written != ErrorCatalog.markdown() {
      // Rewrite it so that the difference shows in `git diff`.
      try AtomicFile.write(Array(ErrorCatalog.markdown().utf8), to: path)
      Issue.record("docs/errors.md was out of date; it has been regenerated")
    }
  }

  @Test func codesAreUniqueAcrossTheCatalog() {
    var codes = [String]()
    codes += CommandLineCode.allCases.map(\.rawValue)
    codes += BookError.Code.allCases.map(\.rawValue)
    codes += LedgerError.Code.allCases.map(\.rawValue)
    codes += ReconcileError.Code.allCases.map(\.rawValue)
    codes += ErrorCatalog.fixedCodes.map(\.code)
    #expect(Set(codes).count == codes.count)
  }

  @Test func errorsPrintTheirCode() {
    let directory = TemporaryDirectory()
    let result = sietool("customer", "show", "K9", "--book", directory.file("none"))
    #expect(result.status == 1)
    #expect(result.error.hasPrefix("error: [no-book] "))
  }
}
