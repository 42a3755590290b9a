import CLibXML2

/// Well-formedness problems of an HTML page, as libxml2's HTML parser reports them.
///
/// libxml2's HTML parser knows HTML 4: it reports the HTML5 and SVG elements it does not know
/// ("Tag svg invalid"), which are left out here; everything else it reports (mismatched or
/// stray end tags, bad entity references, broken attributes, bad encoding) is a problem.
public enum HTMLDocumentCheck {
  /// The problems found in `html` (empty: libxml2 parsed it cleanly).
  public static func problems(in html: String) -> [String] {
    XMLStreamReader.silenceLibrary()
    let sink = MessageSink()
    let context = Unmanaged.passUnretained(sink).toOpaque()
    xmlSetStructuredErrorFunc(context, collect)
    defer { XMLStreamReader.silenceLibrary() }
    let bytes = Array(html.utf8)
    let options = Int32(HTML_PARSE_NONET.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      } ?? nil
    }
    guard let document else { return sink.messages + ["libxml2 could not parse the page"] }
    xmlFreeDoc(document)
    return sink.messages
  }

  private final class MessageSink {
    var messages: [String] = []
  }

  private static let collect: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let sink = Unmanaged<MessageSink>.fromOpaque(context).takeUnretainedValue()
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    while message.last?.isWhitespace == true { message.removeLast() }
    if message.hasPrefix("Tag ") && message.hasSuffix(" invalid") { return }
    sink.messages.append("line \(error.pointee.line): \(message)")
  }
}
