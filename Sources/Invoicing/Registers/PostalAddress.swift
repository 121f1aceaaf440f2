import Basics

/// A postal address as printed on an invoice.
public struct PostalAddress: Hashable, Sendable, JSONRepresentable {
  public var street: String
  public var postalCode: String
  public var city: String
  /// ISO 3166 country code; `SE` when empty.
  public var country: String

  public init(
    street: String = "", postalCode: String = "", city: String = "", country: String = "SE"
  ) {
    self.street = street
    self.postalCode = postalCode
    self.city = city
    self.country = country
  }

  /// The lines to print: street, then postal code and city, then the country when not Sweden.
  public var lines: [String] {
    var lines = [String]()
    if !street.isEmpty { lines += street.split(separator: "\n").map(String.init) }
    let town = [postalCode, city].filter { !$0.isEmpty }.joined(separator: " ")
    if !town.isEmpty { lines.append(town) }
    if !country.isEmpty && country != "SE" { lines.append(country) }
    return lines
  }

  public var isEmpty: Bool { street.isEmpty && postalCode.isEmpty && city.isEmpty }

  public var jsonValue: JSONValue {
    var object = JSONObject()
    object.set("street", nonEmpty: street)
    object.set("postalCode", nonEmpty: postalCode)
    object.set("city", nonEmpty: city)
    object.set("country", nonEmpty: country)
    return .object(object)
  }

  public init(json: JSONReader) throws {
    try json.allowOnly(["street", "postalCode", "city", "country"])
    street = try json.optionalString("street") ?? ""
    postalCode = try json.optionalString("postalCode") ?? ""
    city = try json.optionalString("city") ?? ""
    country = try json.optionalString("country") ?? "SE"
    guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw json.error("expected a two-letter country code such as SE", at: "country")
    }
  }
}
