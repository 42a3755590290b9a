extension LedgerEvent {
  /// The event with every stakeholder, class and plan id it names passed through the given
  /// maps (importers use it to move a file's ids onto the workspace's); security ids are kept.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> LedgerEvent {
    switch self {
    case .issueStock(var issuance):
      issuance.holder = holder(issuance.holder)
      issuance.shareClass = shareClass(issuance.shareClass)
      return .issueStock(issuance)
    case .grantOptions(var grant):
      grant.holder = holder(grant.holder)
      grant.plan = plan(grant.plan)
      return .grantOptions(grant)
    case .transfer(var transfer):
      transfer.to = holder(transfer.to)
      return .transfer(transfer)
    case .split(var split):
      split.shareClass = shareClass(split.shareClass)
      return .split(split)
    case .authorizeShares(var authorization):
      authorization.shareClass = shareClass(authorization.shareClass)
      return .authorizeShares(authorization)
    case .increasePool(var increase):
      increase.plan = plan(increase.plan)
      return .increasePool(increase)
    case .issueSAFE(var safe):
      safe.holder = holder(safe.holder)
      return .issueSAFE(safe)
    case .issueNote(var note):
      note.holder = holder(note.holder)
      return .issueNote(note)
    case .issueWarrant(var warrant):
      warrant.holder = holder(warrant.holder)
      warrant.shareClass = shareClass(warrant.shareClass)
      return .issueWarrant(warrant)
    case .convert(var conversion):
      conversion.shareClass = shareClass(conversion.shareClass)
      return .convert(conversion)
    case .adjustConversionPrice(var change):
      change.shareClass = shareClass(change.shareClass)
      return .adjustConversionPrice(change)
    case .grantCompute(var grant):
      grant.provider = holder(grant.provider)
      return .grantCompute(grant)
    case .terminate(var termination):
      termination.holder = holder(termination.holder)
      return .terminate(termination)
    case .reachMilestone(var milestone):
      milestone.holder = milestone.holder.map(holder)
      return .reachMilestone(milestone)
    case .amendClass(var amendment):
      amendment.shareClass = shareClass(amendment.shareClass)
      return .amendClass(amendment)
    case .mergeHolders(var merge):
      merge.from = holder(merge.from)
      merge.into = holder(merge.into)
      return .mergeHolders(merge)
    case .amendPlan(var amendment):
      amendment.plan = plan(amendment.plan)
      return .amendPlan(amendment)
    case .exercise(var exercise):
      guard var issued = exercise.issuedStock else { return self }
      issued.holder = holder(issued.holder)
      issued.shareClass = shareClass(issued.shareClass)
      exercise.issuedStock = issued
      return .exercise(exercise)
    case .cancel, .repurchase, .redeemTokens, .sellTokens, .clawbackTokens,
      .changeOfControl, .accelerateVesting, .void:
      return self
    }
  }
}
