import Basics

/// `#PROGRAM`: the program that wrote the file.
public struct Program: Hashable, Sendable {
  public var name: String
  public var version: String
  public var extra: [RawField]

  public init(name: String, version: String, extra: [RawField] = []) {
    self.name = name
    self.version = version
    self.extra = extra
  }
}

/// `#GEN`: when, and by whom, the file was generated.
public struct Generation: Hashable, Sendable {
  public var date: Day
  /// The person or process that generated the file; empty when absent.
  public var sign: String
  public var extra: [RawField]

  public init(date: Day, sign: String = "", extra: [RawField] = []) {
    self.date = date
    self.sign = sign
    self.extra = extra
  }
}

/// `#ORGNR`: the company's organisation number, e.g. `556334-3689`.
public struct OrganizationNumberRecord: Hashable, Sendable {
  /// The number as written in the file.
  public var number: String
  /// The acquisition number (förvärvsnummer), empty when absent.
  public var acquisitionNumber: String
  /// The workplace number (verksamhetsnummer), empty when absent.
  public var workplaceNumber: String
  public var extra: [RawField]

  public init(
    _ number: String, acquisitionNumber: String = "", workplaceNumber: String = "",
    extra: [RawField] = []
  ) {
    self.number = number
    self.acquisitionNumber = acquisitionNumber
    self.workplaceNumber = workplaceNumber
    self.extra = extra
  }

  /// The number in the form `NNNNNN-NNNN` the specification asks for, when it can be made from
  /// what was written (`5563343689`, `165563343689`, `19556334-3689`); `nil` otherwise.
  public var normalized: String? {
    let digits = number.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
    let others = number.utf8.filter { !($0 >= 0x30 && $0 <= 0x39) && $0 != UInt8(ascii: "-") }
    guard others.isEmpty else { return nil }
    let ten: ArraySlice<UInt8>
    switch digits.count {
    case 10: ten = digits[...]
    case 12: ten = digits[2...]
    default: return nil
    }
    let text = String(decoding: ten, as: UTF8.self)
    return String(text.prefix(6)) + "-" + String(text.suffix(4))
  }

  /// Whether the number is written exactly as `NNNNNN-NNNN`.
  public var isCanonical: Bool { normalized == number }

  /// The organisation (or personal) number it is, when its check digit is right.
  public var identity: SwedishIdentityNumber? { normalized.flatMap(SwedishIdentityNumber.init) }
}

/// `#ADRESS`: contact person, street address, postal address and telephone.
public struct Address: Hashable, Sendable {
  public var contact: String
  public var street: String
  public var postal: String
  public var phone: String
  public var extra: [RawField]

  public init(
    contact: String = "", street: String = "", postal: String = "", phone: String = "",
    extra: [RawField] = []
  ) {
    self.contact = contact
    self.street = street
    self.postal = postal
    self.phone = phone
    self.extra = extra
  }
}

/// `#RAR`: a fiscal year. Index 0 is the current year, −1 the previous one, and so on.
public struct FiscalYear: Hashable, Sendable {
  public var index: Int
  public var start: Day
  public var end: Day
  public var extra: [RawField]

  public init(index: Int, start: Day, end: Day, extra: [RawField] = []) {
    self.index = index
    self.start = start
    self.end = end
    self.extra = extra
  }

  /// Whether `day` falls inside the year.
  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}
