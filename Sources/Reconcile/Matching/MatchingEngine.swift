import Basics

/// Decides where payments go: a pure function of the payments, the open items, the payers the
/// book knows, the links remembered from earlier manual matches and the creditor's settings.
///
/// Every candidate allocation gets a score with its reasons: a structured reference that is
/// an open invoice's OCR is strong evidence (100), a reference found in free text medium (50);
/// an amount equal to what is open adds 30, a payer recognised as the invoice's customer 10.
/// Without references, a payer recognised and an amount equal to one or several of that
/// customer's open invoices is 45–60; an amount alone that only one open invoice has is 40.
/// The policy: apply when the best candidate scores 100 or more and no other scores as much;
/// suggest from 40; otherwise leave the payment unhandled.
///
/// Allocations follow payments.md §5.2: in the order the payment names the invoices, each up
/// to its open amount; the rest is an overpayment standing as the customer's credit; a payment
/// to a paid or closed invoice is an overpayment in whole (never a silent re-open); credits the
/// payer deducts are used with the payment; never across customers.
///
/// ```swift
/// let engine = MatchingEngine(openItems: items, payers: payers, settings: MatchSettings())
/// let decisions = engine.decide(payments)   // in order: each sees what the ones before placed
/// ```
public struct MatchingEngine: Sendable {
  public let settings: MatchSettings
  private let items: [OpenItem]
  private let byNumber: [Int: Int]
  private let byCustomer: [String: [Int]]
  private let byAmount: [Int64: [Int]]
  private let payers: PayerIndex

  public init(
    openItems: [OpenItem], payers: [KnownPayer] = [], links: [String: String] = [:],
    settings: MatchSettings = MatchSettings()
  ) {
    self.settings = settings
    // Sorted by id, so that the decision does not depend on the order items are given in.
    let items = openItems.sorted { $0.id < $1.id }
    self.items = items
    var byNumber = [Int: Int]()
    var byCustomer = [String: [Int]]()
    var byAmount = [Int64: [Int]]()
    for (index, item) in items.enumerated() {
      byNumber[item.number] = index
      if item.status == .open {
        byCustomer[item.customer, default: []].append(index)
        if item.open > .zero { byAmount[item.open.ore, default: []].append(index) }
      }
    }
    for (customer, indexes) in byCustomer {
      byCustomer[customer] = indexes.sorted {
        (items[$0].dueDate, items[$0].number) < (items[$1].dueDate, items[$1].number)
      }
    }
    self.byNumber = byNumber
    self.byCustomer = byCustomer
    self.byAmount = byAmount
    self.payers = PayerIndex(payers: payers, links: links)
  }

  /// Decides every payment in turn; what one places is no longer open for the next.
  public func decide(_ payments: [PaymentToMatch]) -> [Decision] {
    var open = [Int: Amount]()
    var decisions = [Decision]()
    decisions.reserveCapacity(payments.count)
    for payment in payments {
      let decision = decide(payment, openAmounts: open)
      if let candidate = decision.applied {
        for allocation in candidate.allocations + candidate.credits {
          let index = byNumber[allocation.number]!
          open[index] = (open[index] ?? items[index].open) - allocation.amount
        }
      }
      decisions.append(decision)
    }
    return decisions
  }

  /// Decides one payment against the items as given (with `openAmounts` overriding what is
  /// open, by item index).
  public func decide(_ payment: PaymentToMatch, openAmounts: [Int: Amount] = [:]) -> Decision {
    var context = Context(engine: self, payment: payment, openAmounts: openAmounts)
    let candidates = context.candidates().sorted {
      $0.score != $1.score
        ? $0.score > $1.score : $0.invoiceNumbers.lexicographicallyPrecedes($1.invoiceNumbers)
    }
    guard let best = candidates.first else {
      return .unhandled(
        reasons: context.notes.isEmpty
          ? ["no reference, payer or amount points to an open invoice"] : context.notes)
    }
    let rivals = candidates.dropFirst().filter { $0.score == best.score }
    if best.score >= settings.applyFrom && rivals.isEmpty {
      return .apply(best)
    }
    let shown = candidates.filter { $0.score >= settings.suggestFrom }.prefix(5)
    if shown.isEmpty {
      return .unhandled(reasons: context.notes + best.reasons)
    }
    return .suggest(Array(shown))
  }

  /// The work for one payment.
  struct Context {
    let engine: MatchingEngine
    let payment: PaymentToMatch
    let openAmounts: [Int: Amount]
    var notes = [String]()

    func open(_ index: Int) -> Amount { openAmounts[index] ?? engine.items[index].open }
    func item(_ index: Int) -> OpenItem { engine.items[index] }
    func status(_ index: Int) -> OpenItem.Status {
      engine.items[index].status == .open && open(index).isZero ? .paid : engine.items[index].status
    }

    mutating func candidates() -> [Candidate] {
      let identity = engine.payers.customer(of: payment.payer)
      var result = [Candidate]()
      // Invoices the references name, in their order.
      var named = [(index: Int, clue: ReferenceClue)]()
      var customerClue: String?
      for clue in payment.clues {
        switch clue.kind {
        case .ocr(let number), .creditorReference(let number), .invoiceNumber(let number):
          guard let index = engine.byNumber[number] else { continue }
          if item(index).isCredit { continue }
          if !named.contains(where: { $0.index == index }) { named.append((index, clue)) }
        case .customerNumber(let number):
          customerClue = number
        }
      }
      if !named.isEmpty {
        result += byReference(named, identity: identity)
      }
      // The payer (or a customer number in the text) and the amount.
      let customer = identity?.customer ?? customerClue
      if let customer, result.allSatisfy({ $0.score < 100 }) {
        let reason = identity?.reason ?? "the text gives customer number \(customer)"
        result += byAmount(of: customer, reason: reason)
      }
      if result.isEmpty, let indexes = engine.byAmount[payment.amount.ore] {
        let still = indexes.filter { open($0) == payment.amount && status($0) == .open }
        if still.count == 1 {
          let index = still[0]
          result.append(
            Candidate(
              allocations: [
                Allocation(
                  invoice: item(index).id, number: item(index).number, amount: payment.amount)
              ],
              rest: .zero, customer: item(index).customer, score: 40,
              reasons: ["only invoice \(item(index).number) has \(payment.amount) open"]))
        } else if still.count > 1 {
          notes.append("\(still.count) open invoices have \(payment.amount) open; none is chosen")
        }
      }
      return result
    }

    /// The candidate the named invoices make.
    mutating func byReference(
      _ named: [(index: Int, clue: ReferenceClue)], identity: (customer: String, reason: String)?
    ) -> [Candidate] {
      let customer = item(named[0].index).customer
      let sameCustomer = named.filter { item($0.index).customer == customer }
      if sameCustomer.count < named.count {
        notes.append(
          "the references name invoices of several customers; only \(customer)'s are used")
      }
      let strong = sameCustomer.contains { $0.clue.strength == .strong }
      var score = strong ? 100 : 50
      var reasons = sameCustomer.map { "\($0.clue) is invoice \(item($0.index).number)" }
      // Credits the payer deducts.
      var credits = [Allocation]()
      var creditTotal = Amount.zero
      for clue in payment.creditClues {
        guard case .invoiceNumber(let number) = clue.kind, let index = engine.byNumber[number]
        else {
          if case .ocr(let number) = clue.kind, let index = engine.byNumber[number],
            item(index).isCredit,
            item(index).customer == customer, status(index) == .open
          {
            let used = clue.amount.map { min($0, -open(index)) } ?? -open(index)
            credits.append(Allocation(invoice: item(index).id, number: number, amount: -used))
            creditTotal += used
          }
          continue
        }
        guard item(index).isCredit, item(index).customer == customer, status(index) == .open else {
          continue
        }
        let used = clue.amount.map { min($0, -open(index)) } ?? -open(index)
        credits.append(Allocation(invoice: item(index).id, number: number, amount: -used))
        creditTotal += used
      }
      if !payment.creditClues.isEmpty && credits.count < payment.creditClues.count {
        // A deduction that names no open credit of this customer cannot be placed by itself.
        score = min(score, 50)
        reasons.append("a deduction names no open credit of customer \(customer)")
      }
      for credit in credits { reasons.append("uses credit \(credit.number) (\(-credit.amount))") }
      var money = payment.amount + creditTotal
      var allocations = [Allocation]()
      var totalOpen = Amount.zero
      var restInvoice: Int?
      for (index, _) in sameCustomer {
        let found = item(index)
        guard status(index) == .open, open(index) > .zero else {
          if restInvoice == nil { restInvoice = found.id }
          reasons.append(
            "invoice \(found.number) is \(status(index).rawValue); what it gets stands as the customer's credit"
          )
          continue
        }
        totalOpen += open(index)
        let amount = min(money, open(index))
        if amount > .zero {
          allocations.append(Allocation(invoice: found.id, number: found.number, amount: amount))
          money -= amount
        }
      }
      if !allocations.isEmpty {
        let paid = payment.amount + creditTotal
        if paid == totalOpen {
          score += 30
          reasons.append("the amount equals what is open (\(totalOpen))")
        } else if paid < totalOpen, totalOpen - paid <= engine.settings.tolerance {
          score += 25
          reasons.append(
            "the amount is \(totalOpen - paid) short of what is open, within the tolerance")
        } else if paid < totalOpen {
          reasons.append("a part payment: \(paid) of \(totalOpen) open")
        } else {
          reasons.append(
            "\(paid - totalOpen) more than is open: the rest stands as the customer's credit")
        }
      }
      if let identity {
        if identity.customer == customer {
          score += 10
          reasons.append(identity.reason)
        } else {
          // Strong evidence against the payer's identity is no longer strong: a person looks.
          score = min(score - 20, engine.settings.applyFrom - 10)
          reasons.append("but the payer looks like customer \(identity.customer)")
        }
      }
      // Credits are used only as far as the invoices need them.
      if money > payment.amount {
        let unused = money - payment.amount
        var remaining = unused
        for index in credits.indices.reversed() where remaining > .zero {
          let give = min(remaining, -credits[index].amount)
          credits[index].amount += give
          remaining -= give
        }
        credits.removeAll { $0.amount.isZero }
        money = payment.amount
      }
      return [
        Candidate(
          allocations: allocations, credits: credits, rest: money,
          restInvoice: allocations.last?.invoice ?? restInvoice, customer: customer, score: score,
          reasons: reasons)
      ]
    }

    /// Candidates from a known customer's open invoices whose open amounts make the payment.
    func byAmount(of customer: String, reason: String) -> [Candidate] {
      let indexes = (engine.byCustomer[customer] ?? []).filter {
        status($0) == .open && open($0) > .zero
      }
      var result = [Candidate]()
      let exact = indexes.filter { open($0) == payment.amount }
      // Between invoices of one amount, the one due nearest the payment day is likelier.
      let nearest = exact.min {
        abs(item($0).dueDate.days(until: payment.date))
          < abs(item($1).dueDate.days(until: payment.date))
      }
      for index in exact {
        let near = exact.count > 1 && index == nearest
        result.append(
          Candidate(
            allocations: [
              Allocation(
                invoice: item(index).id, number: item(index).number, amount: payment.amount)
            ],
            rest: .zero, customer: customer, score: exact.count == 1 ? 60 : (near ? 50 : 45),
            reasons: [reason, "invoice \(item(index).number) has exactly \(payment.amount) open"]
              + (near ? ["it is due nearest the payment day (\(item(index).dueDate))"] : [])))
      }
      if exact.isEmpty {
        // The oldest invoices first, as many as the payment covers exactly.
        var sum = Amount.zero
        var taken = [Int]()
        for index in indexes {
          sum += open(index)
          taken.append(index)
          if sum >= payment.amount { break }
        }
        if taken.count > 1, sum == payment.amount {
          result.append(
            Candidate(
              allocations: taken.map {
                Allocation(invoice: item($0).id, number: item($0).number, amount: open($0))
              },
              rest: .zero, customer: customer, score: 45,
              reasons: [
                reason,
                "invoices \(taken.map { String(item($0).number) }.joined(separator: ", ")) have \(payment.amount) open together",
              ]))
        }
      }
      return result
    }
  }
}
