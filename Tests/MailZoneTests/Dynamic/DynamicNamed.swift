import DNSClient
import Foundation
import TestSupport
import Testing
import ZoneFile

/// A real `named` serving zone files that live in a test's own directory (so `mailzone apply` edits
/// what named serves), with an rndc control channel and a TSIG key for dynamic updates, both on
/// 127.0.0.1 and free ports. The keys are made by BIND's own `tsig-keygen`, as users make them.
///
/// Stop it with `defer { named.stop() }` right after `start`.
final class DynamicNamed {
    let server: NamedServer
    /// `rndc` arguments that reach this server's control channel: `-c rndc.conf`.
    let rndcArguments: [String]
    /// The BIND key file of the key allowed to update the zones (as `tsig-keygen` wrote it).
    let updateKeyFile: URL
    /// The key's name.
    static let keyName = "mailzone-update"

    var port: UInt16 { server.port }
    var address: DNSServerAddress { server.address }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The BIND tools the dynamic-zone tests run. Missing ones fail the tests under CI=true.
    static let tools = ["tsig-keygen", "rndc", "nsupdate", "dig"]

    /// The tools that cannot be found on PATH or in /usr/sbin.
    static var missingTools: [String] { tools.filter { path(of: $0) == nil } }

    static func path(of tool: String) -> String? {
        var directories = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]
        directories += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var shouldRun: Bool { (NamedServer.executable != nil && missingTools.isEmpty) || NamedServer.isCI }

    static let skipMessage =
        "named, rndc, nsupdate, dig or tsig-keygen is missing: install Debian's bind9, "
        + "bind9-utils and bind9-dnsutils (scripts/test does) to run the dynamic-zone tests"

    /// A zone named serves from `file` (absolute), with `options` inside its `zone` statement
    /// (`update-policy { ... };`).
    struct Zone {
        var origin: String
        var file: URL
        var options: String = ""
    }

    /// Starts named on `zones`; waits (at most 15 s) until it answers the first zone's SOA.
    static func start(zones: [Zone]) throws -> DynamicNamed {
        guard let executable = NamedServer.executable, missingTools.isEmpty else {
            throw Failure(
                description:
                    "CI=true and a BIND tool is missing (\(missingTools.joined(separator: ", "))): \(skipMessage)")
        }
        var lastProblem = ""
        for _ in 0..<4 {
            let port = try FreePort.find()
            let controlPort = try FreePort.find()
            let directory = try ProcessScratch.directory(prefix: "mailzone-named")
            let updateKey = directory.appendingPathComponent("update.key")
            let rndcKey = directory.appendingPathComponent("rndc.key")
            try run("tsig-keygen", ["-a", "hmac-sha256", keyName], output: updateKey)
            try run("tsig-keygen", ["-a", "hmac-sha256", "rndc-key"], output: rndcKey)
            var conf = """
                include "\(updateKey.path)";
                include "\(rndcKey.path)";
                options {
                  directory "\(directory.path)";
                  pid-file "\(directory.path)/named.pid";
                  listen-on port \(port) { 127.0.0.1; };
                  listen-on-v6 { none; };
                  recursion no;
                  notify no;
                  dnssec-validation no;
                };
                controls { inet 127.0.0.1 port \(controlPort) allow { 127.0.0.1; } keys { "rndc-key"; }; };

                """
            for zone in zones {
                conf += "zone \"\(zone.origin)\" { type primary; file \"\(zone.file.path)\"; \(zone.options) };\n"
            }
            let rndcConf = directory.appendingPathComponent("rndc.conf")
            try """
            include "\(rndcKey.path)";
            options { default-key "rndc-key"; default-server 127.0.0.1; default-port \(controlPort); };

            """.write(to: rndcConf, atomically: true, encoding: .utf8)
            let (server, log) = try NamedServer.launch(executable, conf: conf, in: directory, port: port)
            let named = DynamicNamed(server: server, rndcArguments: ["-c", rndcConf.path], updateKeyFile: updateKey)
            guard let origin = zones.first.flatMap({ try? DomainName(parsing: $0.origin) }) else { return named }
            if server.waitUntilAnswering(origin: origin, within: .seconds(15)), named.controlChannelAnswers() {
                return named
            }
            lastProblem = (try? String(contentsOf: log, encoding: .utf8)) ?? "no log"
            server.stop()
        }
        throw Failure(description: "named did not start answering; its log:\n\(lastProblem)")
    }

    private init(server: NamedServer, rndcArguments: [String], updateKeyFile: URL) {
        self.server = server
        self.rndcArguments = rndcArguments
        self.updateKeyFile = updateKeyFile
    }

    /// `rndc status` succeeds within 10 s (the control channel opens after the zones load).
    private func controlChannelAnswers() -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if (try? Self.tool("rndc", rndcArguments + ["status"]).status) == 0 { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// The shell command that runs rndc against this server (for `--reload-command`).
    var rndcCommand: String {
        ([Self.path(of: "rndc") ?? "rndc"] + rndcArguments).joined(separator: " ")
    }

    /// named's log so far, for failure messages.
    var log: String {
        (try? String(contentsOf: server.directory.appendingPathComponent("named.log"), encoding: .utf8)) ?? ""
    }

    /// The records `dig` gets for `name` and `type` from this server, one RDATA a line, sorted.
    func dig(_ name: String, _ type: String) throws -> [String] {
        let result = try Self.tool("dig", ["@127.0.0.1", "-p", String(port), "+short", "+norecurse", name, type])
        guard result.status == 0 else { throw Failure(description: "dig failed: \(result.output)") }
        return result.output.split(separator: "\n").map(String.init).sorted()
    }

    /// Sends `commands` (nsupdate's language, without `server` and `send`) with the real nsupdate,
    /// signed with the update key.
    func nsupdate(_ commands: [String]) throws {
        let script = (["server 127.0.0.1 \(port)"] + commands + ["send", ""]).joined(separator: "\n")
        let input = server.directory.appendingPathComponent("nsupdate-\(UUID().uuidString).txt")
        try script.write(to: input, atomically: true, encoding: .utf8)
        let result = try Self.tool("nsupdate", ["-k", updateKeyFile.path, input.path])
        guard result.status == 0 else { throw Failure(description: "nsupdate failed: \(result.output)\n\(log)") }
    }

    func stop() { server.stop() }

    /// Runs a BIND tool, stdout and stderr together.
    static func tool(_ name: String, _ arguments: [String]) throws -> ToolProcess.Result {
        guard let path = path(of: name) else { throw Failure(description: "\(name) is missing: \(skipMessage)") }
        return try ToolProcess.run(path, arguments)
    }

    /// Runs a tool and writes its standard output to `output`.
    private static func run(_ name: String, _ arguments: [String], output: URL) throws {
        let result = try tool(name, arguments)
        guard result.status == 0 else { throw Failure(description: "\(name) failed: \(result.output)") }
        try result.output.write(to: output, atomically: true, encoding: .utf8)
    }
}
