import Foundation
import ZoneFile

/// Tells the name server to load a zone file apply has just written (`apply --reload`): by default
/// `rndc reload ZONE`, or a command of the user's (`--reload-command`), so named serves the new
/// records without waiting for a restart. Its outcome is reported, never hidden: a failed reload
/// leaves the file written and the server serving the old zone, which the user must know.
public struct ZoneReload: Sendable, Hashable {
    /// A shell command; `{zone}` in it is replaced by the zone's name, else the name is appended.
    /// Nil means `rndc reload ZONE`.
    public var command: String?
    /// How long the command may run before it is stopped and reported as failed.
    public var timeout: TimeInterval

    public init(command: String? = nil, timeout: TimeInterval = 60) {
        self.command = command
        self.timeout = timeout
    }

    /// What one reload did.
    public struct Outcome: Sendable, Hashable {
        /// The zone's name as rndc takes it (`example.com`).
        public var zone: String
        /// The command as run.
        public var commandLine: String
        /// The exit status; nil when the command could not be started or was stopped at the timeout.
        public var status: Int32?
        /// Its standard output and error, trimmed.
        public var output: String

        public var succeeded: Bool { status == 0 }

        /// One line for the user: what ran and what it said, and, on failure, what state the zone is in.
        public var description: String {
            let said = output.isEmpty ? "" : ": \(output.replacingOccurrences(of: "\n", with: " "))"
            if succeeded { return "Reloaded \(zone) (\(commandLine))\(said)." }
            let how = status.map { "exited with status \($0)" } ?? "did not finish"
            return "the reload of \(zone) failed (\(commandLine) \(how)\(said)); the zone file is written, but the "
                + "server may still serve the old zone: fix the cause and reload it yourself"
        }
    }

    /// The name of `origin` as rndc takes it: without the final dot (the root stays `.`).
    static func zoneName(_ origin: DomainName) -> String {
        origin == .root ? "." : origin.text
    }

    /// The command line for `origin`, and the process arguments that run it.
    func invocation(origin: DomainName) -> (line: String, executable: String, arguments: [String]) {
        let zone = Self.zoneName(origin)
        guard let command else {
            return ("rndc reload \(zone)", "/usr/bin/env", ["rndc", "reload", zone])
        }
        let quoted = Self.shellQuoted(zone)
        let line =
            command.contains("{zone}")
            ? command.replacingOccurrences(of: "{zone}", with: quoted)
            : command + " " + quoted
        return (line, "/bin/sh", ["-c", line])
    }

    /// `'name'` for the shell, so a zone name can never run as a command.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs the reload for the zone `origin` and waits for it (at most `timeout` seconds).
    public func run(origin: DomainName) -> Outcome {
        let (line, executable, arguments) = invocation(origin: origin)
        var outcome = Outcome(zone: Self.zoneName(origin), commandLine: line, status: nil, output: "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // Output goes to a file, so a talkative command cannot block on a full pipe.
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("mailzone-reload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: capture.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: capture)
        else {
            outcome.output = "cannot create a temporary file for its output"
            return outcome
        }
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: capture)
        }
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            outcome.output = "cannot start it: \(error.localizedDescription)"
            return outcome
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        process.waitUntilExit()
        let text = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        outcome.output = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if finished {
            outcome.status = process.terminationReason == .exit ? process.terminationStatus : nil
        } else {
            outcome.output = "stopped after \(Int(timeout)) s" + (outcome.output.isEmpty ? "" : "; \(outcome.output)")
        }
        return outcome
    }
}
