extension Investment {
  /// The investor as the round joins it: the stakeholder, or a new investor by name.
  public var participant: RoundParticipant {
    stakeholder.map { .stakeholder($0, name: investor) } ?? .newInvestor(investor)
  }

  /// The investment with its stakeholder found by name when no id is saved
  /// (`Stakeholder.named(_:in:)`); a name that matches nobody stays a new investor.
  public func resolvingName(in stakeholders: some Collection<Stakeholder>) -> Investment {
    guard stakeholder == nil, let found = Stakeholder.named(investor, in: stakeholders) else {
      return self
    }
    var copy = self
    copy.stakeholder = found.id
    return copy
  }
}

extension ProRataChoice {
  /// The holder as the round joins it: the stakeholder, or (a name no stakeholder has) a
  /// party the round refuses for having no pro rata right.
  public var participant: RoundParticipant {
    stakeholder.map { .stakeholder($0, name: holder) } ?? .newInvestor(holder)
  }
}

extension RoundTerms {
  /// The terms with every investor (cash or tokens) and pro rata holder that has a name but no
  /// id given the id of the stakeholder the name means (`Stakeholder.named(_:in:)`).
  ///
  /// Names become ids here, once: for names typed on the command line, and for rounds saved
  /// by earlier versions, which named holders only. An investor no stakeholder matches stays
  /// a new investor; a pro rata holder no stakeholder matches keeps no id (see
  /// `unresolvedProRataHolders`).
  public func resolvingNames(in stakeholders: some Collection<Stakeholder>) -> RoundTerms {
    var copy = self
    copy.investors = investors.map { $0.resolvingName(in: stakeholders) }
    copy.tokenConsideration = tokenConsideration?.map { investment in
      guard investment.stakeholder == nil,
        let found = Stakeholder.named(investment.investor, in: stakeholders)
      else { return investment }
      var resolved = investment
      resolved.stakeholder = found.id
      return resolved
    }
    copy.proRata = proRata?.map { choice in
      guard choice.stakeholder == nil,
        let found = Stakeholder.named(choice.holder, in: stakeholders)
      else { return choice }
      var resolved = choice
      resolved.stakeholder = found.id
      return resolved
    }
    return copy
  }

  /// The pro rata holders named without an id, in order (after `resolvingNames(in:)`: the
  /// names no stakeholder has).
  public var unresolvedProRataHolders: [String] {
    (proRata ?? []).filter { $0.stakeholder == nil }.map(\.holder)
  }
}
