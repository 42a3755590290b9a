import Foundation
import Testing

/// Text views fit the 100 columns of a terminal: the ledger's details and `board list`'s
/// details wrap onto lines of their own.
@Suite("text views fit in 100 columns")
struct TextWidthEndToEndTests {
  /// A provision and a company note of about 170 characters each.
  static let long =
    "Consent of the Series A holders to any new class senior to or on par with the Series A, "
    + "any increase of the option pool, and any sale of the company's compute contracts"

  static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

  @Test func theLedgerAndBoardListWrapLongDetails() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("company note \"\(Self.long)\" --date 2025-04-01")
    try cli.sh("board provision Ada \"\(Self.long)\" --date 2025-04-01")
    let ledger = try cli.sh("ledger").stdout
    #expect(Self.lines(ledger).allSatisfy { $0.count <= 100 }, "\(ledger)")
    // The note's last words are on a continuation line of their own, under the details.
    #expect(ledger.contains("\n    "), "\(ledger)")
    #expect(ledger.contains("compute contracts"), "\(ledger)")
    let board = try cli.sh("board list").stdout
    #expect(Self.lines(board).allSatisfy { $0.count <= 100 }, "\(board)")
    #expect(
      Self.lines(board).filter { $0.hasPrefix("2025-04-01") }.count == 1
        && Self.lines(board).count > 4, "\(board)")
    // The wrapped words, joined again, are the provision's text.
    let detail = Self.lines(board).dropFirst(3).map {
      $0.split(separator: " ", omittingEmptySubsequences: true)
    }
    let words = detail.flatMap { $0 }.drop { $0 != "Consent" }
    #expect(words.joined(separator: " ") == Self.long, "\(board)")
  }
}
