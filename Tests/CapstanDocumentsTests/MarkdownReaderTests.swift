import CapstanDocuments
import Testing

@Suite("Markdown reader: the subset term sheets use")
struct MarkdownReaderTests {
  @Test func headingsAreNumberedAtLevelTwo() {
    let document = MarkdownReader.document("# Title\n\n## One\n\ntext\n\n### Sub\n\n## Two\n")
    #expect(
      document.blocks == [
        .heading(Heading(level: 1, text: [.text("Title")])),
        .heading(Heading(level: 2, number: 1, text: [.text("One")])),
        .paragraph([.text("text")]),
        .heading(Heading(level: 3, text: [.text("Sub")])),
        .heading(Heading(level: 2, number: 2, text: [.text("Two")])),
      ])
  }

  @Test func paragraphLinesJoinAndEmphasisNests() {
    let document = MarkdownReader.document("A **bold *and italic*** line\ncontinues _here_.\n")
    #expect(
      document.blocks == [
        .paragraph([
          .text("A "), .bold([.text("bold "), .italic([.text("and italic")])]),
          .text(" line continues "), .italic([.text("here")]), .text("."),
        ])
      ])
  }

  @Test(arguments: [
    ("snake_case_name stays", [Inline.text("snake_case_name stays")]),
    ("2 * 3 * 4", [.text("2 * 3 * 4")]),
    ("\\*not italic\\*", [.text("*not italic*")]),
    ("an unclosed **bold", [.text("an unclosed **bold")]),
  ])
  func literalText(_ input: String, _ expected: [Inline]) {
    #expect(MarkdownReader.inlines(input) == expected)
  }

  @Test func bulletsAndTables() {
    let markdown = """
      - one
      - two
        continued

      | Name | Shares |
      |---|---:|
      | A \\| B | 1,000 |
      | C |
      """
    let document = MarkdownReader.document(markdown)
    #expect(
      document.blocks == [
        .bullets([[.text("one")], [.text("two continued")]]),
        .table(
          DocumentTable(
            header: [[.text("Name")], [.text("Shares")]], alignments: [.left, .right],
            rows: [[[.text("A | B")], [.text("1,000")]], [[.text("C")], []]])),
      ])
  }

  @Test func aBarLineWithoutSeparatorIsAParagraph() {
    let document = MarkdownReader.document("| not a table |\n")
    #expect(document.blocks == [.paragraph([.text("| not a table |")])])
  }

  /// Writing Markdown and reading it again gives the same tree.
  @Test(arguments: GoldenTermSheetTests.names)
  func markdownRoundTrips(_ name: String) throws {
    let document = try DemoDeals.document(name)
    var reread = MarkdownReader.document(MarkdownWriter.markdown(document))
    // The writer spells the section numbers out; the reader numbers sections itself.
    reread.blocks = reread.blocks.map { block in
      guard case .heading(var heading) = block, heading.level == 2,
        case .text(let text)? = heading.text.first, let number = heading.number,
        text.hasPrefix("\(number). ")
      else { return block }
      heading.text[0] = .text(String(text.dropFirst("\(number). ".count)))
      return .heading(heading)
    }
    #expect(reread == document)
  }
}
