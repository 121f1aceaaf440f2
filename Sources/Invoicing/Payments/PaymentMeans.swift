/// How a payment was made.
public struct PaymentMeans: Hashable, Sendable, RawRepresentable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let bankgiro = PaymentMeans(rawValue: "bankgiro")
  public static let clientFunds = PaymentMeans(rawValue: "clientFunds")
  public static let swish = PaymentMeans(rawValue: "swish")
  public static let card = PaymentMeans(rawValue: "card")
  public static let autogiro = PaymentMeans(rawValue: "autogiro")
  public static let cash = PaymentMeans(rawValue: "cash")
  /// The customer's balance (an earlier overpayment) used on the invoice.
  public static let balance = PaymentMeans(rawValue: "balance")
  /// Money of an incoming payment that waited in the queue (on customer advances, 2420).
  public static let incoming = PaymentMeans(rawValue: "incoming")
}
