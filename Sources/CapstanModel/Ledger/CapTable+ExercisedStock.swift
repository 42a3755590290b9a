extension CapTable {
  /// Issues the stock of an exercise whose options or warrant shares are already consumed: the
  /// stock the exercise records (`Exercise.issuedStock`), else `own` (what the exercise issues
  /// by itself).
  ///
  /// Recorded stock is checked like an issuance: a known holder and class, a positive quantity,
  /// a price that is not negative, and room under the class's authorized shares (the consumed
  /// options or warrant shares no longer reserve any).
  mutating func issueExercisedStock(_ exercise: Exercise, own: StockPosition) throws(LedgerError) {
    guard let issued = exercise.issuedStock else {
      classes.update(own.shareClass) { $0.outstanding += own.quantity }
      addStock(own)
      return
    }
    let what = "stock issued on exercise of \(exercise.grant) (\(exercise.resultingSecurity))"
    try requireHolder(issued.holder)
    let state = try requireClass(issued.shareClass)
    try requirePositive(issued.quantity, what)
    guard !issued.pricePerShare.isNegative else { throw .negativePrice(what: what) }
    try requireRoom(in: state, for: issued.quantity)
    classes.update(issued.shareClass) { $0.outstanding += issued.quantity }
    addStock(
      StockPosition(
        security: exercise.resultingSecurity, holder: issued.holder,
        shareClass: issued.shareClass, quantity: issued.quantity,
        pricePerShare: issued.pricePerShare, date: own.date, vesting: nil))
  }
}
