import ArgumentParser
import CapstanModel
import CapstanServer
import Dispatch
import Foundation

/// `capstan serve`: the team server's JSON API over the workspace (docs/server.md).
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the workspace as a JSON API to the users of `capstan user`.",
    discussion: """
      Examples:
        capstan serve --db acme.db
        capstan serve --db postgres://capstan@db.internal/acme --listen 127.0.0.1:8080
      Callers send an API token (capstan user token EMAIL) as 'Authorization: Bearer …';
      what they see depends on their role in each company. The API is described at
      /openapi.json. Plain HTTP: put a TLS reverse proxy in front of it (docs/server.md).
      Port 0 takes any free port; the line printed on start names it.
      --trust-proxy ADDRESS (repeatable) reads X-Forwarded-For from that proxy only, so the
      audit names the client behind it; without it the header is ignored.
      """)

  @Option(help: "Address and port to listen on (HOST:PORT).")
  var listen = "127.0.0.1:8080"
  @Option(
    name: .customLong("trust-proxy"),
    help: "A reverse proxy's address whose X-Forwarded-For names the client (repeatable).")
  var trustProxy: [String] = []
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    guard let colon = listen.lastIndex(of: ":"),
      let port = Int(listen[listen.index(after: colon)...]),
      (0...65_535).contains(port), colon != listen.startIndex
    else {
      throw InputError.invalid(
        field: "--listen", input: listen, expected: "HOST:PORT, e.g. 127.0.0.1:8080")
    }
    let host = String(listen[..<colon])
    var proxies: Set<String> = []
    for address in trustProxy {
      guard let canonical = ServerApp.ipAddress(address) else {
        throw InputError.invalid(
          field: "--trust-proxy", input: address, expected: "an IP address, e.g. 127.0.0.1")
      }
      proxies.insert(canonical)
    }
    let store = try workspace.open()
    let location = try workspace.location().description
    let done = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task {
      do {
        try await ServerApp.serve(
          workspace: store, host: host, port: port, trustedProxies: proxies
        ) { bound in
          let line = "Serving \(location) on http://\(host):\(bound) (Ctrl-C stops)\n"
          FileHandle.standardOutput.write(Data(line.utf8))
        }
      } catch {
        failure.error = "\(error)"
      }
      done.signal()
    }
    done.wait()
    if let error = failure.error { throw WorkspaceError.storage("the server stopped: \(error)") }
  }
}

/// The server task's error, read after it ended.
private final class FailureBox: @unchecked Sendable {
  var error: String?
}
