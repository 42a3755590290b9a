import CapstanReports
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON documents as responses: the Reports views' `JSON`, rendered once.
typealias JSONBody = CapstanReports.JSON

extension CapstanReports.JSON {
  /// A response carrying the document.
  static func response(_ document: JSON, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(string: document.render())))
  }
}
