import Testing

@testable import CapstanModel

/// What a command-line write's audit record says about who ran it and what.
@Suite("Audit context of the command line")
struct AuditContextTests {
  @Test("who: $USER, else $LOGNAME, else the account name, else unknown")
  func systemUser() {
    #expect(
      AuditContext.systemUser(environment: ["USER": "ada", "LOGNAME": "x"], account: "r") == "ada")
    #expect(AuditContext.systemUser(environment: ["LOGNAME": "grace"], account: "root") == "grace")
    // A container or service often sets neither variable: the account name, not "unknown".
    #expect(AuditContext.systemUser(environment: [:], account: "root") == "root")
    #expect(AuditContext.systemUser(environment: ["USER": " "], account: "") == "unknown")
  }

  @Test("the command line keeps the words, quotes those with spaces, and drops --db LOCATION")
  func commandWords() {
    let words = AuditContext.commandWords(
      ["issue", "--db", "postgres://u:secret@h/db", "--holder", "Ada Lovelace", "--shares", "10"])
    #expect(!words.contains("secret"))
    #expect(words.hasPrefix("issue "))
    #expect(words.contains("\"Ada Lovelace\""))
  }
}
