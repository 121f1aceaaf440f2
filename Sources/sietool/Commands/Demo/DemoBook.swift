import Basics
import Invoicing

/// The sample book of `sietool demo`: a small company on the cash method (kontantmetoden)
/// with customers at home, in the EU and in construction, products including a package, cost
/// centres and projects, and thirty invoices from October to December 2025 that meet every
/// fate — paid, paid in part, overpaid, credited in full and in part, reminded, written off,
/// unpaid at the year end, paid in January — plus a self-invoice. The same book every time.
enum DemoBook {
  static let settings: CreditorSettings = {
    var settings = CreditorSettings(
      name: "Exempelbolaget i Sverige AB", organizationNumber: "556677-8899", method: .cash)
    settings.vatNumber = "SE556677889901"
    settings.address = PostalAddress(street: "Storgatan 1", postalCode: "111 22", city: "Stockholm")
    settings.email = "faktura@exempelbolaget.se"
    settings.bankgiro = "5050-1055"
    settings.paymentTolerance = Amount(kronor: 1)
    return settings
  }()

  static let first = Day(iso: "2025-10-01")!

  /// Records the registers and the invoices' lives.
  static func fill(_ tx: inout BookTransaction) throws {
    try registers(&tx)
    var ids = [Int]()
    for index in 0..<30 {
      ids.append(try invoice(index, &tx))
    }
    for (index, id) in ids.enumerated() { try fate(index, id, &tx) }
    // A supplier paid by self-invoice.
    let purchase = try tx.draftSelfInvoice(
      payee: "S1", invoiceDate: Day(iso: "2025-11-28")!, payoutDate: Day(iso: "2025-12-10")!,
      lines: [
        LineInput(product: "VIRKE", quantity: ExactDecimal(20), costCentre: "200", project: "P2")
      ])
    _ = try tx.attestSelfInvoice(purchase, on: Day(iso: "2025-11-28")!)
    try tx.record(.selfInvoicePaid(id: purchase, date: Day(iso: "2025-12-10")!))
    // An overpayment paid back.
    try tx.refund(customer: "K2", amount: Amount(kronor: 100), on: Day(iso: "2025-12-20")!)
  }

  static func registers(_ tx: inout BookTransaction) throws {
    let customers = [
      Customer(
        number: "K1", name: "Åkessons Åkeri AB", organizationNumber: "556677-8899",
        address: PostalAddress(street: "Hamngatan 4", postalCode: "411 14", city: "Göteborg")),
      Customer(
        number: "K2", name: "Berg & Söner HB", organizationNumber: "969611-1237",
        address: PostalAddress(street: "Bergsvägen 12", postalCode: "722 10", city: "Västerås")),
      Customer(
        number: "K3", name: "Café Ölandsbron AB",
        address: PostalAddress(street: "Strandvägen 3", postalCode: "386 93", city: "Färjestaden")),
      Customer(
        number: "K4", name: "Byggmästarna i Norr AB", reverseCharge: true),
      Customer(
        number: "K5", name: "Müller Maschinen GmbH", vatNumber: "DE811907980",
        address: PostalAddress(
          street: "Hauptstraße 5", postalCode: "10115", city: "Berlin", country: "DE"),
        market: .eu),
      Customer(
        number: "K6", name: "Élise Öberg",
        address: PostalAddress(street: "Ängsgränd 7", postalCode: "753 20", city: "Uppsala")),
      Customer(number: "S1", name: "Skogens Virke AB", organizationNumber: "556123-4567"),
    ]
    for customer in customers { try tx.addCustomer(customer) }
    try tx.addCostCentre(DimensionEntry(code: "100", name: "Stockholm"))
    try tx.addCostCentre(DimensionEntry(code: "200", name: "Göteborg"))
    try tx.addProject(DimensionEntry(code: "P1", name: "Hemsidan"))
    try tx.addProject(DimensionEntry(code: "P2", name: "Lagret"))
    let products = [
      Product(
        number: "TJ", name: "Konsulttimme", unit: "h", unitPrice: Amount(kronor: 950),
        vatRate: .standard),
      Product(
        number: "LIV", name: "Livsmedelskorg", unitPrice: Amount(kronor: 100), vatRate: .reduced,
        kind: .goods),
      Product(
        number: "BOK", name: "Facklitteratur", unitPrice: Amount(kronor: 250), vatRate: .low,
        kind: .goods),
      Product(
        number: "MAS", name: "Maskin", unitPrice: Amount(kronor: 12_500), vatRate: .standard,
        kind: .goods),
      Product(
        number: "VIRKE", name: "Virke, m³", unit: "m³", unitPrice: Amount(kronor: 400),
        vatRate: .standard,
        kind: .goods, accounts: ProductAccounts(purchase: "4010")),
    ]
    for product in products { try tx.addProduct(product) }
    try tx.addProduct(
      Product(
        number: "PKG", name: "Startpaket", unitPrice: Amount(kronor: 2000), kind: .package,
        components: [
          PackageComponent(product: "TJ", share: ExactDecimal(parsing: "0.7")!),
          PackageComponent(product: "BOK", share: ExactDecimal(parsing: "0.3")!),
        ]))
  }

  /// Invoice `index`: dated every third day from October 1st, to a customer and with lines
  /// that vary with the index.
  static func invoice(_ index: Int, _ tx: inout BookTransaction) throws -> Int {
    let customers = ["K1", "K2", "K3", "K1", "K6", "K2", "K5", "K3", "K4", "K1"]
    let customer = customers[index % customers.count]
    let date = first.adding(days: index * 3)
    var lines: [LineInput]
    switch customer {
    case "K4":
      lines = [
        LineInput(product: "MAS", quantity: ExactDecimal(1), costCentre: "200", project: "P2")
      ]
    case "K5": lines = [LineInput(product: "TJ", quantity: ExactDecimal(12), costCentre: "100")]
    default:
      lines = [
        LineInput(
          product: "TJ", quantity: ExactDecimal(2 + index % 5), costCentre: "100", project: "P1")
      ]
      if index % 2 == 0 {
        lines.append(
          LineInput(product: "LIV", quantity: ExactDecimal(3 + index % 4), costCentre: "200"))
      }
      if index % 3 == 0 { lines.append(LineInput(product: "BOK", quantity: ExactDecimal(2))) }
      if index % 4 == 1 {
        lines.append(LineInput(product: "PKG", costCentre: "100", project: "P1"))
      }
    }
    let id = try tx.draft(
      InvoiceInput(
        externalId: "demo-\(index + 1)", customer: customer, invoiceDate: date, lines: lines))
    _ = try tx.attest(id, on: date)
    return id
  }

  /// What happens to invoice `index`, by its place in a cycle of ten.
  static func fate(_ index: Int, _ id: Int, _ tx: inout BookTransaction) throws {
    let record = tx.state.invoices[id]!
    let date = record.invoice.invoiceDate
    let due = record.invoice.dueDate
    let total = record.invoice.totals.total
    let yearEnd = Day(iso: "2025-12-31")!
    switch index % 10 {
    case 0, 1:
      try tx.pay(
        id, amount: total, on: date.adding(days: 20 + index % 7),
        means: index % 2 == 0 ? .bankgiro : .swish)
    case 2:
      let part = Amount(ore: total.ore * 2 / 5)
      try tx.pay(id, amount: part, on: date.adding(days: 15))
      try tx.pay(id, amount: total - part, on: date.adding(days: 45))
    case 3:
      let note = try tx.draftCreditNote(for: id, selection: .whole, on: date.adding(days: 5))
      _ = try tx.attest(note, on: date.adding(days: 5))
    case 4:
      guard due.adding(days: 5) <= yearEnd else { return }
      try tx.remind(id, on: due.adding(days: 5), fee: Amount(kronor: 60))
      try tx.pay(id, amount: total + Amount(kronor: 60), on: due.adding(days: 12))
    case 5:
      try tx.pay(id, amount: total + Amount(kronor: 100), on: date.adding(days: 18))
    case 6:
      break  // unpaid at the year end
    case 7:
      let note = try tx.draftCreditNote(
        for: id, selection: .lines([(line: 1, quantity: ExactDecimal(1))]), on: date.adding(days: 4)
      )
      _ = try tx.attest(note, on: date.adding(days: 4))
      try tx.pay(
        id, amount: tx.state.invoices[id]!.open - Amount(ore: 50), on: date.adding(days: 22))
    case 8:
      try tx.pay(id, amount: total, on: Day(iso: "2026-01-15")!)
    default:
      guard due.adding(days: 10) < yearEnd else { return }
      try tx.remind(id, on: due.adding(days: 3), fee: .zero)
      try tx.writeOff(id, on: Day(iso: "2025-12-15")!)
    }
  }
}
