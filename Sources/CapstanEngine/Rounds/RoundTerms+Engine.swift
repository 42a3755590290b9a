import CapstanModel

extension RoundInput {
  /// The engine's input for saved terms on a snapshot: its capitalization, and every SAFE and
  /// note outstanding on the closing date.
  ///
  /// Holders are keyed by stakeholder id. Investors and pro rata holders saved without an id
  /// (rounds saved by earlier versions, token investors) are resolved by name once, here
  /// (`RoundTerms.resolvingNames(in:)`); a pro rata holder no stakeholder has is kept by name,
  /// and the round refuses it for having no pro rata right.
  public init(terms: RoundTerms, table: CapTable, closing: CalendarDate, rounding: RoundingPolicy) {
    let holderName = CompanyCapitalization.holderNames(table)
    func participant(_ id: Stakeholder.ID) -> RoundParticipant {
      .stakeholder(id, name: holderName(id))
    }
    let stakeholders = table.stakeholders.values
    let terms = terms.resolvingNames(in: stakeholders)
    var safes: [SAFE] = []
    var notes: [ConvertibleNote] = []
    for (_, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      switch position {
      case .safe(let safe, let issued):
        var converting = SAFE(safe, holder: participant(safe.holder), issued: issued)
        if let adopted = terms.mfnAdoptions?[safe.security.rawValue] {
          converting.mostFavoredNation = .adopting(SecurityID(adopted))
        }
        safes.append(converting)
      case .note(let note, let issued):
        notes.append(ConvertibleNote(note, holder: participant(note.holder), issued: issued))
      }
    }
    let choices = terms.proRata ?? []
    let elections = choices.map { choice in
      ProRataElection(choice.stakeholder.map(participant) ?? choice.participant, take: choice.take)
    }
    // An investor is shown by the name the terms give it.
    let investors = terms.allInvestments.map { investment in
      let resolved = investment.resolvingName(in: stakeholders)
      return Investor(resolved.participant, amount: resolved.amount)
    }
    self.init(
      capitalization: PreRoundCapitalization(
        table, proRataHolders: Set(choices.compactMap(\.stakeholder))),
      safes: safes, notes: notes, valuation: terms.valuation, investors: investors,
      pool: terms.pool, pricingBasis: terms.pricingBasis, proRata: elections, closing: closing,
      rounding: rounding)
    proRataOnTop = terms.proRataOnTop ?? false
  }
}

extension RoundResult {
  /// The numbers a saved round is checked against at closing: price, pool increase, and the
  /// shares of every investor and converting security.
  public var keyNumbers: RoundKeyNumbers { RoundKeyNumbers(self) }

  /// The class each SAFE and note converts into, in conversion order: the round class's
  /// name, or under `.subSeries` a sub-series `<class>-1`, `<class>-2`, … for each one that
  /// converts below the round price (the YC "Safe Preferred Stock").
  public func conversionSeries(className: String, policy: ConversionSeries) -> [String] {
    var next = 1
    return conversions.map { conversion in
      guard policy == .subSeries, conversion.conversionPrice != price.rounded else {
        return className
      }
      defer { next += 1 }
      return "\(className)-\(next)"
    }
  }

  /// What closing the round writes: under `.subSeries` each SAFE and note converting below the
  /// round price gets its own sub-series of the new class, priced at its conversion price.
  public func closing(
    newClass: NewClassTerms, antiDilution: [ClassAntiDilution] = [],
    conversionSeries policy: ConversionSeries = .subSeries
  ) -> RoundClosing {
    var purchases = investors.map {
      RoundClosing.Purchase(investor: $0.investor, shares: $0.shares)
    }
    for allocation in proRata where allocation.shares > .zero {
      purchases.append(
        RoundClosing.Purchase(investor: allocation.holder, shares: allocation.shares))
    }
    let series = conversionSeries(className: newClass.name, policy: policy)
    return RoundClosing(
      date: closing, newClass: newClass, price: price.rounded, purchases: purchases,
      conversions: zip(conversions, series).map { conversion, name in
        RoundClosing.ConversionOrder(
          security: conversion.id, shares: conversion.shares, price: conversion.conversionPrice,
          subSeries: name == newClass.name ? nil : name)
      },
      poolIncrease: pool.increase,
      conversionPriceChanges: antiDilution.map {
        ConversionPriceChange(shareClass: $0.shareClass, newConversionPrice: $0.adjustment.cp2)
      })
  }
}
