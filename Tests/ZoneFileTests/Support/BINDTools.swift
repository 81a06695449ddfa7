import Foundation
import TestSupport

/// BIND's `named-checkzone` and `named-compilezone`, found on `PATH`, run the way the
/// conformance corpus ran them: every name, MX, SRV and integrity policy at `ignore`
/// except `-i local`, so that only what BIND's loader itself refuses makes a zone fail.
struct BINDTools: Sendable {
    let checkzone: String
    let compilezone: String

    /// The policies of the corpus run (`named-checkzone -h` of BIND 9.18; 9.18 has no `-T`).
    static let policies = [
        "-i", "local", "-k", "ignore", "-n", "ignore", "-m", "ignore", "-r", "ignore",
        "-M", "ignore", "-S", "ignore", "-W", "ignore",
    ]

    /// Both tools from `PATH`, or nil when `named-checkzone` is not there.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> BINDTools? {
        guard let checkzone = executable("named-checkzone", environment: environment) else { return nil }
        let sibling = (checkzone as NSString).deletingLastPathComponent + "/named-compilezone"
        let compilezone =
            FileManager.default.isExecutableFile(atPath: sibling)
            ? sibling : executable("named-compilezone", environment: environment)
        guard let compilezone else { return nil }
        return BINDTools(checkzone: checkzone, compilezone: compilezone)
    }

    static func executable(_ name: String, environment: [String: String]) -> String? {
        for directory in (environment["PATH"] ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `named-checkzone POLICIES ORIGIN FILE` from `directory`.
    func check(origin: String, file: String, directory: String) async throws -> ProcessResult {
        try await ProcessResult.run(checkzone, BINDTools.policies + [origin, file], directory: directory)
    }

    /// `named-compilezone POLICIES -s full -o - ORIGIN FILE` from `directory`: the zone as BIND loaded it, on stdout.
    func compile(origin: String, file: String, directory: String) async throws -> ProcessResult {
        try await ProcessResult.run(
            compilezone, BINDTools.policies + ["-s", "full", "-o", "-", origin, file],
            directory: directory)
    }
}

/// What a finished process left: exit status and both outputs.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    var succeeded: Bool { status == 0 }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// Runs `executable` with `arguments` in `directory` without blocking a thread of the
    /// concurrency pool; the outputs go to temporary files so a large zone cannot fill a pipe.
    static func run(_ executable: String, _ arguments: [String], directory: String) async throws -> ProcessResult {
        let temporary = try ProcessScratch.directory(prefix: "mailzone-conformance")
        let outURL = temporary.appendingPathComponent("stdout")
        let errURL = temporary.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        try outHandle.close()
        try errHandle.close()
        return ProcessResult(
            status: status,
            stdout: Array(try Data(contentsOf: outURL)),
            stderr: Array(try Data(contentsOf: errURL)))
    }
}
