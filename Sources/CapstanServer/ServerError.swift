import CapstanEngine
import CapstanModel
import HTTPTypes
import Hummingbird
import NIOCore

/// An error the server answers with, as JSON `{"error": kind, "message": text}`; the text is
/// the one the CLI prints for the same problem.
public struct ServerError: Error, Sendable {
  /// The HTTP status.
  public var status: HTTPResponse.Status
  /// A stable word for programs: `unauthenticated`, `forbidden`, `not-found`, ...
  public var kind: String
  /// The sentence for people.
  public var message: String

  /// An error.
  public init(_ status: HTTPResponse.Status, _ kind: String, _ message: String) {
    self.status = status
    self.kind = kind
    self.message = message
  }

  static let unauthenticated = ServerError(
    .unauthorized, "unauthenticated", "sign in: send an API token as 'Authorization: Bearer …'")
  static let forbidden = ServerError(
    .forbidden, "forbidden", "your role in this company does not allow this")
  static let notFound = ServerError(.notFound, "not-found", "no such resource")

  /// The server's answer to any error a handler or the store threw.
  static func from(_ error: any Error) -> ServerError {
    switch error {
    case let error as ServerError: return error
    case let error as InputError: return ServerError(.badRequest, "invalid-input", "\(error)")
    case let error as AccessError: return ServerError(.badRequest, "invalid-input", "\(error)")
    case let error as LedgerError: return ServerError(.unprocessableContent, "refused", "\(error)")
    case let error as RoundError: return ServerError(.unprocessableContent, "refused", "\(error)")
    case let error as LedgerFailure:
      return ServerError(.unprocessableContent, "refused", "\(error)")
    case let error as WorkspaceError:
      switch error {
      case .busy(let text): return ServerError(.serviceUnavailable, "busy", text)
      case .unknownCompany: return notFound
      default: return ServerError(.internalServerError, "storage", "\(error)")
      }
    case let error as HTTPError:
      switch error.status {
      case .contentTooLarge:
        return ServerError(
          .contentTooLarge, "too-large",
          "the request body is larger than \(ServerApp.maxBodyBytes) bytes")
      case .notFound: return notFound
      case .methodNotAllowed:
        return ServerError(.methodNotAllowed, "method-not-allowed", "method not allowed")
      default:
        return ServerError(error.status, "http", error.body ?? error.status.reasonPhrase)
      }
    case is NIOTooManyBytesError:
      return from(HTTPError(.contentTooLarge))
    default:
      return ServerError(.internalServerError, "internal", "\(error)")
    }
  }

  /// The JSON response.
  func response() -> Response {
    let body = JSONBody.object([("error", .string(kind)), ("message", .string(message))])
    return JSONBody.response(body, status: status)
  }
}

/// Turns every error thrown below it (the access middleware's, the handlers', the router's
/// 404) into `ServerError`'s JSON.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async -> Response {
    do {
      return try await next(request, context)
    } catch {
      return ServerError.from(error).response()
    }
  }
}
