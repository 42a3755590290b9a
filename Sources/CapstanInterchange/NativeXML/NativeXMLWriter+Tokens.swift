import CapstanModel

extension NativeXMLWriter {
  /// The tokens the company's compute grants use, by symbol; a grant whose token `market` does
  /// not define is refused (the file could not be imported).
  static func usedTokens(_ ledger: Ledger, _ market: TokenMarket) throws(NativeXMLWriteError)
    -> [ComputeToken]
  {
    var used: [String: ComputeToken] = [:]
    for transaction in ledger.transactions {
      guard case .grantCompute(let grant) = transaction.event else { continue }
      let key = grant.symbol.uppercased()
      guard used[key] == nil else { continue }
      guard let token = market.tokens[key] else {
        throw .unknownToken(symbol: grant.symbol, sequence: transaction.sequence)
      }
      used[key] = token
    }
    return used.sorted { $0.key < $1.key }.map(\.value)
  }

  /// `<tokens>`: each token with its dated market prices, then its costs to serve (every mark,
  /// corrections included, in date order and recording order within a date).
  static func emit(
    _ tokens: [ComputeToken], market: TokenMarket, costs: TokenCosts, into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    w.raw("  <tokens>\n")
    for token in tokens {
      let marks = market.prices(token.symbol).marks
      let costMarks = costs.marks[token.symbol.uppercased()] ?? []
      try w.element(
        "token",
        [
          "symbol": token.symbol, "issuer": token.issuer.rawValue, "unit": token.unit,
          "units-per-token": number(token.unitsPerToken), "peg": token.peg.map(number),
        ], indent: 2, close: marks.isEmpty && costMarks.isEmpty)
      guard !marks.isEmpty || !costMarks.isEmpty else { continue }
      for mark in marks {
        try w.element("price", ["date": mark.date.iso, "value": number(mark.price)], indent: 3)
      }
      for mark in costMarks {
        try w.element(
          "cost", ["date": mark.date.iso, "per-unit": number(mark.costPerUnit)], indent: 3)
      }
      w.raw("    </token>\n")
    }
    w.raw("  </tokens>\n")
  }

  /// `<compute-grant>` with its unlock schedule (`<vesting>` or `<price-gate>`; none: at grant)
  /// and its equity link.
  static func emit(_ g: ComputeGrant, seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let plain = g.unlock == .atGrant && g.equity == nil
    try w.element(
      LedgerEvent.Kind.computeGrant.rawValue,
      [
        "seq": seq, "date": date, "security": g.security.rawValue,
        "provider": g.provider.rawValue, "symbol": g.symbol, "tokens": String(g.tokens.count),
        "agreed-price": number(g.agreedPrice), "expires": g.expires?.iso,
        "clawback-on": g.clawbackOn,
      ], indent: 2, close: plain)
    guard !plain else { return }
    switch g.unlock {
    case .atGrant: break
    case .vesting(let schedule): try emit(schedule, indent: 3, into: &w)
    case .terms(let terms): try emit(terms, into: &w)
    case .priceGated(let gate):
      try w.element(
        "price-gate", ["start": gate.start.iso, "end": gate.end.iso], indent: 3,
        close: gate.tranches.isEmpty)
      if !gate.tranches.isEmpty {
        for tranche in gate.tranches {
          try w.element(
            "tranche",
            ["tokens": String(tranche.tokens.count), "target": number(tranche.target)], indent: 4)
        }
        w.raw("      </price-gate>\n")
      }
    }
    if let equity = g.equity {
      try w.element(
        "equity",
        [
          "security": equity.security.rawValue, "shares": String(equity.shares.count),
          "release": equity.release.rawValue,
        ], indent: 3)
    }
    w.raw("    </compute-grant>\n")
  }
}
