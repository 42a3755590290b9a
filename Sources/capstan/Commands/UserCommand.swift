import ArgumentParser
import CapstanModel
import CapstanReports
import CapstanServer
import Foundation

extension Role: ExpressibleByArgument {}

/// `capstan user ...`: the people of the team server (docs/server.md), their roles per
/// company and their API tokens.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user",
    abstract:
      "Team server users: add, give a role, issue an API token, reset a password, list, remove.",
    discussion: """
      Roles per company, strongest first: admin (everything), editor (record, import, model,
      close), viewer (the whole cap table, read-only), summary (totals by class only),
      holder (one stakeholder's own securities and vesting; name it with --stakeholder).
      Examples:
        capstan user add cfo@acme.example --admin
        capstan user add counsel@law.example --company "Acme AI" --role editor
        capstan user add ada@acme.example --company "Acme AI" --role holder --stakeholder Ada
        capstan user token counsel@law.example
        capstan user reset ada@acme.example --url https://cap.acme.example
        printf '%s' "$PASSWORD" | capstan user reset cfo@acme.example --password-stdin
      See docs/server.md.
      """,
    subcommands: [Add.self, Token.self, List.self, Remove.self, Reset.self])

  /// `capstan user add EMAIL`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a user (if new) and give them a role in a company.")

    @Argument(help: "The user's e-mail.")
    var email: String
    @Option(help: "admin, editor, viewer, summary or holder (with --company).")
    var role: Role?
    @Option(help: "For a holder: the stakeholder they are (name or id).")
    var stakeholder: String?
    @Flag(help: "Make a new user an administrator of the whole workspace.")
    var admin = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if role == nil && !admin {
        throw ValidationError("give --role ROLE (with --company) or --admin")
      }
    }

    func run() throws {
      let store = try workspace.open()
      let company = try role.map { _ in try store.company(named: workspace.company) }
      let (user, added) = try store.write { draft in
        let existing = try draft.accessDirectory().user(email: email)
        let user = try existing ?? draft.addUser(email: email, isAdmin: admin)
        if let role, let company {
          try draft.grant(role, to: user.email, company: company.id, stakeholder: stakeholder)
        }
        return (user, existing == nil)
      }
      var line = added ? "Added \(user.email) (\(user.id))" : "\(user.email) (\(user.id))"
      if added && user.isAdmin { line += ", administrator of the workspace" }
      if let role, let company {
        line += ": \(role) of \(company.name)"
        if let stakeholder { line += " as \(stakeholder)" }
      }
      print(line)
    }
  }

  /// `capstan user token EMAIL`.
  struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "token",
      abstract: "Issue a new API token for a user and print it (once: only its hash is kept).")

    @Argument(help: "The user's e-mail.")
    var email: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let store = try workspace.open()
      let token = APITokens.make()
      let kept = try store.write { draft in
        try draft.addToken(for: email, id: APITokens.newID(), hash: APITokens.hash(token))
      }
      print(token)
      let note =
        "API token \(kept.id) for \(email): shown once, keep it secret "
        + "(send it as 'Authorization: Bearer <token>')\n"
      FileHandle.standardError.write(Data(note.utf8))
    }
  }

  /// `capstan user list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the users, their roles and how many tokens each has.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let store = try workspace.open()
      show(
        UserListView(try store.accessDirectory(), companies: try store.companies()), output.format)
    }
  }

  /// `capstan user remove EMAIL`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove a user with their roles and tokens (their audit records stay).")

    @Argument(help: "The user's e-mail.")
    var email: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let store = try workspace.open()
      try store.write { draft in try draft.removeUser(email: email) }
      print("Removed \(email): their tokens no longer sign in")
    }
  }

  /// `capstan user reset EMAIL`.
  struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reset",
      abstract: "Print a one-time link that sets a user's password, or set it from stdin.",
      discussion: """
        Without --password-stdin: prints a link to the server's password page that works once,
        for --hours hours (72 by default); send it to the user. Only the link's hash is kept;
        an older link stays valid until used or expired. With --password-stdin: reads the
        password from standard input (one line, at least 12 characters) and sets it.
        """)

    @Argument(help: "The user's e-mail.")
    var email: String
    @Option(help: "The server's address as users reach it (the link's beginning).")
    var url = "http://127.0.0.1:8080"
    @Option(help: "How many hours the link works.")
    var hours = 72
    @Flag(help: "Read the new password from standard input instead of printing a link.")
    var passwordStdin = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard (1...720).contains(hours) else {
        throw ValidationError("--hours is between 1 and 720 (30 days), not \(hours)")
      }
    }

    func run() throws {
      let store = try workspace.open()
      if passwordStdin {
        var password = readLine(strippingNewline: true) ?? ""
        if password.hasSuffix("\r") { password.removeLast() }
        let hash = try Passwords.hash(password)
        try store.write { draft in try draft.setPassword(for: email, hash: hash) }
        print("Set the password of \(email)")
        return
      }
      let (link, _) = try PasswordLinks.issue(
        in: store, for: email, purpose: .reset, baseURL: url, now: PasswordLinks.now(),
        lifetime: hours * 3600)
      print(link)
      let note =
        "One-time link for \(email): works once, for \(hours) hours; send it to them privately\n"
      FileHandle.standardError.write(Data(note.utf8))
    }
  }
}
