import Basics
import Invoicing

/// Imports payment files into a book, all or nothing: every file is read and checked first (a
/// file refused refuses the whole import); what the book has already — the same file, the same
/// deposit, also renamed or inside a larger file — is a no-op; a known deposit with other
/// content is an error; a payment that looks like one already imported in the other format
/// (the same day, amount and reference) is reported as a probable duplicate and not booked
/// twice. The new payments are decided by the matching engine: strong evidence is placed at
/// once, medium evidence kept as suggestions, the rest waits in the queue.
///
/// ```swift
/// let plan = try PaymentImport.plan([.init(name: "bg.txt", bytes: bytes)], book: book.state)
/// if let event = plan.event { try book.transact { try $0.record(event) } }
/// print(plan.summary.matched, plan.summary.unhandled)
/// ```
public enum PaymentImport {
  public struct Input: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) {
      self.name = name
      self.bytes = bytes
    }
  }

  /// What one file gave.
  public struct FileSummary: Hashable, Sendable {
    public var name: String
    public var format: PaymentFileFormat
    public var payments: Int
    public var new: Int
    public var duplicates: Int
    public var probableDuplicates: [String]
    public var notes: [ReaderNote]
  }

  public struct Summary: Hashable, Sendable {
    public var files: [FileSummary] = []
    public var matched = 0
    public var suggested = 0
    public var unhandled = 0
    public var matchedAmount = Amount.zero
    public var suggestedAmount = Amount.zero
    public var unhandledAmount = Amount.zero
    /// The new payments, with what was decided for each.
    public var decisions: [(payment: IncomingPayment, decision: Decision)] = []

    public static func == (a: Summary, b: Summary) -> Bool {
      a.files == b.files && a.matched == b.matched && a.suggested == b.suggested
        && a.unhandled == b.unhandled
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(files) }
  }

  public struct Plan: Sendable {
    /// The event to record, or `nil` when there is nothing new.
    public var event: Event?
    public var summary: Summary
  }

  /// Works out an import; nothing is written.
  public static func plan(_ inputs: [Input], book state: BookState) throws(ReconcileError) -> Plan {
    var summary = Summary()
    var files = [IncomingReceipt.File]()
    var deposits = [String: String]()
    var payments = [IncomingPayment]()
    var seenFiles = Set<String>()
    for input in inputs {
      let file: PaymentFile
      do {
        file = try PaymentFileReader.read(input.bytes)
      } catch {
        throw ReconcileError(
          error.code, error.subject.with(file: input.name), "\(input.name): \(error.message)")
      }
      if file.isTest {
        throw ReconcileError(
          .testFile, .file(input.name),
          "\(input.name) is a BgMax test file (T in the start record); it is never imported")
      }
      var fileSummary = FileSummary(
        name: input.name, format: file.format, payments: file.payments.count, new: 0, duplicates: 0,
        probableDuplicates: [], notes: file.notes)
      let fileHash = SHA256.hex(input.bytes)
      let knownFile = state.importedFiles[fileHash] != nil || seenFiles.contains(fileHash)
      seenFiles.insert(fileHash)
      if !knownFile {
        files.append(.init(hash: fileHash, name: input.name, format: file.format.rawValue))
      }
      for deposit in file.deposits {
        let hash = deposit.contentHash
        if let known = state.importedDeposits[deposit.key] ?? deposits[deposit.key] {
          guard known == hash else {
            throw ReconcileError(
              .depositChanged, ErrorSubject.file(input.name),
              "\(input.name): deposit \(deposit.key) was imported before with other content; nothing imported"
            )
          }
          fileSummary.duplicates += deposit.payments.count
          continue
        }
        deposits[deposit.key] = hash
        for payment in incomingPayments(
          of: deposit, file: input.name, format: file.format, notes: &fileSummary.notes)
        {
          if let twin = probableTwin(of: payment, in: state, among: payments) {
            fileSummary.probableDuplicates.append("\(payment.id) ~ \(twin)")
            fileSummary.duplicates += 1
            continue
          }
          payments.append(payment)
          fileSummary.new += 1
        }
      }
      summary.files.append(fileSummary)
    }
    // Nothing new, nothing written: a file delivered again (even renamed) is a no-op.
    guard !payments.isEmpty else { return Plan(event: nil, summary: summary) }
    // Decide.
    let engine = MatchingEngine(book: state)
    let finder = ReferenceFinder(book: state)
    let toMatch = payments.map { payment in
      let (clues, credits) = finder.clues(in: payment)
      return PaymentToMatch(
        id: payment.id, amount: payment.amount, currency: payment.currency, date: payment.date,
        clues: clues, payer: payment.payer, creditClues: credits)
    }
    let decisions = engine.decide(toMatch)
    var matches = [IncomingMatch]()
    var suggestions = [String: [IncomingSuggestion]]()
    for (payment, decision) in zip(payments, decisions) {
      summary.decisions.append((payment, decision))
      switch decision {
      case .apply(let candidate):
        matches.append(
          match(
            candidate, for: payment, date: payment.date, decidedOn: payment.date, automatic: true))
        summary.matched += 1
        summary.matchedAmount += payment.amount
      case .suggest(let candidates):
        suggestions[payment.id] = candidates.map(suggestion)
        summary.suggested += 1
        summary.suggestedAmount += payment.amount
      case .unhandled:
        summary.unhandled += 1
        summary.unhandledAmount += payment.amount
      }
    }
    let receipt = IncomingReceipt(
      files: files, deposits: deposits, payments: payments, suggestions: suggestions,
      matches: matches)
    return Plan(event: .incoming(.received(receipt)), summary: summary)
  }

  /// A deposit's payments as the book keeps them: SEK only (another currency is reported, not
  /// imported); a BgMax deduction joined to the payment of the same payer before it.
  static func incomingPayments(
    of deposit: Deposit, file: String, format: PaymentFileFormat, notes: inout [ReaderNote]
  ) -> [IncomingPayment] {
    var result = [IncomingPayment]()
    for payment in deposit.payments {
      guard payment.currency == "SEK" else {
        notes.append(
          ReaderNote(
            message: "payment \(payment.id) is in \(payment.currency); reported, not imported"))
        continue
      }
      if payment.kind == .deduction {
        let samePayer = result.lastIndex {
          ($0.payerBankgiro != nil && $0.payerBankgiro == payment.payer.bankgiro)
            || ($0.payerOrganizationNumber != nil
              && $0.payerOrganizationNumber == payment.payer.organizationNumber)
        }
        guard let index = samePayer ?? result.indices.last, result[index].amount > payment.amount
        else {
          notes.append(
            ReaderNote(
              message: "deduction \(payment.id) has no payment to go with; reported, not imported"))
          continue
        }
        result[index].amount -= payment.amount
        result[index].deductions.append(
          .init(reference: payment.reference?.text ?? "", amount: payment.amount))
        continue
      }
      var incoming = IncomingPayment(
        id: payment.id, date: payment.date, amount: payment.amount, currency: payment.currency,
        reference: payment.reference?.text, texts: payment.texts, file: file,
        format: format.rawValue, deposit: deposit.key,
        deductions: payment.creditNotes.map {
          .init(reference: $0.text, amount: $0.amount ?? .zero)
        })
      incoming.referenceKind = payment.reference?.quality.rawValue
      incoming.extraReferences = payment.extraReferences.filter { $0.quality == .structured }.map(
        \.text)
      incoming.payerName = payment.payer.name
      incoming.payerOrganizationNumber = payment.payer.organizationNumber
      incoming.payerBankgiro = payment.payer.bankgiro
      incoming.payerAccount = payment.payer.account
      result.append(incoming)
    }
    return result
  }

  /// A payment of the other format with the same day, amount and reference, if any.
  static func probableTwin(
    of payment: IncomingPayment, in state: BookState, among new: [IncomingPayment]
  ) -> String? {
    let candidates = state.allIncoming.map(\.payment) + new
    return candidates.first {
      $0.format != payment.format && $0.date == payment.date && $0.amount == payment.amount
        && $0.reference == payment.reference
    }?.id
  }

  /// The book's match for a candidate: credits offset against the first invoice, cash parts,
  /// the rest with the last invoice (or the paid invoice the payment names).
  public static func match(
    _ candidate: Candidate, for payment: IncomingPayment, date: Day, decidedOn: Day,
    automatic: Bool, reason: String? = nil
  ) -> IncomingMatch {
    var creditLeft = candidate.credits.reduce(Amount.zero) { $0 - $1.amount }
    var parts = [IncomingMatch.Part]()
    for allocation in candidate.allocations {
      let fromCredit = min(creditLeft, allocation.amount)
      creditLeft -= fromCredit
      let cash = allocation.amount - fromCredit
      if cash > .zero { parts.append(.init(invoice: allocation.invoice, amount: cash)) }
    }
    if candidate.rest > .zero {
      if let last = parts.indices.last,
        parts[last].invoice == candidate.restInvoice ?? parts[last].invoice
      {
        parts[last].amount += candidate.rest
      } else if let invoice = candidate.restInvoice {
        parts.append(.init(invoice: invoice, amount: candidate.rest))
      }
    }
    let credits = candidate.credits.map {
      IncomingMatch.CreditUse(
        credit: $0.invoice, invoice: candidate.allocations.first?.invoice ?? $0.invoice)
    }
    return IncomingMatch(
      payment: payment.id, parts: parts, credits: credits, date: date, decidedOn: decidedOn,
      reason: reason ?? candidate.reasons.joined(separator: "; "), score: candidate.score,
      automatic: automatic)
  }

  static func suggestion(_ candidate: Candidate) -> IncomingSuggestion {
    IncomingSuggestion(
      invoices: candidate.allocations.map(\.invoice), amounts: candidate.allocations.map(\.amount),
      score: candidate.score, reasons: candidate.reasons)
  }
}
