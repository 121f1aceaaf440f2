/// By customer id, the customer as the invoices attested since its last change show it: one
/// box those invoices share, made when the first of them is attested (a box for each invoice
/// took 290 bytes of every invoice in a large book).
///
/// What is kept here is made again from the register whenever it is missing: it is not part
/// of a book's state, and shows nothing when reflected, so that two books alike look alike
/// whichever of them made its boxes.
struct SharedRecipients: Sendable, CustomReflectable {
  private var boxes: [SharedCustomer?] = []

  /// The box of customer `id`, made from `customer` when there is none.
  mutating func box(for id: Int, _ customer: Customer) -> SharedCustomer {
    if id >= boxes.count {
      boxes.append(contentsOf: repeatElement(nil, count: id + 1 - boxes.count))
    }
    if let shared = boxes[id] { return shared }
    let shared = SharedCustomer(customer)
    boxes[id] = shared
    return shared
  }

  /// Lets go of customer `id`'s box: the customer changed.
  mutating func forget(_ id: Int) {
    if id < boxes.count { boxes[id] = nil }
  }

  var customMirror: Mirror { Mirror(self, children: [:]) }
}
