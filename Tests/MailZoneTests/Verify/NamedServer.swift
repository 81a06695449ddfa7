import DNSClient
import Foundation
import TestSupport
import Testing
import ZoneFile

/// A real BIND `named` serving throwaway zones on 127.0.0.1 and a free port, for the end-to-end
/// verify tests. Started as a child process in the foreground (`-g`) with its own configuration
/// and directory; `stop()` ends it (SIGTERM, then SIGKILL) and removes the directory.
///
/// Use with `defer { server.stop() }` right after `start`, so a failing test still stops it.
final class NamedServer {
    let process: Process
    let directory: URL
    let port: UInt16
    var address: DNSServerAddress { DNSServerAddress(host: "127.0.0.1", port: port) ?? DNSServerAddress.loopback }

    /// Where named is: `/usr/sbin/named` (Debian's bind9), else on PATH.
    static let executable: String? = {
        var candidates = ["/usr/sbin/named", "/usr/local/sbin/named"]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/named")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Tests that need named run when it is installed, and always under CI (where a missing named
    /// must fail them, never skip them).
    static var shouldRun: Bool { executable != nil || isCI }

    static let skipMessage =
        "named (BIND 9) is not installed: install Debian's bind9 (scripts/test does) to run the end-to-end verify tests"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts named serving `zones` (origin → zone text); waits (at most 15 s) until it answers
    /// the first zone's SOA query.
    /// With `ipv6`, named listens on [::1] as well, on the same port.
    static func start(zones: [(origin: String, text: String)], ipv6: Bool = false) throws -> NamedServer {
        guard let executable else {
            throw Failure(description: "CI=true and named is missing: \(skipMessage)")
        }
        var lastProblem = ""
        // A port found free can be taken before named binds it; try a few.
        for _ in 0..<4 {
            let port = try FreePort.find()
            let directory = try ProcessScratch.directory(prefix: "mailzone-named")
            var conf = """
                options {
                  directory "\(directory.path)";
                  pid-file "\(directory.path)/named.pid";
                  listen-on port \(port) { 127.0.0.1; };
                  listen-on-v6 \(ipv6 ? "port \(port) { ::1; }" : "{ none; }");
                  recursion no;
                  notify no;
                  dnssec-validation no;
                };
                controls { };

                """
            for zone in zones {
                let file = "db." + zone.origin.trimmingCharacters(in: CharacterSet(charactersIn: "."))
                try zone.text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
                conf += "zone \"\(zone.origin)\" { type primary; file \"\(file)\"; };\n"
            }
            let (server, log) = try launch(executable, conf: conf, in: directory, port: port)
            guard let origin = zones.first.flatMap({ try? DomainName(parsing: $0.origin) }) else { return server }
            if server.waitUntilAnswering(origin: origin, within: .seconds(15)) { return server }
            lastProblem = (try? String(contentsOf: log, encoding: .utf8)) ?? "no log"
            server.stop()
        }
        throw Failure(description: "named did not start answering; its log:\n\(lastProblem)")
    }

    /// Starts `named` in the foreground with `conf` as `directory/named.conf`, its output going to
    /// `directory/named.log`; the caller waits until it answers.
    static func launch(_ executable: String, conf: String, in directory: URL, port: UInt16) throws -> (
        server: NamedServer, log: URL
    ) {
        try conf.write(to: directory.appendingPathComponent("named.conf"), atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("named.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-g", "-c", directory.appendingPathComponent("named.conf").path]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return (NamedServer(process: process, directory: directory, port: port), log)
    }

    init(process: Process, directory: URL, port: UInt16) {
        self.process = process
        self.directory = directory
        self.port = port
    }

    /// Asks for the SOA every 100 ms until named answers it, it exits, or the time is up.
    func waitUntilAnswering(origin: DomainName, within limit: Duration) -> Bool {
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 0.2, retries: 0))
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, process.isRunning {
            if let answer = try? client.query(origin, type: .soa, server: address), !answer.records.isEmpty {
                return true
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Stops named (SIGTERM, SIGKILL after 5 s) and removes its directory. Safe to call twice.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

extension DNSServerAddress {
    /// 127.0.0.1:53; a fallback that parsing a literal cannot need.
    static var loopback: DNSServerAddress {
        guard let address = DNSServerAddress(host: "127.0.0.1") else { preconditionFailure("127.0.0.1 is an address") }
        return address
    }
}
