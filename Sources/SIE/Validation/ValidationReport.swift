import Basics

/// The verdict on a file: its type, encoding, checksum, counts and findings.
public struct ValidationReport: Sendable {
  /// The type checked against.
  public var type: SIEFileType
  /// Whether ``type`` was guessed rather than given or written in the file.
  public var typeWasGuessed: Bool
  public var encoding: TextEncoding
  public var checksum: ChecksumStatus
  /// The findings, sorted by place.
  public var diagnostics: [Diagnostic]
  /// Every error, listed or not.
  public var errorCount: Int
  /// Every warning, listed or not.
  public var warningCount: Int
  /// What the file holds.
  public var summary: Summary

  /// Whether the file has no errors (warnings allowed).
  public var isValid: Bool { errorCount == 0 }

  /// Facts about the file gathered while validating.
  public struct Summary: Sendable {
    public var program: Program?
    public var companyName: String?
    public var organizationNumber: String?
    public var fiscalYears: [FiscalYear] = []
    /// Distinct accounts declared with `#KONTO`.
    public var accounts = 0
    public var vouchers = 0
    /// Effective rows: `#TRANS` not replaced by an `#RTRANS`, plus `#RTRANS`; not `#BTRANS`.
    public var transactions = 0
    /// Lines read.
    public var lines = 0
    /// Bytes read.
    public var bytes = 0
  }
}
