import CapstanModel

extension RoundInput {
  /// The engine's input for saved terms on a snapshot: its capitalization, and every SAFE and
  /// note outstanding on the closing date.
  public init(terms: RoundTerms, table: CapTable, closing: CalendarDate, rounding: RoundingPolicy) {
    var safes: [SAFE] = []
    var notes: [ConvertibleNote] = []
    for (_, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      switch position {
      case .safe(let safe, let issued):
        var converting = SAFE(safe, holder: table.name(of: safe.holder), issued: issued)
        if let adopted = terms.mfnAdoptions?[safe.security.rawValue] {
          converting.mostFavoredNation = .adopting(SecurityID(adopted))
        }
        safes.append(converting)
      case .note(let note, let issued):
        notes.append(ConvertibleNote(note, holder: table.name(of: note.holder), issued: issued))
      }
    }
    let valuation: Valuation =
      switch terms.valuation {
      case .preMoney(let value): .preMoney(value)
      case .postMoney(let value): .postMoney(value)
      case .pricePerShare(let value): .pricePerShare(value)
      }
    let pool: PoolTopUp =
      switch terms.pool {
      case .none: .none
      case .increase(let shares): .increase(shares)
      case .target(let fraction): .targetPostMoney(fraction)
      }
    let choices = terms.proRata ?? []
    let named = Set(choices.map { $0.holder.lowercased() })
    let holders = Set(
      table.stakeholders.values.filter { named.contains($0.name.lowercased()) }.map(\.id))
    let elections = choices.map { choice in
      let take: ProRataTake =
        switch choice.take {
        case .full: .full
        case .declined: .declined
        case .amount(let amount): .amount(amount)
        }
      let known = table.stakeholders.values.first {
        $0.name.lowercased() == choice.holder.lowercased()
      }
      return ProRataElection(known?.name ?? choice.holder, take: take)
    }
    self.init(
      capitalization: PreRoundCapitalization(table, proRataHolders: holders), safes: safes,
      notes: notes, valuation: valuation,
      investors: terms.allInvestments.map { Investor($0.investor, amount: $0.amount) }, pool: pool,
      pricingBasis: terms.pricingIncludesConversions
        ? .includingConversions : .excludingConversions,
      proRata: elections, closing: closing, rounding: rounding)
  }
}

extension RoundResult {
  /// The numbers a saved round is checked against at closing: price, pool increase, and the
  /// shares of every investor and converting security.
  public var keyNumbers: [String: String] {
    var numbers = [
      "price": price.rounded.exactDecimalString ?? price.rounded.fractionString,
      "pool increase": String(pool.increase.count),
    ]
    for investor in investors {
      numbers["shares of \(investor.name)"] = String(investor.shares.count)
    }
    for conversion in conversions {
      numbers["shares of \(conversion.id)"] = String(conversion.shares.count)
    }
    return numbers
  }

  /// What closing the round writes.
  public func closing(newClass: NewClassTerms, antiDilution: [ClassAntiDilution] = [])
    -> RoundClosing
  {
    var purchases = investors.map { RoundClosing.Purchase(investor: $0.name, shares: $0.shares) }
    for allocation in proRata where allocation.shares > .zero {
      purchases.append(
        RoundClosing.Purchase(investor: allocation.holder, shares: allocation.shares))
    }
    return RoundClosing(
      date: closing, newClass: newClass, price: price.rounded, purchases: purchases,
      conversions: conversions.map {
        RoundClosing.ConversionOrder(security: $0.id, shares: $0.shares, price: $0.conversionPrice)
      },
      poolIncrease: pool.increase,
      conversionPriceChanges: antiDilution.map {
        ConversionPriceChange(shareClass: $0.shareClass, newConversionPrice: $0.adjustment.cp2)
      })
  }
}
