import ArgumentParser
import CapstanStore

/// `capstan init`: creates an empty workspace file.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create an empty workspace file.",
    discussion: "Example: capstan init --db acme.db"
  )

  @Option(
    name: .long,
    help: "Workspace: a file, or sqlite:FILE (default: $CAPSTAN_DB, else ./capstan.db).")
  var db: String?

  func run() throws {
    let location = try WorkspaceOptions(db: db, company: nil).location()
    try location.create()
    print("Created workspace \(location)")
    print("Next: capstan company add NAME --currency USD --incorporated YYYY-MM-DD")
  }
}

extension WorkspaceOptions {
  init(db: String?, company: String?) {
    self.init()
    self.db = db
    self.company = company
  }
}
