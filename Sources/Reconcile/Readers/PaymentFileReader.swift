import Basics

/// Reads a payment file of any supported format, found from the content: BgMax, camt.054 or
/// camt.053. Anything else — an Autogiro specification, Nets OCR giro, EDIFACT CREMUL, HTML, an
/// empty file — is refused with `unknown-payment-format` (or `empty-payment-file`).
///
/// ```swift
/// let file = try PaymentFileReader.read(try FilePath.read("bgmax.txt"))
/// print(file.format, file.payments.count)
/// ```
public enum PaymentFileReader {
  public static func read(_ bytes: [UInt8]) throws(ReconcileError) -> PaymentFile {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw ReconcileError(.emptyPaymentFile, .none, "the file is empty")
    }
    if BgMaxReader.recognizes(bytes) { return try BgMaxReader.read(bytes) }
    if CamtReader.recognize(bytes) != nil { return try CamtReader.read(bytes) }
    throw ReconcileError(.unknownPaymentFormat, .none, "not a payment file: \(describe(bytes))")
  }

  /// What the bytes look like instead, for the error message.
  static func describe(_ bytes: [UInt8]) -> String {
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    if head.hasPrefix("01AUTOGIRO") {
      return "an Autogiro payment specification, not a BgMax file"
    }
    if head.hasPrefix("NY") { return "Nets OCR giro (Norway), not a BgMax file" }
    if head.contains("UNH+") || head.hasPrefix("UNA") || head.hasPrefix("UNB") {
      return "an EDIFACT message (CREMUL), not camt.054"
    }
    if head.lowercased().contains("<html") { return "an HTML page" }
    if head.hasPrefix("<") { return "XML that is no camt.054 or camt.053 message" }
    return "neither BgMax (01BGMAX) nor camt XML"
  }
}
