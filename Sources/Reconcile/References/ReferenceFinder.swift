import Basics

/// What a payment's references and texts say about the invoices it pays (payments.md §3–4).
public struct ReferenceClue: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// An OCR reference under the creditor's scheme, naming this invoice number.
    case ocr(invoiceNumber: Int)
    /// An RF creditor reference naming this invoice number.
    case creditorReference(invoiceNumber: Int)
    /// A number that may be an invoice number.
    case invoiceNumber(Int)
    /// A customer number (after `kund`, `kundnr`, `K`).
    case customerNumber(String)
  }

  /// How far the clue can be trusted.
  public enum Strength: Int, Hashable, Sendable, Comparable {
    case weak = 1
    case medium = 2
    case strong = 3
    public static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
  }

  public var kind: Kind
  public var strength: Strength
  /// Where it was found, for the reasons a decision gives.
  public var source: String
  /// Its place among the payment's references (allocations follow this order).
  public var order: Int
  /// An amount the file gives for this reference (BgMax 22/23 sub-amounts).
  public var amount: Amount?

  public var description: String {
    switch kind {
    case .ocr(let number): "OCR for invoice \(number) in \(source)"
    case .creditorReference(let number): "RF reference for invoice \(number) in \(source)"
    case .invoiceNumber(let number): "invoice number \(number) in \(source)"
    case .customerNumber(let number): "customer number \(number) in \(source)"
    }
  }
}

/// Finds the clues in a payment's references and texts, for a creditor's OCR scheme.
///
/// Structured references (BgMax code 2/4 and 22 records, camt `SCOR`) that validate as the
/// creditor's OCR or as RF are strong. Free text (code 3 and 5, 25 records, `Ustrd`) is split
/// into digit runs at every non-digit, including letter–digit boundaries; a run that validates
/// as OCR or could be an invoice number is medium; look-alikes are dropped: dates, 10- and
/// 12-digit organisation or personal numbers, the payment's own amount. An Autogiro payer
/// number is never read as an OCR.
public struct ReferenceFinder: Sendable {
  public var scheme: OCRScheme
  /// The range invoice numbers of the book fall in (free-text numbers outside it are not
  /// invoice numbers).
  public var invoiceNumbers: ClosedRange<Int>

  public init(scheme: OCRScheme, invoiceNumbers: ClosedRange<Int> = 1...999_999_999) {
    self.scheme = scheme
    self.invoiceNumbers = invoiceNumbers
  }

  public func clues(in payment: BankPayment) -> [ReferenceClue] {
    var clues = [ReferenceClue]()
    var order = 0
    var seen = Set<ReferenceClue.Kind>()
    func add(
      _ kind: ReferenceClue.Kind, _ strength: ReferenceClue.Strength, _ source: String,
      _ amount: Amount? = nil
    ) {
      if let index = clues.firstIndex(where: { $0.kind == kind }) {
        if clues[index].strength < strength { clues[index].strength = strength }
        return
      }
      guard seen.insert(kind).inserted else { return }
      clues.append(
        ReferenceClue(kind: kind, strength: strength, source: source, order: order, amount: amount))
      order += 1
    }
    // The main reference, joined with the first text when it fills all 25 characters.
    var freeTexts = [(String, String)]()
    var references = payment.allReferences
    if let first = references.first, first.quality != .structured, first.text.count == 25,
      let continuation = payment.texts.first
    {
      references[0].text += continuation
    }
    for reference in references {
      switch reference.quality {
      case .payerNumber:
        continue
      case .structured:
        let digits = reference.text.filter { $0 != " " }
        if let number = scheme.invoiceNumber(in: digits) {
          add(.ocr(invoiceNumber: number), .strong, "reference \(reference.text)", reference.amount)
        } else if let body = CreditorReference.body(of: reference.text), let number = Int(body) {
          add(
            .creditorReference(invoiceNumber: number), .strong, "reference \(reference.text)",
            reference.amount)
        } else {
          freeTexts.append((reference.text, "reference \(reference.text)"))
        }
      case .freeText, .incorrect:
        freeTexts.append((reference.text, "reference \(reference.text)"))
      }
    }
    for text in payment.texts { freeTexts.append((text, "text \"\(text)\"")) }
    for (text, source) in freeTexts {
      for token in Self.tokens(text) {
        switch token {
        case .customer(let number): add(.customerNumber(number), .medium, source)
        case .digits(let run):
          guard !isLookAlike(run, amount: payment.amount) else { continue }
          if let number = scheme.invoiceNumber(in: run), invoiceNumbers.contains(number) {
            add(.ocr(invoiceNumber: number), .medium, source)
          } else if let number = Int(run), run.count <= 9, invoiceNumbers.contains(number) {
            add(.invoiceNumber(number), .medium, source)
          }
        }
      }
      if let body = CreditorReference.body(of: text), let number = Int(body) {
        add(.creditorReference(invoiceNumber: number), .medium, source)
      }
    }
    return clues
  }

  enum Token: Equatable {
    case digits(String)
    case customer(String)
  }

  /// Digit runs, split at every non-digit; a run right after `kund`, `kundnr`, `kund nr` or a
  /// lone `K` is a customer number.
  static func tokens(_ text: String) -> [Token] {
    var tokens = [Token]()
    var digits = ""
    var word = ""
    var pendingCustomer = false
    func flushDigits() {
      guard !digits.isEmpty else { return }
      tokens.append(pendingCustomer ? .customer(digits) : .digits(digits))
      pendingCustomer = false
      digits = ""
    }
    func flushWord() {
      guard !word.isEmpty else { return }
      let lower = word.lowercased()
      if ["kund", "kundnr", "kundnummer", "k", "kundnr:", "kund:", "kunr"].contains(lower) {
        pendingCustomer = true
      } else if lower != "nr" && lower != "nr:" {
        pendingCustomer = false
      }
      word = ""
    }
    for character in text {
      if character.isASCII && character.isNumber {
        flushWord()
        digits.append(character)
      } else if character.isLetter {
        flushDigits()
        word.append(character)
      } else {
        flushDigits()
        flushWord()
      }
    }
    flushDigits()
    return tokens
  }

  /// Whether a run is a date, an organisation or personal number, or the payment's amount.
  func isLookAlike(_ run: String, amount: Amount) -> Bool {
    if run.count == 8, Day(yyyymmdd: run) != nil, run.hasPrefix("19") || run.hasPrefix("20") {
      return true
    }
    if run.count == 10 || run.count == 12, SwedishIdentityNumber(run) != nil { return true }
    let kronor = amount.ore / 100
    if amount.ore % 100 == 0, run == String(kronor) { return true }
    if run == String(amount.ore) { return true }
    return false
  }
}
