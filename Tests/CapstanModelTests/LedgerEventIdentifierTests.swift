import CapstanModel
import Testing

@Suite struct LedgerEventIdentifierTests {
  static func holder(_ id: Stakeholder.ID) -> Stakeholder.ID { Stakeholder.ID("w-" + id.rawValue) }
  static func shareClass(_ id: ShareClass.ID) -> ShareClass.ID { ShareClass.ID("w-" + id.rawValue) }
  static func plan(_ id: StockPlan.ID) -> StockPlan.ID { StockPlan.ID("w-" + id.rawValue) }

  /// Holders, classes and plans move onto the workspace's ids; security ids stay.
  @Test func idsAreMappedAndSecuritiesKept() {
    let transfer = LedgerEvent.transfer(
      Transfer(
        security: "CS-1", to: "ada", quantity: Shares(10), resultingSecurity: "CS-2",
        balanceSecurity: nil))
    let mapped = transfer.mappingIdentifiers(
      holder: Self.holder, shareClass: Self.shareClass, plan: Self.plan)
    guard case .transfer(let moved) = mapped else {
      Issue.record("not a transfer: \(mapped)")
      return
    }
    #expect(moved.to == "w-ada")
    #expect(moved.security == "CS-1")
    #expect(moved.resultingSecurity == "CS-2")

    let milestone = LedgerEvent.reachMilestone(
      MilestoneAchievement(name: "Launch", holder: "eve", security: "OP-1"))
    guard
      case .reachMilestone(let reached) = milestone.mappingIdentifiers(
        holder: Self.holder, shareClass: Self.shareClass, plan: Self.plan)
    else {
      Issue.record("not a milestone")
      return
    }
    #expect(reached.holder == "w-eve")
    #expect(reached.security == "OP-1")
  }
}
