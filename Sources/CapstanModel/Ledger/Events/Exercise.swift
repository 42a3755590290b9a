/// Options exercised into a new stock security of the plan's class, or a warrant exercised into
/// a new stock security of the warrant's class at its exercise price.
public struct Exercise: Sendable, Hashable, Codable {
  /// The option grant or warrant exercised.
  public var grant: SecurityID
  /// How many options, or shares of the warrant.
  public var quantity: Shares
  /// The stock security issued on exercise.
  public var resultingSecurity: SecurityID
  /// The stock issued, as recorded, when it is not the exercise's own (nil: the grant's
  /// holder, the plan's or warrant's class, `quantity` shares, at the strike).
  public var issuedStock: ExercisedStock?
  /// The id people know the resulting security by (its OCF `custom_id`), when it is not
  /// `resultingSecurity`.
  public var customID: String? = nil

  /// An exercise.
  public init(
    grant: SecurityID, quantity: Shares, resultingSecurity: SecurityID,
    issuedStock: ExercisedStock? = nil
  ) {
    self.grant = grant
    self.quantity = quantity
    self.resultingSecurity = resultingSecurity
    self.issuedStock = issuedStock
  }
}

extension Exercise: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.exercise`.
  public static var kind: LedgerEvent.Kind { .exercise }

  /// The event: `LedgerEvent.exercise`.
  public var ledgerEvent: LedgerEvent { .exercise(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [grant, resultingSecurity] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(openStock: 1, stockIDs: 1) }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    guard var issued = copy.issuedStock else { return self }
    issued.holder = holder(issued.holder)
    issued.shareClass = shareClass(issued.shareClass)
    copy.issuedStock = issued
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.exercise(self, on: date)
  }

  /// The security the event creates and the id people know it by, when recorded.
  public var customIDOfCreated: (security: SecurityID, customID: String)? {
    customID.map { (resultingSecurity, $0) }
  }

  /// The payload with `customID` as the id people know the security it creates by.
  public func withCustomID(_ customID: String) -> Self {
    var copy = self
    copy.customID = customID
    return copy
  }
}
