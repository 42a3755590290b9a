import CapstanModel

/// `capstan user list`: each user's roles, one row per user and company (a user without a
/// role has one row without a company). Tokens are counted, never shown.
public struct UserListView: RenderedView {
  /// The users, roles and tokens.
  public var directory: AccessDirectory
  /// The companies, for their names.
  public var companies: [Company]
  /// A list has no date: nil.
  public var laterEntries: LaterEntries? { nil }

  /// A list of `directory`'s users.
  public init(_ directory: AccessDirectory, companies: [Company]) {
    self.directory = directory
    self.companies = companies
  }

  /// The CSV and JSON fields.
  public static let header = [
    "email", "id", "workspace_admin", "company", "role", "stakeholder", "tokens",
  ]

  private var rows: [[String]] {
    directory.users.flatMap { user -> [[String]] in
      let tokens = String(directory.tokens.filter { $0.user == user.id }.count)
      let admin = user.isAdmin ? "yes" : "no"
      let grants = directory.grants(of: user.id)
      guard !grants.isEmpty else {
        return [[user.email, user.id.rawValue, admin, "", "", "", tokens]]
      }
      return grants.map { grant in
        let name = companies.first { $0.id == grant.company }?.name ?? grant.company.rawValue
        return [
          user.email, user.id.rawValue, admin, name, grant.role.rawValue,
          grant.stakeholder?.rawValue ?? "", tokens,
        ]
      }
    }
  }

  /// The text table.
  public func text() -> String {
    guard !directory.users.isEmpty else { return "No users yet.\n" }
    var table = TextTable([
      ("E-mail", .left), ("Id", .left), ("Admin", .left), ("Company", .left), ("Role", .left),
      ("Stakeholder", .left), ("Tokens", .right),
    ])
    rows.forEach { table.add($0) }
    return table.render()
  }

  /// The CSV rows.
  public func csv() -> String { CSV.render(header: Self.header, rows: rows) }

  /// `{"users": [...]}`; an absent company, role or stakeholder is null.
  public func json() -> JSON {
    .object([
      (
        "users",
        .array(
          rows.map { row in
            .object(
              zip(Self.header, row).map { key, value in
                switch key {
                case "workspace_admin": (key, .bool(value == "yes"))
                case "tokens": (key, .int(Int64(value) ?? 0))
                case "company", "role", "stakeholder": (key, value.isEmpty ? .null : .string(value))
                default: (key, .string(value))
                }
              })
          })
      )
    ])
  }
}
