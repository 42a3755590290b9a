import CapstanReports
import Foundation

/// The API's OpenAPI 3.1 document, made from the route table (so every route is in it, and
/// nothing else is).
enum OpenAPIDocument {
  static func make(_ routes: [Route]) -> JSON {
    var paths: [(String, [(String, JSON)])] = []
    for route in routes where !route.page {
      let operation = JSON.object(operation(route))
      if let index = paths.firstIndex(where: { $0.0 == route.path }) {
        paths[index].1.append((route.method.rawValue.lowercased(), operation))
      } else {
        paths.append((route.path, [(route.method.rawValue.lowercased(), operation)]))
      }
    }
    return .object([
      ("openapi", .string("3.1.0")),
      (
        "info",
        .object([
          ("title", .string("Capstan team server")),
          ("version", .string("1")),
          (
            "description",
            .string(
              "The JSON documents are those `capstan … --format json` prints. Errors are "
                + "{\"error\": kind, \"message\": text}. See docs/server.md.")
          ),
        ])
      ),
      ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
      (
        "components",
        .object([
          (
            "securitySchemes",
            .object([
              ("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))
            ])
          ),
          ("schemas", .object([("Error", errorSchema)])),
        ])
      ),
    ])
  }

  private static func operation(_ route: Route) -> [(String, JSON)] {
    var parameters: [JSON] = route.parameters.map { name in
      .object([
        ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
        ("description", .string("The \(name)'s id or name.")),
        ("schema", .object([("type", .string("string"))])),
      ])
    }
    parameters += route.query.map { name, about in
      .object([
        ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
        ("description", .string(about)), ("schema", .object([("type", .string("string"))])),
      ])
    }
    var fields: [(String, JSON)] = [
      ("summary", .string(route.summary)),
      ("operationId", .string(operationID(route))),
      ("parameters", .array(parameters)),
    ]
    if route.access != .anyone {
      fields.append(("security", .array([.object([("bearer", .array([]))])])))
    }
    if route.takesBody {
      fields.append(
        (
          "requestBody",
          .object([
            ("required", .bool(true)),
            ("content", .object([("application/json", .object([("schema", issueSchema)]))])),
          ])
        ))
    }
    var responses: [(String, JSON)] = [
      (
        String(route.success.code),
        .object([
          ("description", .string("The view document.")),
          ("content", .object([("application/json", .object([("schema", .object([]))]))])),
        ])
      )
    ]
    for (code, about) in errors(route) {
      responses.append(
        (
          code,
          .object([
            ("description", .string(about)),
            (
              "content",
              .object([
                (
                  "application/json",
                  .object([("schema", .object([("$ref", .string("#/components/schemas/Error"))]))])
                )
              ])
            ),
          ])
        ))
    }
    fields.append(("responses", .object(responses)))
    return fields
  }

  private static func errors(_ route: Route) -> [(String, String)] {
    var list: [(String, String)] = [("400", "Invalid input.")]
    if route.access != .anyone { list.append(("401", "No valid API token.")) }
    switch route.access {
    case .anyone, .signedIn: break
    case .workspaceAdmin: list.append(("403", "Not a workspace administrator."))
    case .company, .companyOrHolder:
      list.append(("403", "The caller's role may not."))
      list.append(("404", "No such company or stakeholder for the caller."))
    }
    if route.takesBody {
      list.append(("413", "The body is too large."))
      list.append(("422", "The ledger refused the write."))
    }
    return list
  }

  private static func operationID(_ route: Route) -> String {
    let words = route.path.split(separator: "/").map { part in
      part.hasPrefix("{") ? "by" + part.dropFirst().dropLast().capitalized : String(part)
    }
    return route.method.rawValue.lowercased()
      + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      .replacingOccurrences(of: ".", with: "")
  }

  private static let errorSchema = JSON.object([
    ("type", .string("object")),
    ("required", .array([.string("error"), .string("message")])),
    (
      "properties",
      .object([
        ("error", .object([("type", .string("string"))])),
        ("message", .object([("type", .string("string"))])),
      ])
    ),
  ])

  private static let issueSchema = JSON.object([
    ("type", .string("object")),
    (
      "required",
      .array(["holder", "shares", "class", "price", "date"].map { .string($0) })
    ),
    (
      "properties",
      .object(
        ["holder", "shares", "class", "price", "date"].map {
          ($0, .object([("type", .string("string"))]))
        } + [("exempt", .object([("type", .string("boolean"))]))])
    ),
  ])
}
