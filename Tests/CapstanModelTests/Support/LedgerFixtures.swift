import CapstanModel
import Foundation
import Testing

/// The acceptance example, recorded through an `InMemoryWorkspace` as the CLI would:
///
/// company "Acme AI" (USD, incorporated 2025-01-15); class Common, 10,000,000 authorized;
/// Ada and Grace 4,000,000 Common each at $0.0001 on 2025-01-15 (CS-1, CS-2); plan "2025 Plan"
/// on Common reserving 1,000,000 (adopted 2025-01-15); Linus 250,000 options at $0.10 on
/// 2025-03-01 vesting 48/12/1 from the grant date (OP-1).
struct Acme {
  let workspace = InMemoryWorkspace()
  let company: Company.ID
  let ada: Stakeholder.ID
  let grace: Stakeholder.ID
  let linus: Stakeholder.ID
  let common: ShareClass.ID
  let plan: StockPlan.ID

  static let adaStock: SecurityID = "CS-1"
  static let graceStock: SecurityID = "CS-2"
  static let linusGrant: SecurityID = "OP-1"
  /// 48/12/1 from the grant date: 250,000 × m ÷ 48 once m ≥ 12.
  static let linusVesting = VestingSchedule(
    start: day("2025-03-01"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)

  init(
    cancellation: StockPlan.CancellationBehavior = .returnToPool, withGrant: Bool = true,
    expires: CalendarDate? = nil
  ) throws {
    let ids = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Acme AI", currency: .usd, incorporated: day("2025-01-15"))
      let ada = try draft.addStakeholder(name: "Ada")
      let grace = try draft.addStakeholder(name: "Grace")
      let linus = try draft.addStakeholder(name: "Linus")
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      let plan = try draft.addPlan(
        StockPlan(
          id: "x", name: "2025 Plan", shareClass: common.id, initialReserve: 1_000_000,
          adopted: day("2025-01-15"), cancellationBehavior: cancellation),
        to: company.id)
      var events: [(date: CalendarDate, event: LedgerEvent)] = [
        (
          day("2025-01-15"),
          .issueStock(
            StockIssuance(
              security: Acme.adaStock, holder: ada.id, shareClass: common.id,
              quantity: 4_000_000, pricePerShare: frac(1, 10000)))
        ),
        (
          day("2025-01-15"),
          .issueStock(
            StockIssuance(
              security: Acme.graceStock, holder: grace.id, shareClass: common.id,
              quantity: 4_000_000, pricePerShare: frac(1, 10000)))
        ),
      ]
      if withGrant {
        events.append(
          (
            day("2025-03-01"),
            .grantOptions(
              OptionGrant(
                security: Acme.linusGrant, holder: linus.id, plan: plan.id, quantity: 250_000,
                strike: frac(1, 10), vesting: Acme.linusVesting, expires: expires))
          ))
      }
      try draft.append(events, to: company.id)
      return (company.id, ada.id, grace.id, linus.id, common.id, plan.id)
    }
    (company, ada, grace, linus, common, plan) = ids
  }

  /// Records one event through a workspace write (validated by replaying the whole ledger).
  @discardableResult
  func record(_ date: String, _ event: LedgerEvent) throws -> Transaction {
    let added = try workspace.write { draft in
      try draft.append([(date: day(date), event: event)], to: company)
    }
    return added[0]
  }

  /// Records events in one write.
  func record(_ events: [(String, LedgerEvent)]) throws {
    try workspace.write { draft in
      try draft.append(events.map { (date: day($0.0), event: $0.1) }, to: company)
    }
  }

  /// The ledger's error when recording `event` is refused (an issue is recorded otherwise).
  func refusal(
    _ date: String, _ event: LedgerEvent, sourceLocation: SourceLocation = #_sourceLocation
  ) -> LedgerError? {
    let failure = #expect(throws: LedgerFailure.self, sourceLocation: sourceLocation) {
      try record(date, event)
    }
    return failure?.error
  }

  func ledger() throws -> Ledger { try workspace.ledger(for: company) }

  func table(asOf date: String? = nil) throws -> CapTable {
    try ledger().replay(asOf: date.map { day($0) })
  }

  // Events, briefly.

  func issue(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64,
    price: Ratio = frac(1, 10000), shareClass: ShareClass.ID? = nil,
    vesting: VestingSchedule? = nil
  ) -> LedgerEvent {
    .issueStock(
      StockIssuance(
        security: id, holder: holder, shareClass: shareClass ?? common, quantity: Shares(quantity),
        pricePerShare: price, vesting: vesting))
  }

  func grant(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64, strike: Ratio = frac(1, 10),
    plan: StockPlan.ID? = nil, vesting: VestingSchedule? = nil, expires: CalendarDate? = nil
  ) -> LedgerEvent {
    .grantOptions(
      OptionGrant(
        security: id, holder: holder, plan: plan ?? self.plan, quantity: Shares(quantity),
        strike: strike, vesting: vesting, expires: expires))
  }
}

/// Events that need no company context.
enum Event {
  static func exercise(_ grant: SecurityID, _ quantity: Int64, into id: SecurityID) -> LedgerEvent {
    .exercise(Exercise(grant: grant, quantity: Shares(quantity), resultingSecurity: id))
  }

  static func transfer(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64, into resulting: SecurityID,
    balance: SecurityID? = nil
  ) -> LedgerEvent {
    .transfer(
      Transfer(
        security: id, to: holder, quantity: Shares(quantity), resultingSecurity: resulting,
        balanceSecurity: balance))
  }

  static func cancel(_ id: SecurityID, _ quantity: Int64, balance: SecurityID? = nil)
    -> LedgerEvent
  {
    .cancel(
      Cancellation(
        security: id, quantity: Shares(quantity), balanceSecurity: balance, reason: "test"))
  }

  static func repurchase(
    _ id: SecurityID, _ quantity: Int64, price: Ratio, balance: SecurityID? = nil
  ) -> LedgerEvent {
    .repurchase(
      Repurchase(
        security: id, quantity: Shares(quantity), pricePerShare: price, balanceSecurity: balance))
  }

  static func split(_ shareClass: ShareClass.ID, _ ratio: Ratio) -> LedgerEvent {
    .split(StockSplit(shareClass: shareClass, ratio: ratio))
  }

  static func authorize(_ shareClass: ShareClass.ID, _ total: Int64) -> LedgerEvent {
    .authorizeShares(SharesAuthorization(shareClass: shareClass, newTotal: Shares(total)))
  }

  static func increasePool(_ plan: StockPlan.ID, _ quantity: Int64) -> LedgerEvent {
    .increasePool(PoolIncrease(plan: plan, quantity: Shares(quantity)))
  }
}

extension CapTable {
  /// Stock a holder holds, over all open securities (of one class when given).
  func stockHeld(by holder: Stakeholder.ID, in shareClass: ShareClass.ID? = nil) -> Shares {
    stock.values.filter {
      $0.holder == holder && (shareClass == nil || $0.shareClass == shareClass)
    }
    .reduce(Shares.zero) { $0 + $1.quantity }
  }

  /// Options a holder holds, outstanding.
  func optionsHeld(by holder: Stakeholder.ID) -> Shares {
    options.values.filter { $0.holder == holder }.reduce(Shares.zero) { $0 + $1.outstanding }
  }
}
