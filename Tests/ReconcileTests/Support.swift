import Basics
import Foundation
import Reconcile
import TestSupport

/// The shared corpus of payment files.
enum PaymentCorpus {
  static func path(_ name: String) -> String {
    FilePath.join(PackagePaths.corpus("payments"), name)
  }
  static func bytes(_ name: String) throws -> [UInt8] { try FilePath.read(path(name)) }
  static var files: [String] { PackagePaths.corpusFiles("payments") }
}

extension BankPayment {
  /// `amount reference` as the tables of expected payments write it: `1000.00 655969`, with
  /// `-` for a deduction and `(none)` without a reference.
  var summary: String {
    (kind == .deduction ? "-" : "") + "\(amount) \(currency) " + (reference?.text ?? "(none)")
  }
}

extension PaymentFile {
  /// The file as the golden files write it: format, deposits, each payment with every field a
  /// reader fills, and the notes.
  var goldenText: String {
    var lines = ["format \(format.rawValue)\(isTest ? " test" : "") created \(created)"]
    for deposit in deposits {
      lines.append(
        "deposit \(deposit.key) account \(deposit.account) \(deposit.date) \(deposit.amount) \(deposit.currency)"
      )
      for payment in deposit.payments {
        lines.append(
          "  payment \(payment.id) \(payment.kind.rawValue) \(payment.amount) \(payment.currency) \(payment.date)"
        )
        for reference in payment.allReferences {
          lines.append(
            "    reference \(reference.quality.rawValue) \"\(reference.text)\""
              + (reference.amount.map { " \($0)" } ?? ""))
        }
        for note in payment.creditNotes {
          lines.append("    credit note \"\(note.text)\"" + (note.amount.map { " \($0)" } ?? ""))
        }
        for text in payment.texts { lines.append("    text \"\(text)\"") }
        let payer = payment.payer
        let fields: [(String, String?)] = [
          ("name", payer.name), ("extra name", payer.extraName), ("address", payer.address),
          ("postal code", payer.postalCode), ("town", payer.town), ("country", payer.country),
          ("org number", payer.organizationNumber), ("bankgiro", payer.bankgiro),
          ("account", payer.account),
        ]
        for (label, value) in fields {
          if let value { lines.append("    payer \(label) \"\(value)\"") }
        }
        if let channel = payment.channel { lines.append("    channel \(channel)") }
        if let code = payment.deductionCode { lines.append("    deduction code \(code)") }
        if let serial = payment.bankSerial { lines.append("    bank serial \(serial)") }
      }
    }
    for note in notes { lines.append("note \(note)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
