import ArgumentParser
import CapstanModel
import CapstanServer
import Foundation

extension PasswordError: RefusedInput {}
extension InviteError: RefusedInput {}

/// `capstan portal ...`: the stakeholder portal of the team server (docs/server.md).
struct PortalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portal",
    abstract: "The stakeholder portal: invite a stakeholder to see their own holdings.",
    subcommands: [Invite.self])

  /// `capstan portal invite STAKEHOLDER`.
  struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "invite",
      abstract: "Make a stakeholder a holder user and print a one-time link to set a password.",
      discussion: """
        Adds a user with the stakeholder's e-mail (or --email) as a holder of the company
        linked to them, or reuses the one already linked, and prints a link to the server's
        password page that works once, for --hours hours (72 by default). Example:
          capstan portal invite "Ada Lovelace" --company "Acme AI" --url https://cap.acme.example
        """)

    @Argument(help: "The stakeholder (name or id).")
    var stakeholder: String
    @Option(help: "The user's e-mail (default: the stakeholder's).")
    var email: String?
    @Option(help: "The server's address as users reach it (the link's beginning).")
    var url = "http://127.0.0.1:8080"
    @Option(help: "How many hours the link works.")
    var hours = 72
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard (1...720).contains(hours) else {
        throw ValidationError("--hours is between 1 and 720 (30 days), not \(hours)")
      }
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let invitation = try PortalInvites.invite(
        in: store, stakeholder: stakeholder, company: company, email: email, baseURL: url,
        now: PasswordLinks.now(), lifetime: hours * 3600)
      print(invitation.url)
      let verb = invitation.added ? "Added" : "Reused"
      let note =
        "\(verb) \(invitation.user.email), holder of \(company.name) as \(stakeholder): the "
        + "link works once, for \(hours) hours; send it to them privately\n"
      FileHandle.standardError.write(Data(note.utf8))
    }
  }
}
