import CapstanModel

extension CompanyImage {
  /// Adds the file's compute tokens the workspace lacks, then their prices.
  ///
  /// Tokens are workspace-wide: a token the workspace already defines must be defined the same
  /// way (issuer, unit, units per token, peg), and a price it already has for a date must be the
  /// same; otherwise the import is refused at the file's line. Identical ones are skipped.
  func writeTokens(
    into draft: inout WorkspaceDraft, holders: [Stakeholder.ID: Stakeholder.ID]
  ) throws(ImportError) {
    guard !tokens.isEmpty || !tokenPrices.isEmpty || !tokenCosts.isEmpty else { return }
    var location = sourceFile
    do {
      let market = try draft.tokenMarket()
      for (index, token) in tokens.enumerated() {
        location = tokenSources.indices.contains(index) ? tokenSources[index] : sourceFile
        let issuer = holders[token.issuer] ?? token.issuer
        let issuerName =
          draft.stakeholders.first(where: { $0.id == issuer })?.name ?? issuer.rawValue
        guard let existing = market.tokens[token.symbol.uppercased()] else {
          try draft.addToken(
            symbol: token.symbol, issuer: issuerName, unit: token.unit,
            unitsPerToken: token.unitsPerToken, peg: token.peg)
          continue
        }
        var differences: [String] = []
        if existing.issuer != issuer {
          let name = draft.stakeholders.first(where: { $0.id == existing.issuer })?.name
          differences.append("issuer \(name ?? existing.issuer.rawValue), not \(issuerName)")
        }
        if existing.unit != token.unit {
          differences.append("unit '\(existing.unit)', not '\(token.unit)'")
        }
        if existing.unitsPerToken != token.unitsPerToken {
          differences.append(
            "\(existing.unitsPerToken.exactText) units per token, not \(token.unitsPerToken.exactText)"
          )
        }
        if existing.peg != token.peg {
          differences.append(
            "peg \(existing.peg?.exactText ?? "none"), not \(token.peg?.exactText ?? "none")"
          )
        }
        guard differences.isEmpty else {
          throw ImportError(
            location: location,
            message:
              "the workspace already defines the token \(existing.symbol) differently: "
              + differences.joined(separator: "; ")
              + " (tokens are shared by the workspace's companies; rename or align it)")
        }
      }
      for (index, mark) in tokenPrices.enumerated() {
        location = tokenPriceSources.indices.contains(index) ? tokenPriceSources[index] : sourceFile
        if let recorded = market.prices(mark.symbol).marks.first(where: { $0.date == mark.date }),
          recorded.price != mark.price
        {
          throw ImportError(
            location: location,
            message:
              "the workspace already records \(recorded.price.exactText) for \(mark.symbol) "
              + "on \(mark.date), not \(mark.price.exactText) (prices are append-only)")
        }
      }
      location = sourceFile
      try draft.recordTokenPrices(
        tokenPrices,
        sources: tokenPriceSources.count == tokenPrices.count ? tokenPriceSources : nil)
      try writeTokenCosts(into: &draft, location: &location)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: location, message: "\(error)")
    }
  }
}

extension CompanyImage {
  /// Records the file's costs to serve. A date the workspace already has costs for is skipped
  /// when the cost that applies on it is the file's, and refused otherwise (an import does not
  /// correct a cost: `token cost` does); other dates are recorded in the file's order.
  fileprivate func writeTokenCosts(into draft: inout WorkspaceDraft, location: inout String)
    throws
  {
    guard !tokenCosts.isEmpty else { return }
    let stored = try draft.tokenCosts()
    // The cost that applies on each date of the file: the last of the date's marks.
    var fileCosts: [String: Ratio] = [:]
    for mark in tokenCosts { fileCosts[Self.key(mark)] = mark.costPerUnit }
    for (index, mark) in tokenCosts.enumerated() {
      location = tokenCostSources.indices.contains(index) ? tokenCostSources[index] : sourceFile
      let sameDate = (stored.marks[mark.symbol.uppercased()] ?? []).filter { $0.date == mark.date }
      guard let recorded = sameDate.last?.costPerUnit else {
        try draft.recordTokenCost(
          symbol: mark.symbol, costPerUnit: mark.costPerUnit, date: mark.date)
        continue
      }
      let applying = fileCosts[Self.key(mark)] ?? mark.costPerUnit
      guard recorded == applying else {
        throw ImportError(
          location: location,
          message:
            "the workspace already records a cost of \(recorded.exactText) per unit for "
            + "\(mark.symbol) from \(mark.date), not \(applying.exactText) (an import does not "
            + "correct a cost)")
      }
    }
    location = sourceFile
  }

  private static func key(_ mark: TokenCostMark) -> String {
    mark.symbol.uppercased() + " " + mark.date.iso
  }
}

extension Ratio {
  /// A terminating decimal (`2.5`), else an exact fraction (`1/3`), as the XML writes numbers.
  fileprivate var exactText: String { exactDecimalString ?? fractionString }
}
