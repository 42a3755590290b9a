import CapstanModel

extension NativeXMLReader {
  /// A `<void>` (naming an earlier transaction by its `seq`), a `<class-amendment>` or a
  /// `<holder-merge>`.
  func correction(_ kind: LedgerEvent.Kind, _ f: Fields) throws(ImportError) -> LedgerEvent {
    if kind == .void {
      let named = try f.int("transaction", in: 1...Int(Int32.max))
      guard let position = positions[named], position < transactionsRead else {
        throw f.error(
          "<void transaction=\"\(named)\">: no earlier transaction has seq=\"\(named)\"")
      }
      return .void(Voiding(transaction: position, reason: try f.text("reason")))
    }
    if kind == .planAmendment {
      let amendment = PlanAmendment(
        plan: try plan(f, "plan"),
        cancellationBehavior: f.optional("cancellation") == nil
          ? nil : try f.choice("cancellation"),
        adopted: try f.optionalDate("adopted"))
      guard !amendment.isEmpty else {
        throw f.error("<plan-amendment> needs cancellation=\"...\" or adopted=\"YYYY-MM-DD\"")
      }
      return .amendPlan(amendment)
    }
    if kind == .holderMerge {
      return .mergeHolders(HolderMerge(from: try holder(f, "from"), into: try holder(f, "into")))
    }
    let classID = try shareClass(f, "class")
    var preference: LiquidationPreference?
    if f.optional("multiple") != nil {
      let participation: Participation
      switch try f.required("participation") {
      case "none": participation = .none
      case "full": participation = .full
      case "capped": participation = .capped(multiple: try f.ratio("cap"))
      case let other:
        throw f.error(
          "<class-amendment participation=\"\(other)\">: expected none, full or capped")
      }
      preference = LiquidationPreference(
        multiple: try f.ratio("multiple"), participation: participation,
        seniority: try f.int("seniority", in: -1_000_000...1_000_000))
    } else if f.optional("participation") != nil || f.optional("seniority") != nil {
      throw f.error("<class-amendment>: participation and seniority come with multiple=...")
    }
    let antiDilution: AntiDilution? =
      f.optional("anti-dilution") == nil ? nil : try f.choice("anti-dilution")
    let amendment = ClassAmendment(
      shareClass: classID, preference: preference, antiDilution: antiDilution,
      votesPerShare: try f.optionalRatio("votes-per-share"))
    guard !amendment.isEmpty else {
      throw f.error("<class-amendment> changes no term (give multiple, anti-dilution or votes)")
    }
    return .amendClass(amendment)
  }
}
