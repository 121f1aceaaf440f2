/// Something found in a book that does not stop it from being used, but that a person should
/// know of.
public struct BookWarning: Hashable, Sendable, CustomStringConvertible {
  /// What kind of finding it is; the raw value is stable.
  public enum Code: String, Hashable, Sendable, CaseIterable {
    /// `book.json` differs from the settings in the journal (which are used).
    case settingsCopyDiffers = "settings-copy-differs"
    /// `book.json` cannot be read (the journal's settings are used).
    case settingsCopyUnreadable = "settings-copy-unreadable"
    /// A write killed before it was acknowledged left part of a line; the next writer dropped
    /// it (keeping a backup of the journal).
    case unfinishedWriteDropped = "unfinished-write-dropped"
    /// An attested invoice lacks particulars the VAT act requires (seller VAT number, buyer
    /// address, buyer VAT number under reverse charge).
    case invoiceParticularsMissing = "invoice-particulars-missing"

    /// One sentence on what the code means, for `docs/errors.md`.
    public var summary: String {
      switch self {
      case .settingsCopyDiffers:
        "book.json differs from the settings in the journal, which are used."
      case .settingsCopyUnreadable:
        "book.json cannot be read; the settings in the journal are used."
      case .invoiceParticularsMissing:
        "An attested invoice lacks what the law requires it to show (ML 17 kap. 24 §; for an aktiebolag, ABL 27 kap. 1 §)."
      case .unfinishedWriteDropped:
        "A killed command left part of a journal line it never acknowledged; the next writer dropped it, keeping a backup."
      }
    }
  }

  public var code: Code
  public var message: String

  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "[\(code.rawValue)] \(message)" }
}
