import CapstanModel
import Testing

@testable import CapstanReports

/// `TextTable.wrappingLastColumn`: the ledger listing and `board list` fit 100 columns.
@Suite struct TextTableWrappingTests {
  @Test("a long last cell continues on rows of its own, cut at spaces")
  func wraps() {
    var table = TextTable([("A", .left), ("Details", .left)])
    table.add(["x", "one two three four"])
    table.add(["yy", "short"])
    // Column A is 2 wide ("yy"), plus 2 spaces: the details get 12 - 4 = 8 columns.
    // "one two" (7) fits; "one two three" (13) does not; "three four" (10) does not.
    let text = table.wrappingLastColumn(width: 12, minimum: 5).render()
    #expect(
      text == """
        A   Details
        -----------
        x   one two
            three
            four
        yy  short

        """)
  }

  @Test("a table that fits is left as it is")
  func fits() {
    var table = TextTable([("#", .right), ("Details", .left)])
    table.add(["1", "issue CS-1 to Ada"])
    #expect(table.wrappingLastColumn().render() == table.render())
  }

  @Test("a long ledger summary fits in 100 columns")
  func ledgerListing() {
    let words = Array(repeating: "word", count: 60).joined(separator: " ")  // 299 columns
    var table = TextTable([("#", .right), ("Date", .left), ("Kind", .left), ("Details", .left)])
    table.add(["1", "2025-01-15", "issue", words])
    let lines = table.wrappingLastColumn().render().split(separator: "\n")
    // 1 + 10 + 5 + 3 separators of 2 = 22 columns before the details: 78 columns of words,
    // so 15 words a line (15 × 5 - 1 = 74; 16 words would be 79), four lines for 60 words.
    #expect(lines.count == 2 + 4)
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(lines[2].count == 22 + 74)
  }
}
