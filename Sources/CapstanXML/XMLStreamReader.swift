import CLibXML2
import Foundation

/// A pull parser over libxml2's streaming reader (`xmlTextReader`), hardened for untrusted files.
///
/// The reader holds only the current node, so memory stays flat on large files. It refuses what
/// makes XML dangerous: any document type declaration (so no entity can be declared, let alone
/// expanded or loaded), network access (`XML_PARSE_NONET`), and libxml2's own limits stay on
/// (no `XML_PARSE_HUGE`: nesting deeper than 256, a text node or attribute over 10 MB is an
/// error). The declared encoding must be UTF-8. Errors never reach stderr: each becomes an
/// `XMLReadError` with the file and line.
public final class XMLStreamReader {
  /// The name used in errors.
  public let file: String
  private let reader: xmlTextReaderPtr
  private let errors: ErrorSink
  private let retained: AnyObject?
  private var pendingEnd: (name: String, line: Int)?
  private var checkedDeclaration = false

  /// Streams the file at `path` (named `name` in errors, default the path).
  public init(path: String, name: String? = nil) throws(XMLReadError) {
    file = name ?? path
    XMLStreamReader.silenceLibrary()
    if let handle = FileHandle(forReadingAtPath: path) {
      let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
      try? handle.close()
      try XMLStreamReader.refuseDoctype(in: [UInt8](head), file: file)
    }
    guard let reader = xmlReaderForFile(path, nil, XMLStreamReader.options) else {
      throw XMLReadError(file: file, line: nil, message: "cannot open the file")
    }
    self.reader = reader
    errors = ErrorSink()
    retained = nil
    install()
  }

  /// Streams a document held in memory (named `name` in errors).
  public init(bytes: [UInt8], name: String) throws(XMLReadError) {
    file = name
    XMLStreamReader.silenceLibrary()
    try XMLStreamReader.refuseDoctype(in: bytes.prefix(1 << 16), file: name)
    let buffer = ByteBuffer(bytes)
    guard !bytes.isEmpty, bytes.count < Int32.max,
      let reader = xmlReaderForMemory(
        buffer.memory.baseAddress, Int32(buffer.memory.count), nil, nil, XMLStreamReader.options)
    else {
      throw XMLReadError(
        file: file, line: nil, message: bytes.isEmpty ? "the document is empty" : "cannot read it")
    }
    self.reader = reader
    errors = ErrorSink()
    retained = buffer
    install()
  }

  deinit {
    xmlFreeTextReader(reader)
  }

  /// `XML_PARSE_NONET` plus silence (errors go to the structured handler) and line numbers past
  /// 65,535 (`BIG_LINES`); never `NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE` or `HUGE`.
  static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_BIG_LINES.rawValue)

  /// Bytes of the input consumed so far (for progress).
  public var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(reader)) }

  /// The line the parser has read up to (it reads ahead of the current node).
  public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  /// The line of the current node (its start tag), or the parser's line when unknown.
  private var nodeLine: Int {
    if let node = xmlTextReaderCurrentNode(reader) {
      let number = xmlGetLineNo(node)
      if number > 0 { return Int(number) }
    }
    return line
  }

  /// An error at the current line.
  public func error(_ message: String, line: Int? = nil) -> XMLReadError {
    XMLReadError(file: file, line: line ?? nodeLine, message: message)
  }

  /// The next event, or nil at the end of the document.
  public func next() throws(XMLReadError) -> XMLEvent? {
    if let end = pendingEnd {
      pendingEnd = nil
      return .end(name: end.name, line: end.line)
    }
    while true {
      let status = xmlTextReaderRead(reader)
      if status < 0 || errors.first != nil { throw failure() }
      if status == 0 {
        if let error = errors.first { throw error.with(file: file) }
        return nil
      }
      if !checkedDeclaration { try checkDeclaration() }
      let type = xmlTextReaderNodeType(reader)
      switch UInt32(type) {
      case XML_READER_TYPE_ELEMENT.rawValue:
        let element = currentElement()
        if element.isEmpty { pendingEnd = (element.name, element.line) }
        return .start(element)
      case XML_READER_TYPE_END_ELEMENT.rawValue:
        return .end(name: text(xmlTextReaderConstLocalName(reader)), line: nodeLine)
      case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue:
        return .text(text(xmlTextReaderConstValue(reader)), line: nodeLine)
      case XML_READER_TYPE_DOCUMENT_TYPE.rawValue:
        throw error(XMLStreamReader.doctypeMessage)
      case XML_READER_TYPE_ENTITY_REFERENCE.rawValue, XML_READER_TYPE_ENTITY.rawValue:
        throw error("entity references are not allowed")
      default:
        continue  // whitespace, comments, processing instructions
      }
    }
  }

  /// The text content of the current element up to its end tag (which is consumed); an error
  /// if it holds elements.
  public func textContent(of name: String) throws(XMLReadError) -> String {
    var result = ""
    while let event = try next() {
      switch event {
      case .text(let text, _): result += text
      case .end: return result
      case .start(let child):
        throw error("<\(name)> holds text only, found <\(child.name)>", line: child.line)
      }
    }
    throw error("the document ends inside <\(name)>")
  }

  /// Skips the rest of the current element (after its `.start`), through its end tag.
  public func skipElement() throws(XMLReadError) {
    var depth = 1
    while let event = try next() {
      switch event {
      case .start: depth += 1
      case .end:
        depth -= 1
        if depth == 0 { return }
      case .text: continue
      }
    }
  }

  /// Refuses a document type declaration in the prolog before libxml2 parses it (libxml2 reads
  /// ahead, so its entity errors would otherwise come first): the prolog is scanned past the
  /// byte-order mark, the XML declaration, comments, processing instructions and whitespace.
  static func refuseDoctype<Bytes: Collection>(in head: Bytes, file: String) throws(XMLReadError)
  where Bytes.Element == UInt8, Bytes.Index == Int {
    var i = head.startIndex
    let end = head.endIndex
    func starts(_ text: String) -> Bool {
      let pattern = Array(text.utf8)
      guard end - i >= pattern.count else { return false }
      return head[i..<i + pattern.count].elementsEqual(pattern)
    }
    func skip(past terminator: String) -> Bool {
      let pattern = Array(terminator.utf8)
      while end - i >= pattern.count {
        if head[i..<i + pattern.count].elementsEqual(pattern) {
          i += pattern.count
          return true
        }
        i += 1
      }
      return false
    }
    if starts("\u{FEFF}") { i += 3 }
    var line = 1
    while i < end {
      let byte = head[i]
      if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
        if byte == 0x0A { line += 1 }
        i += 1
      } else if starts("<?") {
        let from = i
        guard skip(past: "?>") else { return }
        line += head[from..<i].filter { $0 == 0x0A }.count
      } else if starts("<!--") {
        let from = i
        guard skip(past: "-->") else { return }
        line += head[from..<i].filter { $0 == 0x0A }.count
      } else if starts("<!DOCTYPE") {
        throw XMLReadError(file: file, line: line, message: doctypeMessage)
      } else {
        return
      }
    }
  }

  static let doctypeMessage =
    "a document type declaration (<!DOCTYPE ...>) is not allowed: Capstan never reads DTDs or entities"

  private func checkDeclaration() throws(XMLReadError) {
    checkedDeclaration = true
    guard let declared = xmlTextReaderConstEncoding(reader) else { return }
    let name = text(declared).uppercased()
    guard name == "UTF-8" || name == "UTF8" || name == "US-ASCII" || name == "ASCII" else {
      throw error("the document declares encoding '\(text(declared))'; only UTF-8 is accepted")
    }
  }

  private func currentElement() -> XMLElement {
    let name = text(xmlTextReaderConstLocalName(reader))
    let namespace = namespaceText(xmlTextReaderConstNamespaceUri(reader))
    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
    let depth = Int(xmlTextReaderDepth(reader))
    let line = nodeLine
    var attributes: [XMLElement.Attribute] = []
    if xmlTextReaderHasAttributes(reader) == 1 {
      attributes.reserveCapacity(Int(max(0, xmlTextReaderAttributeCount(reader))))
      while xmlTextReaderMoveToNextAttribute(reader) == 1 {
        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
        attributes.append(
          XMLElement.Attribute(
            name: text(xmlTextReaderConstLocalName(reader)),
            namespace: optionalText(xmlTextReaderConstNamespaceUri(reader)),
            value: text(xmlTextReaderConstValue(reader))))
      }
      xmlTextReaderMoveToElement(reader)
    }
    return XMLElement(
      name: name, namespace: namespace, attributes: attributes, line: line, isEmpty: isEmpty,
      depth: depth)
  }

  private func failure() -> XMLReadError {
    if let error = errors.first { return error.with(file: file) }
    return error("the XML is not well-formed")
  }

  private func install() {
    let context = Unmanaged.passUnretained(errors).toOpaque()
    xmlTextReaderSetStructuredErrorHandler(reader, XMLStreamReader.collect, context)
  }

  /// Keeps libxml2 from printing (its generic and structured handlers are per thread) and from
  /// loading any external resource.
  static func silenceLibrary() {
    capstan_xml_install_quiet_generic()
    xmlSetStructuredErrorFunc(nil, XMLStreamReader.ignore)
    xmlSetExternalEntityLoader(XMLStreamReader.refuseEntity)
  }

  private static let ignore: xmlStructuredErrorFunc = { _, _ in }

  private static let refuseEntity: xmlExternalEntityLoader = { _, _, _ in nil }

  private static let collect: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "the XML is not well-formed"
    while message.last?.isWhitespace == true { message.removeLast() }
    sink.first = XMLReadError(
      file: "", line: error.pointee.line > 0 ? Int(error.pointee.line) : nil,
      message: XMLStreamReader.explain(message))
  }

  /// libxml2's messages, with a hint where its wording is obscure.
  static func explain(_ message: String) -> String {
    if message.contains("Excessive depth") {
      return "elements are nested too deeply (more than 256 levels)"
    }
    if message.contains("too long") || message.contains("Huge input lookup") {
      return "a value is too long (\(message)): text and attribute values over 10 MB are refused"
    }
    return message
  }

  private func text(_ pointer: UnsafePointer<xmlChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private func optionalText(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// The last element namespace read: libxml2 keeps one copy of each name in its dictionary,
  /// so the same pointer means the same text, and a document's elements share one namespace
  /// (a URI longer than 15 bytes would otherwise cost an allocation per element).
  private var lastNamespace: (pointer: UnsafePointer<xmlChar>, text: String)?

  private func namespaceText(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    if let last = lastNamespace, last.pointer == pointer { return last.text }
    let text = String(cString: pointer)
    lastNamespace = (pointer, text)
    return text
  }
}

/// The first error libxml2 reported for one reader.
private final class ErrorSink {
  var first: XMLReadError?
}

/// A copy of the bytes at a fixed address, alive as long as the reader that reads them.
private final class ByteBuffer {
  let memory: UnsafeMutableBufferPointer<CChar>
  init(_ bytes: [UInt8]) {
    memory = .allocate(capacity: max(1, bytes.count))
    bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(memory).copyMemory(from: $0) }
  }
  deinit { memory.deallocate() }
}

extension XMLReadError {
  fileprivate func with(file: String) -> XMLReadError {
    XMLReadError(file: file, line: line, message: message)
  }
}
