import CapstanEngine
import CapstanModel
import Foundation

/// Compute grants read from the ledgers and the workspace's token market (the token engine's
/// `ComputeGrantValuation`), reduced to `ComputeExposure`.
///
/// A snapshot is replayed once per date up to the ledger's last transaction; later dates reuse
/// it (nothing happens after the last transaction but unlocks, which the engine computes from
/// the date), so 24 months ahead cost no replays.
public final class LedgerComputeSource: ComputeSource, @unchecked Sendable {
  private let ledgers: [Company.ID: Ledger]
  private let market: TokenMarket
  private var cache: [Company.ID: [CalendarDate: CapTable]] = [:]
  private let lock = NSLock()

  /// A source over these ledgers and market.
  public init(ledgers: [Ledger], market: TokenMarket) {
    self.ledgers = Dictionary(
      ledgers.map { ($0.company.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.market = market
  }

  /// Every compute grant of the company on `date`, valued at the market price then (the peg,
  /// then the agreed price, when no market price is recorded).
  public func exposures(of company: Company.ID, asOf date: CalendarDate) throws
    -> [ComputeExposure]
  {
    guard let ledger = ledgers[company] else { return [] }
    let last = ledger.transactions.last?.date ?? ledger.company.incorporated
    let replayDate = min(date, last)
    let table: CapTable
    if let cached = lock.withLock({ cache[company]?[replayDate] }) {
      table = cached
    } else {
      table = try ledger.replay(asOf: replayDate)
      lock.withLock { cache[company, default: [:]][replayDate] = table }
    }
    guard !table.computeGrants.isEmpty, date >= ledger.company.incorporated else { return [] }
    var result: [ComputeExposure] = []
    for position in table.computeGrants.values.sorted(by: {
      ($0.date, $0.grant.security) < ($1.date, $1.grant.security)
    }) where position.date <= date {
      let token = try market.token(position.grant.symbol)
      let value = ComputeGrantValuation(
        position, token: token, prices: market.prices(token.symbol), asOf: date)
      let balances = value.balances
      result.append(
        ComputeExposure(
          grant: position.grant.security.rawValue, grantor: table.name(of: position.grant.provider),
          token: token.symbol, granted: balances.granted.ratio, unlocked: balances.unlocked.ratio,
          locked: balances.locked.ratio, redeemed: balances.redeemed.ratio,
          sold: balances.sold.ratio, forfeited: balances.expired.ratio + balances.clawedBack.ratio,
          gpuHoursPerToken: token.unitsPerToken, peg: token.peg ?? position.grant.agreedPrice,
          marketPrice: value.marketPrice, agreedPrice: position.grant.agreedPrice,
          equitySecurity: position.grant.equity?.security.rawValue,
          grantorID: position.grant.provider))
    }
    return result
  }
}
