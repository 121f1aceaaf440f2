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

  public static func invoice(_ name: String) -> ErrorSubject { ErrorSubject().with(invoice: name) }
  public static func customer(_ number: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.customer = number
    return subject
  }
  public static func product(_ number: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.product = number
    return subject
  }
  public static func costCentre(_ code: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.costCentre = code
    return subject
  }
  public static func project(_ code: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.project = code
    return subject
  }
  public static func selfInvoice(_ name: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.selfInvoice = name
    return subject
  }
  public static func payment(_ id: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.payment = id
    return subject
  }
  public static func line(_ number: Int) -> ErrorSubject { ErrorSubject().with(line: number) }
  public static func field(_ name: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.field = name
    return subject
  }
  public static func path(_ path: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.path = path
    return subject
  }
  public static func file(_ path: String) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.file = path
    return subject
  }
  public static func period(_ from: Day, _ to: Day) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.from = from
    subject.to = to
    return subject
  }
  public static func export(_ number: Int) -> ErrorSubject {
    var subject = ErrorSubject()
    subject.export = number
    return subject
  }

  /// The subject with an invoice added.
  public func with(invoice name: String) -> ErrorSubject {
    var subject = self
    subject.invoice = name
    return subject
  }

  /// The subject with a field added.
  public func with(field name: String) -> ErrorSubject {
    var subject = self
    subject.field = name
    return subject
  }

  /// The subject with an export added.
  public func with(export number: Int) -> ErrorSubject {
    var subject = self
    subject.export = number
    return subject
  }

  /// The subject with a file added.
  public func with(file path: String) -> ErrorSubject {
    var subject = self
    subject.file = path
    return subject
  }

  /// The subject with a line added.
  public func with(line number: Int) -> ErrorSubject {
    var subject = self
    subject.line = number
    return subject
  }

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
