import Foundation
import SyntheticLedger

/// A Capstan XML file of 500,000 holdings (stock issuances to 20,000 stakeholders over
/// 2018–2025, a tenth of them restricted), about 50 MB, written deterministically.
enum HoldingsXML {
  static let holdings = 500_000
  static let stakeholders = 20_000

  /// Writes the file at `path`.
  static func write(to path: String) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw ChildProcessError(description: "cannot write \(path)")
    }
    defer { try? handle.close() }
    var random = SplitMix64(seed: 2026)
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company id="holdings-co" name="Holdings Co" currency="USD" incorporated="2018-01-01"/>
        <stakeholders>

      """
    for number in 1...stakeholders {
      text += "    <stakeholder id=\"h\(number)\" name=\"Holder \(number)\"/>\n"
    }
    text += """
        </stakeholders>
        <classes>
          <class id="common" name="Common" authorized="4000000000"/>
        </classes>
        <transactions>

      """
    for number in 1...holdings {
      // Dates advance with the row so the file is in date order, as an export of a ledger is.
      let day = number * 2_900 / holdings
      let year = 2018 + day / 365
      let dayOfYear = day % 365
      let month = 1 + dayOfYear / 31 % 12
      let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(pad(1 + dayOfYear % 28))"
      let holder = 1 + random.below(stakeholders)
      let quantity = random.int(in: 100...5_000)
      let price = "0.\(pad4(random.int(in: 1...9_999)))"
      if random.chance(100) {
        text +=
          "    <issue date=\"\(date)\" security=\"CS-\(number)\" holder=\"h\(holder)\" class=\"common\" quantity=\"\(quantity)\" price=\"\(price)\"><vesting start=\"\(date)\" total-months=\"48\" cliff-months=\"12\" frequency-months=\"1\"/></issue>\n"
      } else {
        text +=
          "    <issue date=\"\(date)\" security=\"CS-\(number)\" holder=\"h\(holder)\" class=\"common\" quantity=\"\(quantity)\" price=\"\(price)\"/>\n"
      }
      if text.utf8.count > 1 << 20 {
        handle.write(Data(text.utf8))
        text = ""
      }
    }
    text += "  </transactions>\n</capstan>\n"
    handle.write(Data(text.utf8))
  }

  private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private static func pad4(_ n: Int) -> String {
    String(repeating: "0", count: 4 - String(n).count) + String(n)
  }
}
