import Basics
import Foundation
import Invoicing
import TestSupport
import Testing

@testable import sietool

@Suite struct SIECommandTests {
  @Test func validatePrintsFileLineColumnFindings() {
    let result = sietool("validate", Corpus.path("barsoom__sie_file.se"))
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "barsoom__sie_file.se:18:1: error: [unbalanced-voucher] voucher A 1 does not balance: sum is -40.00"
      ))
  }

  @Test func validateExitsZeroForWarningsOnlyAndOneUnderStrict() {
    let file = Corpus.path("blinfo__BLBLOV_SIE4.SE")
    #expect(sietool("validate", file).status == 0)
    #expect(sietool("validate", file, "--strict").status == 1)
  }

  @Test func validateJSONListsEveryFile() {
    let result = sietool(
      "validate", Corpus.path("idstam__FAKT.SI"), Corpus.path("idstam__BokSald.SE"), "--format",
      "json")
    let files = result.output.json?["files"]?.arrayValue ?? []
    #expect(files.count == 2)
    #expect(files[0]["valid"] == .bool(true))
    #expect(files[1]["diagnostics"]?.arrayValue?.first?["code"] == .string("not-sie-file"))
    #expect(result.status == 1)
  }

  @Test func validateReportsMissingFiles() {
    let result = sietool("validate", "/nonexistent/x.se")
    #expect(result.status == 1)
    #expect(result.error.contains("/nonexistent/x.se: No such file or directory"))
  }

  @Test func infoJSON() {
    let result = sietool(
      "info", Corpus.path("idstam__Bokslut%20Norstedts%20SIE%204E.se"), "--format", "json")
    #expect(result.status == 0)
    let info = result.output.json
    #expect(info?["sieType"] == .string("4E"))
    #expect(info?["encoding"] == .string("cp437"))
    #expect(info?["program"] == .string("Norstedts Bokslut"))
    #expect(info?["vouchers"] == .number("177"))
    #expect(info?["checksum"] == .string("valid"))
    #expect(info?["fiscalYears"]?.arrayValue?.first?["index"] == .number("0"))
    for key in ["company", "orgNumber", "accounts", "transactions", "errors", "warnings"] {
      #expect(info?[key] != nil, "missing \(key)")
    }
  }

  @Test func balanceJSONAndCSV() {
    let file = Corpus.path("skatasweden__SkataSwedenAB20260330_170222.se")
    let json = sietool("balance", file, "--format", "json")
    #expect(json.status == 0)
    let accounts = json.output.json?["accounts"]?.arrayValue ?? []
    #expect(!accounts.isEmpty)
    for account in accounts {
      #expect(account["declared"] == account["closing"], "\(account)")
    }
    let csv = sietool("balance", file, "--format", "csv")
    #expect(csv.output.hasPrefix("account,name,opening,movement,closing,declared\r\n"))
    #expect(csv.output.split(separator: "\r\n").count == accounts.count + 1)
  }

  @Test func convertToSIEJSONAndCSV() throws {
    let directory = TemporaryDirectory()
    let source = Corpus.path("idstam__SIE4%20Visma%20Anl%C3%A4ggningsregister.si")
    let out = directory.file("out.si")
    #expect(sietool("convert", source, "--to", "sie", "-o", out, "--checksum").status == 0)
    #expect(sietool("checksum", out).output.contains("is valid"))
    #expect(sietool("diff", source, out).status == 0)
    let json = sietool("convert", source, "--to", "json")
    #expect(json.output.json?["records"]?.arrayValue?.isEmpty == false)
    let csv = sietool("convert", source, "--to", "csv")
    #expect(csv.output.hasPrefix("series,number,date,voucherText,account,"))
  }

  @Test func convertRefusesInputWithErrorsAndWritesNothing() {
    let directory = TemporaryDirectory()
    let out = directory.file("out.se")
    let result = sietool("convert", Corpus.path("barsoom__sie_file.se"), "--to", "sie", "-o", out)
    #expect(result.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func profilesReportBeforeWritingAndFixOnRequest() throws {
    let directory = TemporaryDirectory()
    let source = Corpus.path(
      "skatasweden__ByggnadsställningsentreprenadiStockholmAB20260330_170428.se")
    let out = directory.file("out.se")
    let refused = sietool("convert", source, "--to", "sie", "--profile", "fortnox", "-o", out)
    #expect(refused.status == 1)
    #expect(refused.error.contains("Fortnox takes at most 50"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let fixed = sietool(
      "convert", source, "--to", "sie", "--profile", "fortnox", "--fix", "-o", out)
    #expect(fixed.status == 0, "\(fixed.error)")
    #expect(sietool("convert", out, "--to", "sie", "--profile", "fortnox", "--dry-run").status == 0)
  }

  @Test func checksumFixWritesACorrectChecksum() throws {
    let directory = TemporaryDirectory()
    let file = directory.file("x.si")
    try FileManager.default.copyItem(
      atPath: Corpus.path("iCalcreator__Sie4I1ksumma.SI"), toPath: file)
    #expect(sietool("checksum", file).status == 1)
    #expect(sietool("checksum", file, "--fix").status == 0)
    #expect(sietool("checksum", file).output.contains("is valid"))
  }

  @Test func diffShowsChangedVouchers() {
    let directory = TemporaryDirectory()
    let a = directory.write(
      "a.se",
      "#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 1510 {} 1.00\n#TRANS 3001 {} -1.00\n}\n")
    let b = directory.write(
      "b.se",
      "#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 1510 {} 2.00\n#TRANS 3001 {} -2.00\n}\n")
    let result = sietool("diff", a, b, "--format", "json")
    #expect(result.status == 1)
    let differences = result.output.json?["differences"]?.arrayValue ?? []
    #expect(differences.first?["kind"] == .string("voucher-changed"))
    #expect(differences.first?["key"] == .string("A 1"))
  }
}
