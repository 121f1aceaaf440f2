import Basics
import Invoicing

/// `sietool product add|list|show|update`
struct ProductCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "product", abstract: "The product register, with each product's booking accounts.",
    subcommands: [ProductAdd.self, ProductUpdate.self, ProductList.self, ProductShow.self])
}

let productFields: [ArgumentDefinition] = [
  .option("name", value: "name", help: "The product's name."),
  .option("price", value: "amount", help: "Unit price, net of VAT."),
  .option("unit", value: "unit", help: "Unit, e.g. st, h."),
  .option("vat", value: "rate", help: "VAT rate: 25, 12, 6 or 0."),
  .option(
    "kind", value: "kind", help: "What it is.", choices: ProductKind.allCases.map(\.rawValue)),
  .option(
    "component", value: "product:share", help: "A part of a package and its share, e.g. TJ:0.6.",
    repeatable: true),
  .option("sales-account", value: "account", help: "Sales account (domestic)."),
  .option("sales-eu-account", value: "account", help: "Sales account for EU customers."),
  .option("sales-non-eu-account", value: "account", help: "Sales account outside the EU."),
  .option(
    "reverse-charge-account", value: "account", help: "Sales account under domestic reverse charge."
  ),
  .option("purchase-account", value: "account", help: "Purchase account for self-invoices."),
  .option("input-vat-account", value: "account", help: "Input VAT account for self-invoices."),
]

extension Product {
  mutating func update(from arguments: ParsedArguments) throws(UsageError) {
    if let name = arguments.value("name") { self.name = name }
    if let price = try amount(arguments.value("price"), "price") { unitPrice = price }
    if let unit = arguments.value("unit") { self.unit = unit }
    if let text = arguments.value("vat") {
      guard let percent = Int(text), let rate = VATRate(percent: percent) else {
        throw UsageError("invalid value '\(text)' for --vat; use 25, 12, 6 or 0")
      }
      vatRate = rate
    }
    if let kind = try arguments.choice("kind", as: ProductKind.self) { self.kind = kind }
    let components = arguments.values("component")
    if !components.isEmpty {
      self.components = try components.map { spec throws(UsageError) in
        let parts = spec.split(separator: ":").map(String.init)
        guard parts.count == 2, let share = ExactDecimal(parsing: parts[1]) else {
          throw UsageError("invalid --component '\(spec)'; use PRODUCT:SHARE, e.g. TJ:0.6")
        }
        return PackageComponent(product: parts[0], share: share)
      }
    }
    let accounts: [(String, WritableKeyPath<ProductAccounts, String?>)] = [
      ("sales-account", \.sales), ("sales-eu-account", \.salesEU),
      ("sales-non-eu-account", \.salesNonEU),
      ("reverse-charge-account", \.reverseCharge), ("purchase-account", \.purchase),
      ("input-vat-account", \.inputVAT),
    ]
    for (option, path) in accounts {
      if let account = arguments.value(option) { self.accounts[keyPath: path] = account }
    }
  }

  var textLines: [String] {
    var lines = [
      "\(number)  \(name)  \(unitPrice) per \(unit)  \(vatRate.percent) % VAT  \(kind.rawValue)"
    ]
    for component in components {
      lines.append("  part: \(component.product) × \(component.share)")
    }
    for (key, path) in ProductAccounts.keys {
      if let account = accounts[keyPath: path] { lines.append("  \(key): \(account)") }
    }
    return lines
  }
}

struct ProductAdd: Command {
  static let configuration = CommandConfiguration(
    name: "add", abstract: "Add a product.",
    arguments: [
      bookArgument, .option("number", value: "number", help: "The product number.", required: true),
    ] + productFields)

  var directory: String
  var product: Product

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    guard arguments.value("name") != nil else { throw UsageError("missing --name") }
    guard arguments.value("price") != nil else { throw UsageError("missing --price") }
    product = Product(number: arguments.require("number"), name: "", unitPrice: .zero)
    try product.update(from: arguments)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    try book.transact { try $0.addProduct(product) }
    console.print("added product \(product.number)")
    return 0
  }
}

struct ProductUpdate: Command {
  static let configuration = CommandConfiguration(
    name: "update", abstract: "Change a product (its accounts apply from the next export).",
    arguments: [bookArgument, .positional("number", help: "The product number.")] + productFields)

  var directory: String
  var number: String
  var arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    number = arguments.require("number")
    self.arguments = arguments
    var probe = Product(number: number, name: "x", unitPrice: .zero)
    try probe.update(from: arguments)
  }

  func run(_ console: Console) throws -> Int32 {
    let book = try openBook(directory, forWriting: true)
    guard var product = book.state.products[number] else {
      throw CommandFailure("no product \(number)")
    }
    try product.update(from: arguments)
    try book.transact { try $0.updateProduct(product) }
    console.print("updated product \(number)")
    return 0
  }
}

struct ProductList: Command {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List the products.", arguments: [bookArgument, textOrJSON])

  var directory: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    if format == .json {
      console.printJSON(.array(state.allProducts.map(\.jsonValue)))
    } else {
      for product in state.allProducts {
        console.print(
          product.number.padding(8) + product.name.padding(28)
            + product.unitPrice.description.leftPadded(12) + "  \(product.vatRate.percent) %")
      }
    }
    return 0
  }
}

struct ProductShow: Command {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show a product and its accounts.",
    arguments: [bookArgument, .positional("number", help: "The product number."), textOrJSON])

  var directory: String
  var number: String
  var format: OutputFormat
  init(_ arguments: ParsedArguments) throws(UsageError) {
    directory = bookDirectory(arguments)
    number = arguments.require("number")
    format = try arguments.choice("format", as: OutputFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> Int32 {
    let state = try openBook(directory, forWriting: false).state
    guard let product = state.products[number] else { throw CommandFailure("no product \(number)") }
    if format == .json {
      console.printJSON(product.jsonValue)
    } else {
      product.textLines.forEach { console.print($0) }
    }
    return 0
  }
}
