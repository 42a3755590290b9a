import CapstanModel

/// A path's company or stakeholder, given by id or by name (any case), as the CLI takes names.
///
/// A name two of them share names neither (not found): the caller must give the id, rather
/// than the server picking one of the two.
enum Lookup {
  static func company(_ key: String, in companies: [Company]) -> Company? {
    find(key, in: companies, id: \.id.rawValue, name: \.name)
  }

  static func stakeholder(_ key: String, in stakeholders: [Stakeholder]) -> Stakeholder? {
    find(key, in: stakeholders, id: \.id.rawValue, name: \.name)
  }

  /// The item whose id is `key`; else the only one named `key` exactly; else the only one
  /// named `key` in any case.
  private static func find<Item>(
    _ key: String, in items: [Item], id: KeyPath<Item, String>, name: KeyPath<Item, String>
  ) -> Item? {
    if let byID = items.first(where: { $0[keyPath: id] == key }) { return byID }
    let exact = items.filter { $0[keyPath: name] == key }
    if !exact.isEmpty { return exact.count == 1 ? exact[0] : nil }
    let folded = items.filter { $0[keyPath: name].lowercased() == key.lowercased() }
    return folded.count == 1 ? folded[0] : nil
  }
}
