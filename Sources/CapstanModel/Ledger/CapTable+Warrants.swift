extension CapTable {
  /// Exercises part or all of a warrant: the warrant's outstanding shares go down and its
  /// holder receives a new stock security of the warrant's class at the exercise price.
  ///
  /// The warrant's outstanding shares were already reserved against the class's authorized
  /// shares, so an exercise normally moves shares from reserved to issued; the room is still
  /// checked, since a reverse split of the class can leave less authorized than the warrant
  /// reserves.
  mutating func exerciseWarrant(
    _ warrant: WarrantPosition, _ exercise: Exercise, on date: CalendarDate
  ) throws(LedgerError) {
    let terms = warrant.issuance
    let holder = name(of: terms.holder)
    try requirePositive(exercise.quantity, "exercise of warrant \(terms.security)")
    if let expires = terms.expires, date > expires {
      throw .warrantExpired(warrant: terms.security, holder: holder, expires: expires, date: date)
    }
    guard exercise.quantity <= warrant.outstanding else {
      throw .exceedsWarrant(
        warrant: terms.security, holder: holder, outstanding: warrant.outstanding,
        requested: exercise.quantity, date: date)
    }
    let state = try requireClass(terms.shareClass)
    try claimStock(exercise.resultingSecurity)
    warrants.update(terms.security) { $0.outstanding -= exercise.quantity }
    let own = StockPosition(
      security: exercise.resultingSecurity, holder: terms.holder, shareClass: terms.shareClass,
      quantity: exercise.quantity, pricePerShare: warrant.strike, date: date, vesting: nil)
    if exercise.issuedStock != nil { return try issueExercisedStock(exercise, own: own) }
    // What the class holds besides these shares: issued, and reserved by plans and warrants
    // (this warrant counting only what is left of it).
    let committed: Shares
    do throws(ValueError) {
      committed = try state.outstanding.adding(reserved(for: terms.shareClass))
    } catch {
      throw .value(error)
    }
    guard committed <= state.authorized, exercise.quantity <= state.authorized - committed else {
      throw .warrantExceedsAuthorized(
        warrant: terms.security, holder: holder, className: state.definition.name,
        authorized: state.authorized, committed: committed, requested: exercise.quantity)
    }
    try issueExercisedStock(exercise, own: own)
  }
}
