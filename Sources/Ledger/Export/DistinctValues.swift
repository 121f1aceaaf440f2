/// The distinct values of a long run in which few values repeat many times (the accounts and
/// objects of an export's rows): the values are looked through while they are few, and hashed
/// only once there are more than ``threshold``.
struct DistinctValues<Element: Hashable> {
  static var threshold: Int { 32 }

  private var few: [Element] = []
  private var many: Set<Element>?

  init() {}

  mutating func insert(_ value: Element) {
    if many != nil {
      many!.insert(value)
    } else if !few.contains(value) {
      few.append(value)
      if few.count > Self.threshold { many = Set(few) }
    }
  }

  /// The values, as a set.
  var set: Set<Element> { many ?? Set(few) }
}
