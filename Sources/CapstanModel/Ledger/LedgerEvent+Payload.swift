/// What every layer asks of an event, answered by its payload (`LedgerEventPayload`) through
/// `visit(_:)`: no switch over the cases outside `LedgerEvent.swift`.
extension LedgerEvent {
  /// The event of a payload.
  public init(_ payload: some LedgerEventPayload) {
    self = payload.ledgerEvent
  }

  /// The kind of event, whose word is stored and shown (`issue`, `grant`, ...).
  @inlinable public var kind: Kind { visit(KindOf()) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { visit(SecurityIDsOf()) }

  /// What the event can open (`SecurityCapacity`).
  public var capacity: SecurityCapacity.Opens { visit(CapacityOf()) }

  /// The payload when it is a `Payload` (`event.payload(as: SAFEIssuance.self)`), else nil.
  /// Inlinable, so a caller's check specializes into a test of the one case.
  @inlinable
  public func payload<Payload: LedgerEventPayload>(as type: Payload.Type) -> Payload? {
    visit(PayloadAs<Payload>())
  }

  /// The event with every stakeholder, class and plan id it names passed through the given
  /// maps (importers use it to move a file's ids onto the workspace's); security ids are kept.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> LedgerEvent {
    withoutActuallyEscaping(holder) { holder in
      withoutActuallyEscaping(shareClass) { shareClass in
        withoutActuallyEscaping(plan) { plan in
          visit(MappingIdentifiers(holder: holder, shareClass: shareClass, plan: plan))
        }
      }
    }
  }

  /// The security the event creates and the id people know it by (an OCF `custom_id`), when
  /// the event records one: the issued or granted security, an exercise's or conversion's
  /// stock, a transfer's transferee security. A balance security's id is `balanceCustomID`.
  public var customID: (security: SecurityID, customID: String)? { visit(CustomIDOf()) }

  /// The balance security a partial transfer, cancellation or repurchase leaves and the id
  /// people know it by, when the event records one.
  public var balanceCustomID: (security: SecurityID, customID: String)? {
    visit(CustomIDOf(balance: true))
  }

  /// Every security the event creates that has a custom id, with that id.
  public var customIDs: [(security: SecurityID, customID: String)] {
    [customID, balanceCustomID].compactMap { $0 }
  }

  /// The event with `customID` as the id people know the security it creates by (stores and
  /// readers use it); an event that creates no security with such an id is returned as it is.
  public func withCustomID(_ customID: String?) -> LedgerEvent {
    guard let customID else { return self }
    return visit(WithCustomID(customID: customID))
  }

  /// The event with `customID` as the id people know its balance security by; an event that
  /// leaves no balance security is returned as it is.
  public func withBalanceCustomID(_ customID: String?) -> LedgerEvent {
    guard let customID else { return self }
    return visit(WithCustomID(customID: customID, balance: true))
  }
}

@usableFromInline
struct KindOf: LedgerEventVisitor {
  @inlinable init() {}
  @inlinable func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> LedgerEvent.Kind {
    Payload.kind
  }
}

private struct SecurityIDsOf: LedgerEventVisitor {
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> [SecurityID] {
    payload.securityIDs
  }
}

private struct CapacityOf: LedgerEventVisitor {
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> SecurityCapacity.Opens {
    Payload.capacity
  }
}

@usableFromInline
struct PayloadAs<Wanted: LedgerEventPayload>: LedgerEventVisitor {
  @inlinable init() {}
  @inlinable func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> Wanted? {
    Payload.kind == Wanted.kind ? payload as? Wanted : nil
  }
}

private struct CustomIDOf: LedgerEventVisitor {
  var balance = false
  func visit<Payload: LedgerEventPayload>(
    _ payload: Payload
  ) -> (security: SecurityID, customID: String)? {
    balance ? payload.customIDOfBalance : payload.customIDOfCreated
  }
}

private struct WithCustomID: LedgerEventVisitor {
  let customID: String
  var balance = false
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> LedgerEvent {
    (balance ? payload.withBalanceCustomID(customID) : payload.withCustomID(customID))
      .ledgerEvent
  }
}

private struct MappingIdentifiers: LedgerEventVisitor {
  let holder: (Stakeholder.ID) -> Stakeholder.ID
  let shareClass: (ShareClass.ID) -> ShareClass.ID
  let plan: (StockPlan.ID) -> StockPlan.ID
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> LedgerEvent {
    payload.mappingIdentifiers(holder: holder, shareClass: shareClass, plan: plan).ledgerEvent
  }
}
