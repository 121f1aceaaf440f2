import Basics

/// When reminders go out and when an unpaid invoice goes to collection: the creditor's plan,
/// overridden per customer (each field set wins) and per invoice (its reminder date).
///
/// Days count from a due date; a due date on a day the banks are closed counts from the next
/// bank day. A reminder gives the customer ``reminderTermsDays`` days to pay: that is its due
/// date. A field left unset is a step the plan does not take: with no `firstAfterDays` (the
/// default) only invoices given a reminder date are reminded automatically (BR-12), and with no
/// `collectionAfterDays` nothing goes to collection by plan.
public struct ReminderPlan: Hashable, Sendable, JSONRepresentable {
  /// Whether an invoice whose collection day has come is sent at once or listed for review.
  public enum Collection: String, Hashable, Sendable, CaseIterable {
    case manual, automatic
  }

  /// The days a reminder gives the customer to pay (printed on the reminder).
  public static let reminderTermsDays = 10

  /// The first reminder: this many days after the invoice's due date.
  public var firstAfterDays: Int?
  /// The fee of each reminder sent by plan (unset: the customer's, else the creditor's
  /// `reminderFee`).
  public var fee: Amount?
  /// A second reminder: this many days after the first reminder's due date.
  public var secondAfterDays: Int?
  /// Collection: this many days after the last reminder's due date (or the invoice's, when the
  /// plan has no reminders).
  public var collectionAfterDays: Int?
  /// `manual` (listed for review; the default) or `automatic`.
  public var collection: Collection?

  public init(
    firstAfterDays: Int? = nil, fee: Amount? = nil, secondAfterDays: Int? = nil,
    collectionAfterDays: Int? = nil, collection: Collection? = nil
  ) {
    self.firstAfterDays = firstAfterDays
    self.fee = fee
    self.secondAfterDays = secondAfterDays
    self.collectionAfterDays = collectionAfterDays
    self.collection = collection
  }

  /// Whether no field is set.
  public var isEmpty: Bool { self == ReminderPlan() }

  /// This plan with the fields `other` sets replaced by its values.
  public func overridden(by other: ReminderPlan?) -> ReminderPlan {
    guard let other else { return self }
    return ReminderPlan(
      firstAfterDays: other.firstAfterDays ?? firstAfterDays, fee: other.fee ?? fee,
      secondAfterDays: other.secondAfterDays ?? secondAfterDays,
      collectionAfterDays: other.collectionAfterDays ?? collectionAfterDays,
      collection: other.collection ?? collection)
  }

  public static let fields: Set<String> = [
    "firstAfterDays", "fee", "secondAfterDays", "collectionAfterDays", "collection",
  ]

  public init(json: JSONReader) throws {
    try json.allowOnly(ReminderPlan.fields)
    firstAfterDays = try json.optionalInt("firstAfterDays")
    fee = try json.optionalAmount("fee")
    secondAfterDays = try json.optionalInt("secondAfterDays")
    collectionAfterDays = try json.optionalInt("collectionAfterDays")
    if try json.optionalMember("collection") != nil {
      collection = try json.choice("collection", as: Collection.self)
    }
    if let problem = validationProblem() { throw json.error(problem.message, at: problem.field) }
  }

  public var jsonValue: JSONValue {
    var object = JSONObject()
    object.set("firstAfterDays", firstAfterDays.map { .integer($0) })
    object.set("fee", fee?.jsonValue)
    object.set("secondAfterDays", secondAfterDays.map { .integer($0) })
    object.set("collectionAfterDays", collectionAfterDays.map { .integer($0) })
    object.set("collection", collection.map { .string($0.rawValue) })
    return .object(object)
  }

  /// What is wrong with the plan, if anything (the field under `reminderPlan`).
  public func validationProblem() -> (field: String, message: String)? {
    for (field, days) in [
      ("firstAfterDays", firstAfterDays), ("secondAfterDays", secondAfterDays),
      ("collectionAfterDays", collectionAfterDays),
    ] {
      if let days, !(0...365).contains(days) { return (field, "a plan's step is 0 to 365 days") }
    }
    if let fee, fee < .zero || !Limits.contains(fee) {
      return ("fee", "a fee is zero or more, within the limits of an amount")
    }
    return nil
  }
}
