import CapstanModel

extension PreRoundCapitalization {
  /// The capitalization of a ledger snapshot: per stakeholder, stock as converted and options
  /// and warrants outstanding (as `OwnershipView` counts them fully diluted); the unissued pool
  /// is every plan's available shares.
  ///
  /// Preferred converts per holder and class at the class's current ratio, fractions of a share
  /// dropped, as `OwnershipView` counts it. Holdings are ordered largest first, then by name.
  /// The ledger does not record pro rata rights yet, so they are passed in.
  public init(_ table: CapTable, proRataHolders: Set<Stakeholder.ID> = []) {
    struct Key: Hashable {
      let holder: Stakeholder.ID
      let shareClass: ShareClass.ID
    }
    var stockByKey: [Key: Ratio] = [:]
    for position in table.stock.values {
      stockByKey[Key(holder: position.holder, shareClass: position.shareClass), default: .zero] +=
        position.quantity.ratio
    }
    var stock: [Stakeholder.ID: Ratio] = [:]
    for (key, shares) in stockByKey {
      let ratio = table.classes[key.shareClass]?.conversionRatio ?? .one
      stock[key.holder, default: .zero] += Ratio((shares * ratio).floor)
    }
    var options: [Stakeholder.ID: Ratio] = [:]
    for grant in table.options.values where grant.outstanding > .zero {
      options[grant.holder, default: .zero] += grant.outstanding.ratio
    }
    for warrant in table.warrants.values where warrant.outstanding > .zero {
      options[warrant.issuance.holder, default: .zero] += warrant.outstanding.ratio
    }
    let holders = Set(stock.keys).union(options.keys)
    var holdings = holders.map { id in
      var holding = Holding(
        table.name(of: id),
        stock: Shares(Int64(clamping: (stock[id] ?? .zero).floor)),
        options: Shares(Int64(clamping: (options[id] ?? .zero).floor)),
        proRataRight: proRataHolders.contains(id))
      holding.stakeholder = id
      return holding
    }
    func total(_ holding: Holding) -> Ratio { holding.stock.ratio + holding.options.ratio }
    holdings.sort { (total($0), $1.holder) > (total($1), $0.holder) }
    let pool = table.plans.values.reduce(Ratio.zero) { $0 + $1.available.ratio }
    self.init(holdings: holdings, unissuedPool: Shares(Int64(clamping: pool.floor)))
  }
}
