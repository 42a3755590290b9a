/// Recording offers (`capstan offer add|remove`): kept beside the ledger, written in the same
/// transaction as the rest of the write.
extension WorkspaceDraft {
  /// The company's current offers, including this write's changes, in the order added.
  public func offers(for company: Company.ID) throws -> [Offer] {
    OfferChange.current(
      try loadOffers(company) + changes.offers.filter { $0.company == company }.map(\.item))
  }

  /// Adds an offer; its name must be new among the company's current offers.
  public mutating func addOffer(_ offer: Offer, to company: Company.ID) throws {
    var offer = offer
    offer.name = offer.name.trimmingSpaces
    if let reason = NameText.problem(offer.name) {
      throw LedgerError.invalidName(kind: "financing offer", name: offer.name, reason: reason)
    }
    let ledger = try ledger(for: company)
    guard offer.closing >= ledger.company.incorporated else {
      throw LedgerError.beforeIncorporation(
        date: offer.closing, incorporated: ledger.company.incorporated,
        company: ledger.company.name)
    }
    let taken = try offers(for: company).map { $0.name.lowercased() }
    guard !taken.contains(offer.name.lowercased()) else {
      throw LedgerError.duplicateName(kind: "financing offer", name: offer.name)
    }
    changes.offers.append(CompanyItem(company: company, item: .added(offer)))
  }

  /// Removes the company's current offer named `name` (any case): a tombstone is recorded and
  /// the name is free again; the offer's earlier record stays in the store.
  @discardableResult
  public mutating func removeOffer(named name: String, from company: Company.ID) throws -> Offer {
    let current = try offers(for: company)
    guard let offer = current.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw OfferError.unknown(name, known: current.map(\.name))
    }
    changes.offers.append(CompanyItem(company: company, item: .removed(name: offer.name)))
    return offer
  }
}

/// A problem with an offer named in a command.
public enum OfferError: Error, Equatable, CustomStringConvertible {
  /// No current offer has that name.
  case unknown(String, known: [String])

  /// A sentence stating the fact.
  public var description: String {
    switch self {
    case .unknown(let name, let known):
      let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
      return "no offer named '\(name)' for this company (offers: \(list))"
    }
  }
}

extension Workspace {
  /// The company's current offer named `name` (any case).
  public func offer(named name: String, company: Company.ID) throws -> Offer {
    let current = try offers(for: company)
    guard let offer = current.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw OfferError.unknown(name, known: current.map(\.name))
    }
    return offer
  }
}
