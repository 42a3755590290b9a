import CapstanModel
import CapstanScenarios
import Testing

/// `CommandScript`: the demo scripts' command lines, split as a shell splits them.
@Suite("Command script: lines, comments and quoted words")
struct CommandScriptTests {
  @Test func commentsAndBlankLinesAreSkippedAndQuotesGroupWords() throws {
    let script = try CommandScript(
      """
      # a comment
      init

        company add "Acme AI" --currency USD
      stakeholder add 'Seed Fund' --institution
      """, file: "demo.capstan")
    // Lines 2, 4 and 5 of the text hold commands (1 is a comment, 3 is blank).
    #expect(script.commands.map(\.line) == [2, 4, 5])
    #expect(script.commands[1].text == "company add \"Acme AI\" --currency USD")
    #expect(script.commands[1].words == ["company", "add", "Acme AI", "--currency", "USD"])
    #expect(script.commands[2].words == ["stakeholder", "add", "Seed Fund", "--institution"])
  }

  @Test func anEmptyQuotedWordIsAWord() {
    #expect(
      CommandScript.words("stakeholder set Ada --email \"\"") == [
        "stakeholder", "set", "Ada", "--email", "",
      ])
  }

  @Test func anOpenQuoteIsRefusedNamingTheFileAndLine() {
    #expect(
      throws: InputError.invalid(
        field: "demo.capstan:2", input: "issue \"Ada 10 Common", expected: "balanced quotes")
    ) {
      try CommandScript("init\nissue \"Ada 10 Common\n", file: "demo.capstan")
    }
  }
}
