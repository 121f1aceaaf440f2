extension Amount {
  /// Splits the amount over `weights` so that the parts add up to the amount exactly.
  ///
  /// Each part is first the exact share `self × weight / Σweights` rounded down; the öre left
  /// over go one each to the parts with the largest remainders (the largest remainder method),
  /// earlier parts first on a tie. Weights may be negative as long as their sum is not zero.
  ///
  /// ```swift
  /// Amount(ore: 300_000).allocated(proportionallyTo: [800_000, 200_000, 100_000, 12_000])
  /// // [215 827, 53 957, 26 979, 3 237] öre
  /// ```
  ///
  /// - Returns: one part per weight; all zero when the sum of the weights is zero.
  public func allocated(proportionallyTo weights: [Int64]) -> [Amount] {
    var total = Int128(0)
    for weight in weights { total += Int128(weight) }
    guard total != 0 else { return weights.map { _ in .zero } }
    // Split over weights that add up to the amount itself, each part is its weight exactly.
    if total == Int128(ore) { return weights.map(Amount.init(ore:)) }
    let sign: Int128 = total < 0 ? -1 : 1
    let divisor = total * sign
    var parts = [Int64](repeating: 0, count: weights.count)
    var remainders = [(remainder: Int128, index: Int)]()
    remainders.reserveCapacity(weights.count)
    var allocated = Int128(0)
    for (index, weight) in weights.enumerated() {
      let numerator = Int128(ore) * Int128(weight) * sign
      var quotient = numerator / divisor
      var remainder = numerator % divisor
      if remainder < 0 {
        quotient -= 1
        remainder += divisor
      }
      parts[index] = Int64(quotient)
      allocated += quotient
      remainders.append((remainder, index))
    }
    var leftover = Int(Int128(ore) - allocated)
    remainders.sort {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
    }
    var position = 0
    while leftover > 0 {
      parts[remainders[position % remainders.count].index] += 1
      leftover -= 1
      position += 1
    }
    return parts.map(Amount.init(ore:))
  }

  /// Splits the amount over weights given as amounts (see ``allocated(proportionallyTo:)-([Int64])``).
  public func allocated(proportionallyTo weights: [Amount]) -> [Amount] {
    var total = Int128(0)
    for weight in weights { total += Int128(weight.ore) }
    // As above, each part its weight exactly; the weights are the parts, without a copy.
    if total != 0 && total == Int128(ore) { return weights }
    return allocated(proportionallyTo: weights.map(\.ore))
  }
}
