import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Testing

@Suite("Native XML errors in tokens, compute grants and vesting terms name the file and line")
struct NativeXMLTokenErrorTests {
  static let token = #"<token symbol="H100H" issuer="cc" unit="H100-hour"/>"#

  /// The document with `tokens` on line 8 and `transactions` from line 11.
  static func read(tokens: String = token, _ transactions: String = "") throws -> CompanyImage {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Beta" currency="USD" incorporated="2025-02-01"/>
        <stakeholders><stakeholder id="ada" name="Ada"/><stakeholder id="cc" name="ComputeCo" kind="institution"/></stakeholders>
        <classes><class id="common" name="Common" authorized="1000"/></classes>
        <plans><plan id="p" name="Plan" class="common" reserve="100" adopted="2025-02-01"/></plans>
        <tokens>
          \(tokens)
        </tokens>
        <transactions>
          \(transactions)
        </transactions>
      </capstan>

      """
    return try NativeXMLReader.read(bytes: Array(xml.utf8), name: "bad.xml")
  }

  static func expect(_ error: ImportError, _ location: String, _ message: String) {
    #expect(error.location == location, "\(error)")
    #expect(error.message.contains(message), "\(error)")
  }

  @Test(arguments: [
    (#"<token symbol="H1 00" issuer="cc" unit="h"/>"#, "letters, digits and dashes"),
    (#"<token symbol="H100H" issuer="zz" unit="h"/>"#, #"issuer="zz" names no <stakeholder>"#),
    (#"<token symbol="H100H" issuer="cc" unit="h" units-per-token="0"/>"#, "a positive number"),
    (#"<token symbol="H100H" issuer="cc" unit="h" peg="-1"/>"#, "non-negative exact number"),
    (#"<token symbol="H100H" issuer="cc" unit="h" colour="red"/>"#, "no attribute 'colour'"),
    (#"<token symbol="H100H" issuer="cc"/>"#, "needs the attribute 'unit'"),
    (
      #"<token symbol="H100H" issuer="cc" unit="h"/><token symbol="h100h" issuer="cc" unit="h"/>"#,
      "token 'h100h' is declared twice"
    ),
    (
      #"<token symbol="H100H" issuer="cc" unit="h"><price date="2026-01-01" value="1"/><price date="2026-01-01" value="2"/></token>"#,
      "two prices on 2026-01-01"
    ),
    (
      #"<token symbol="H100H" issuer="cc" unit="h"><price date="2026-01-01" value="0"/></token>"#,
      "a positive price"
    ),
    (
      #"<token symbol="H100H" issuer="cc" unit="h"><peg value="1"/></token>"#,
      "unexpected <peg> in <token>"
    ),
  ])
  func badTokens(tokens: String, message: String) throws {
    let error = try #require(throws: ImportError.self) { try Self.read(tokens: tokens) }
    Self.expect(error, "bad.xml:8", message)
  }

  static let grant = #"date="2025-02-01" security="CG-1" provider="cc" symbol="H100H""#

  @Test(arguments: [
    (#"<compute-grant \#(grant) tokens="10"/>"#, "needs the attribute 'agreed-price'"),
    (
      #"<compute-grant date="2025-02-01" security="CG-1" provider="cc" symbol="B200H" tokens="10" agreed-price="2"/>"#,
      #"symbol="B200H" names no <token>"#
    ),
    (
      #"<compute-grant \#(grant) tokens="0" agreed-price="2"/>"#, "whole, positive number of tokens"
    ),
    (#"<compute-grant \#(grant) tokens="1e3" agreed-price="2"/>"#, "number of tokens in digits"),
    (
      #"<compute-grant \#(grant) tokens="10" agreed-price="2"><price-gate start="2025-02-01" end="2026-01-01"><tranche tokens="4" target="3"/></price-gate></compute-grant>"#,
      "add up to 4 tokens, not the 10 granted"
    ),
    (
      #"<compute-grant \#(grant) tokens="10" agreed-price="2"><price-gate start="2025-02-01" end="2025-02-01"><tranche tokens="10" target="3"/></price-gate></compute-grant>"#,
      "expected a date after its start"
    ),
    (
      #"<compute-grant \#(grant) tokens="10" agreed-price="2"><price-gate start="2025-02-01" end="2026-01-01"/></compute-grant>"#,
      "needs at least one <tranche>"
    ),
    (
      #"<compute-grant \#(grant) tokens="10" agreed-price="2"><equity security="CS-1" shares="10" release="sideways"/></compute-grant>"#,
      "one of up-front, in-step"
    ),
    (
      #"<compute-grant \#(grant) tokens="10" agreed-price="2"><equity security="CS-1" shares="10" release="in-step"/><vesting start="2025-02-01" total-months="12" cliff-months="0" frequency-months="1"/></compute-grant>"#,
      "unexpected <vesting> in <compute-grant>"
    ),
    (#"<token-redeem date="2025-02-01" grant="CG-1"/>"#, "needs the attribute 'tokens'"),
    (#"<token-sale date="2025-02-01" grant="CG-1" tokens="5"/>"#, "needs the attribute 'price'"),
    (
      #"<token-clawback date="2025-02-01" grant="CG-1" tokens="5"/>"#, "needs the attribute 'event'"
    ),
    (
      #"<termination date="2025-02-01" holder="ada" without-cause="maybe"/>"#, "true or false"
    ),
    (#"<termination date="2025-02-01" holder="eve"/>"#, #"holder="eve" names no <stakeholder>"#),
    (#"<milestone date="2025-02-01"/>"#, "needs the attribute 'name'"),
    (#"<change-of-control date="2025-02-01" by="MegaCorp"/>"#, "no attribute 'by'"),
    (#"<acceleration date="2025-02-01" security="CS-1"/>"#, "needs the attribute 'quantity'"),
    (#"<acceleration date="2025-02-01" quantity="5"/>"#, "needs the attribute 'security'"),
  ])
  func badTokenTransactions(transactions: String, message: String) throws {
    let error = try #require(throws: ImportError.self) { try Self.read(transactions) }
    Self.expect(error, "bad.xml:11", message)
  }

  static func grantWith(_ terms: String) -> String {
    #"<grant date="2025-02-01" security="OP-1" holder="ada" plan="p" quantity="100" strike="0">"#
      + terms + "</grant>"
  }

  @Test(arguments: [
    (
      #"<vesting-terms start="2025-02-01" allocation="sideways"><periodic length="12" frequency="1" cliff="0"/></vesting-terms>"#,
      "expected one of cumulative-rounding, cumulative-round-down, front-loaded"
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic unit="weeks" length="12" frequency="1" cliff="0"/></vesting-terms>"#,
      "expected months or days"
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="13" cliff="0"/></vesting-terms>"#,
      "a whole number from 1 to 12"
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="1" cliff="0" cliff-portion="1/4"/></vesting-terms>"#,
      "a cliff installment needs a cliff"
    ),
    (
      #"<vesting-terms start="2025-02-01" allocation="front-loaded"><periodic length="10" frequency="3" cliff="0"/></vesting-terms>"#,
      "must be multiples of the frequency"
    ),
    (
      #"<vesting-terms start="2025-02-01"><tranche date="2025-06-01" amount="200"/></vesting-terms>"#,
      "add up to 200, more than the 100 granted"
    ),
    (
      #"<vesting-terms start="2025-02-01"><milestone name="Launch" amount="50"/></vesting-terms>"#,
      "add up to 50, not the 100 granted"
    ),
    (
      #"<vesting-terms start="2025-02-01" basis="200"><milestone name="Launch" amount="100"/></vesting-terms>"#,
      "stated for 200 shares, not 100"
    ),
    (
      #"<vesting-terms start="2025-02-01"><milestone name="A" amount="50"/><tranche date="2025-06-01" amount="50"/></vesting-terms>"#,
      "unexpected <tranche> in <vesting-terms>"
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="1" cliff="0"/><acceleration trigger="double"/></vesting-terms>"#,
      "needs the attribute 'window-months'"
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="1" cliff="0"/><acceleration trigger="single" window-months="12"/></vesting-terms>"#,
      "only allowed with trigger=\"double\""
    ),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="1" cliff="0"/><acceleration trigger="single" fraction="3/2"/></vesting-terms>"#,
      "at most 100 %"
    ),
    (#"<vesting-terms start="2025-02-01"/>"#, "no schedule, tranche or milestone"),
    (
      #"<vesting-terms start="2025-02-01"><periodic length="12" frequency="1" cliff="0"/></vesting-terms><vesting start="2025-02-01" total-months="12" cliff-months="0" frequency-months="1"/>"#,
      "unexpected <vesting> in <grant>"
    ),
  ])
  func badVestingTerms(terms: String, message: String) throws {
    let error = try #require(throws: ImportError.self) { try Self.read(Self.grantWith(terms)) }
    Self.expect(error, "bad.xml:11", message)
  }

  /// The same terms on restricted stock are read into the issuance.
  @Test func vestingTermsOnStock() throws {
    let image = try Self.read(
      #"<issue date="2025-02-01" security="CS-1" holder="ada" class="common" quantity="700" price="0"><vesting-terms start="2025-02-01" allocation="cumulative-rounding"><periodic unit="days" length="700" frequency="7" cliff="70" cliff-portion="1/4"/><acceleration trigger="double" window-months="12" fraction="1/2"/></vesting-terms></issue>"#
    )
    guard case .issueStock(let issuance) = image.transactions.first?.event else {
      Issue.record("expected an issuance")
      return
    }
    #expect(
      issuance.vestingTerms
        == VestingTerms(
          start: day("2025-02-01"),
          periodic: PeriodicVesting(
            unit: .days, length: 700, frequency: 7, cliff: 70, cliffPortion: fraction(1, 4)),
          allocation: .cumulativeRounding,
          acceleration: VestingAcceleration(
            trigger: .double(windowMonths: 12), fraction: fraction(1, 2))))
    #expect(issuance.vesting == nil)
  }

  /// A file from before this version (no `<tokens>`) still reads; `<rounds>` is still refused.
  @Test func savedRoundsAreStillRefused() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Beta" currency="USD" incorporated="2025-02-01"/>
        <rounds/>
      </capstan>
      """
    let error = try #require(throws: ImportError.self) {
      try NativeXMLReader.read(bytes: Array(xml.utf8), name: "r.xml")
    }
    Self.expect(error, "r.xml:4", "not supported by this build of Capstan yet")
  }
}
