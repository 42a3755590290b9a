import CapstanModel
import Testing

@Suite struct MarkupTextTests {
  @Test func escapesTheFiveMarkupCharacters() {
    #expect(
      MarkupText.escaped(#"O'Brien & "Sons" <LLC>"#)
        == "O&#39;Brien &amp; &quot;Sons&quot; &lt;LLC&gt;")
    #expect(MarkupText.escaped("Kai Müller") == "Kai Müller")
    var out = "<p>"
    MarkupText.appendEscaped(&out, "a<b")
    #expect(out == "<p>a&lt;b")
  }

  @Test func attributesKeepLineBreaksAndRefuseOtherControls() {
    #expect(MarkupText.escapedAttributeKeepingWhitespace("a\nb\tc\r&") == "a&#10;b&#9;c&#13;&amp;")
    #expect(MarkupText.escapedAttributeKeepingWhitespace("bell\u{07}") == nil)
    #expect(MarkupText.escapedAttributeKeepingWhitespace("plain") == "plain")
  }
}
