/// What every ledger event's payload knows about itself: its kind, the securities it names,
/// how importers move its ids, what it can open, and how it changes the snapshot.
///
/// Each payload lives in a file of its own under `Ledger/Events/`, with its conformance; the
/// one enum of events and its dispatch are in `LedgerEvent.swift`. Stores and file formats
/// find the payload's codec through a table keyed by `kind`.
public protocol LedgerEventPayload: Sendable, Hashable, Codable {
  /// The event's kind, whose word is stored, written and shown.
  static var kind: LedgerEvent.Kind { get }
  /// The payload as a ledger event (its case of `LedgerEvent`).
  var ledgerEvent: LedgerEvent { get }
  /// Every security id the event creates or names.
  var securityIDs: [SecurityID] { get }
  /// What the event can open, counted before a replay to size its tables (default: nothing).
  static var capacity: SecurityCapacity.Opens { get }
  /// The payload with every stakeholder, class and plan id it names passed through the maps
  /// (importers use it to move a file's ids onto the workspace's); security ids are kept.
  /// Default: the payload as it is (it names none).
  func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self
  /// Changes the snapshot as the event does on `date`, validating it against the state so far.
  func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError)
  /// The security the event creates and the id people know it by (an OCF `custom_id`), when
  /// the payload records one (default: none).
  var customIDOfCreated: (security: SecurityID, customID: String)? { get }
  /// The balance security the event leaves and the id people know it by (default: none).
  var customIDOfBalance: (security: SecurityID, customID: String)? { get }
  /// The payload with `customID` as the id people know the security it creates by (default:
  /// the payload as it is).
  func withCustomID(_ customID: String) -> Self
  /// The payload with `customID` as the id people know its balance security by (default: the
  /// payload as it is).
  func withBalanceCustomID(_ customID: String) -> Self
}

extension LedgerEventPayload {
  /// Opens nothing.
  public static var capacity: SecurityCapacity.Opens { .nothing }

  /// Names no stakeholder, class or plan.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self { self }

  /// Records no custom id.
  public var customIDOfCreated: (security: SecurityID, customID: String)? { nil }

  /// Leaves no balance security with a custom id.
  public var customIDOfBalance: (security: SecurityID, customID: String)? { nil }

  /// Creates no security with a custom id.
  public func withCustomID(_ customID: String) -> Self { self }

  /// Leaves no balance security.
  public func withBalanceCustomID(_ customID: String) -> Self { self }
}

/// A generic function of a payload, called by `LedgerEvent.visit(_:)` with the concrete
/// payload of an event: what the layers use instead of a switch over `LedgerEvent`.
public protocol LedgerEventVisitor {
  /// What the visit returns.
  associatedtype Output
  /// The result for one payload.
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> Output
}

/// The payload, boxed (`LedgerEvent.payload`).
struct AnyPayload: LedgerEventVisitor {
  func visit<Payload: LedgerEventPayload>(_ payload: Payload) -> any LedgerEventPayload {
    payload
  }
}
