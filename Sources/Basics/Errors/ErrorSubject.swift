/// What an error is about, as data: the invoice, customer, line, JSON path or period it names.
/// Every field is optional; an error fills those that apply, and tests and JSON output read
/// them without parsing the message.
///
/// ```swift
/// let subject = ErrorSubject.invoice("1001").with(line: 2)
/// subject.jsonFields   // {"invoice": "1001", "line": 2}
/// ```
public struct ErrorSubject: Hashable, Sendable {
  public var invoice: String?
  public var customer: String?
  public var product: String?
  public var costCentre: String?
  public var project: String?
  public var selfInvoice: String?
  public var payment: String?
  /// A line of an invoice (1-based).
  public var line: Int?
  /// A setting or field name, e.g. `organizationNumber`.
  public var field: String?
  /// A JSON path, e.g. `invoices[3].lines[0].quantity`.
  public var path: String?
  /// A file.
  public var file: String?
  /// A period, first and last day.
  public var from: Day?
  public var to: Day?
  /// An export's number.
  public var export: Int?

  public init() {}

  public static let none = ErrorSubject()

  public static func invoice(_ name: String) -> ErrorSubject { none.with(\.invoice, name) }
  public static func customer(_ number: String) -> ErrorSubject { none.with(\.customer, number) }
  public static func product(_ number: String) -> ErrorSubject { none.with(\.product, number) }
  public static func costCentre(_ code: String) -> ErrorSubject { none.with(\.costCentre, code) }
  public static func project(_ code: String) -> ErrorSubject { none.with(\.project, code) }
  public static func selfInvoice(_ name: String) -> ErrorSubject { none.with(\.selfInvoice, name) }
  public static func payment(_ id: String) -> ErrorSubject { none.with(\.payment, id) }
  public static func line(_ number: Int) -> ErrorSubject { none.with(\.line, number) }
  public static func field(_ name: String) -> ErrorSubject { none.with(\.field, name) }
  public static func path(_ path: String) -> ErrorSubject { none.with(\.path, path) }
  public static func file(_ path: String) -> ErrorSubject { none.with(\.file, path) }
  public static func period(_ from: Day, _ to: Day) -> ErrorSubject {
    none.with(\.from, from).with(\.to, to)
  }
  public static func export(_ number: Int) -> ErrorSubject { none.with(\.export, number) }

  /// The subject with one more thing named.
  public func with<Value>(_ key: WritableKeyPath<ErrorSubject, Value?>, _ value: Value)
    -> ErrorSubject
  {
    var subject = self
    subject[keyPath: key] = value
    return subject
  }

  /// The subject with an invoice added.
  public func with(invoice name: String) -> ErrorSubject { with(\.invoice, name) }
  /// The subject with a field added.
  public func with(field name: String) -> ErrorSubject { with(\.field, name) }
  /// The subject with an export added.
  public func with(export number: Int) -> ErrorSubject { with(\.export, number) }
  /// The subject with a file added.
  public func with(file path: String) -> ErrorSubject { with(\.file, path) }
  /// The subject with a line added.
  public func with(line number: Int) -> ErrorSubject { with(\.line, number) }

  /// The subject with a JSON path put in front of its own (`invoices[2]` + `lines[0]`).
  public func within(path prefix: String) -> ErrorSubject {
    var subject = self
    subject.path = path.map { $0.hasPrefix("[") ? prefix + $0 : prefix + "." + $0 } ?? prefix
    return subject
  }

  /// The fields that are set, for JSON output, in a fixed order.
  public var jsonFields: JSONObject {
    var fields = JSONObject()
    fields["invoice"] = invoice.map(JSONValue.string)
    fields["customer"] = customer.map(JSONValue.string)
    fields["product"] = product.map(JSONValue.string)
    fields["costCentre"] = costCentre.map(JSONValue.string)
    fields["project"] = project.map(JSONValue.string)
    fields["selfInvoice"] = selfInvoice.map(JSONValue.string)
    fields["payment"] = payment.map(JSONValue.string)
    fields["line"] = line.map(JSONValue.integer)
    fields["field"] = field.map(JSONValue.string)
    fields["path"] = path.map(JSONValue.string)
    fields["file"] = file.map(JSONValue.string)
    fields["from"] = from.map { .string($0.iso) }
    fields["to"] = to.map { .string($0.iso) }
    fields["export"] = export.map(JSONValue.integer)
    return fields
  }
}

/// An error that carries a stable code, a subject and a message made for people.
public protocol CodedError: Error, CustomStringConvertible {
  /// The stable code, e.g. `invoice-not-overdue`.
  var codeName: String { get }
  var subject: ErrorSubject { get }
  var message: String { get }
}

extension CodedError {
  public var description: String { message }

  /// `{"code": …, "message": …, "subject": {…}}`.
  public var jsonValue: JSONValue {
    .object([
      "code": .string(codeName), "message": .string(message),
      "subject": .object(subject.jsonFields),
    ])
  }
}
