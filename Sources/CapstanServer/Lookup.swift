import CapstanModel

/// A path's company or stakeholder, given by id or by name (any case), as the CLI takes names.
enum Lookup {
  static func company(_ key: String, in companies: [Company]) -> Company? {
    companies.first { $0.id.rawValue == key } ?? companies.first { $0.name == key }
      ?? companies.first { $0.name.lowercased() == key.lowercased() }
  }

  static func stakeholder(_ key: String, in stakeholders: [Stakeholder]) -> Stakeholder? {
    stakeholders.first { $0.id.rawValue == key } ?? stakeholders.first { $0.name == key }
      ?? stakeholders.first { $0.name.lowercased() == key.lowercased() }
  }
}
