import CapstanModel

extension PreRoundCapitalization {
  /// The capitalization of a ledger snapshot: per stakeholder, stock as converted and options
  /// and warrants outstanding (as `OwnershipView` counts them fully diluted); the unissued pool
  /// is every plan's available shares.
  ///
  /// Preferred converts per holder and class at the class's current ratio, fractions of a share
  /// dropped, as `OwnershipView` counts it (both read `CompanyCapitalization`). Holdings are
  /// keyed by stakeholder id, shown by `CompanyCapitalization.holderNames` (the id added to a
  /// name two stakeholders share), and ordered largest first, then by name.
  /// The ledger does not record pro rata rights yet, so they are passed in.
  public init(_ table: CapTable, proRataHolders: Set<Stakeholder.ID> = []) {
    self.init(table, CompanyCapitalization(table), proRataHolders: proRataHolders)
  }

  /// The capitalization of a ledger snapshot from its counts (`CompanyCapitalization`).
  public init(
    _ table: CapTable, _ capitalization: CompanyCapitalization,
    proRataHolders: Set<Stakeholder.ID> = []
  ) {
    let stock = capitalization.stockByHolder
    let options = capitalization.rightsByHolder
    let holderName = CompanyCapitalization.holderNames(table)
    let holders = Set(stock.keys).union(options.keys)
    var holdings = holders.map { id in
      Holding(
        .stakeholder(id, name: holderName(id)), stock: stock[id] ?? .zero,
        options: options[id] ?? .zero, proRataRight: proRataHolders.contains(id))
    }
    func total(_ holding: Holding) -> Ratio { holding.stock.ratio + holding.options.ratio }
    holdings.sort {
      (total($0), $1.name, $1.stakeholder?.rawValue ?? "")
        > (total($1), $0.name, $0.stakeholder?.rawValue ?? "")
    }
    let pool = capitalization.poolAvailable
    self.init(holdings: holdings, unissuedPool: Shares(Int64(clamping: pool.floor)))
  }
}
