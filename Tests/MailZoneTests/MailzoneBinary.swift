import Foundation
import TestSupport
import Testing

/// Runs the built `mailzone` executable, as users and CI do, for the end-to-end tests.
///
/// `swift test` does not build executables the tests do not link, so `scripts/test`
/// runs `swift build --product mailzone` first. The binary is looked up next to the
/// test bundle (whatever `--scratch-path` was used), or taken from `MAILZONE_BINARY`.
enum MailzoneBinary {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data

        var output: String { String(decoding: stdout, as: UTF8.self) }
        var errors: String { String(decoding: stderr, as: UTF8.self) }
    }

    static let url: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["MAILZONE_BINARY"], fileManager.isExecutableFile(atPath: path)
        {
            return URL(fileURLWithPath: path)
        }
        // The test bundle sits in the build products directory (`.build/debug/…xctest`, on macOS
        // inside it as `Contents/MacOS/…`); walk up from it to the folder that holds `mailzone`.
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = directory.appendingPathComponent("mailzone")
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    fileManager.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        let fallback = DeclarationFixtures.packageRoot.appendingPathComponent(".build/debug/mailzone")
        return fileManager.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    static var isAvailable: Bool { url != nil }

    /// Whether the tests run under CI (`CI=true`), where nothing may skip: a missing binary or
    /// tool fails the run with a message instead.
    static let underCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether the tests that run the binary run: when it is built, and always under CI (where
    /// `run` then fails with `MissingBinary`, saying how to build it).
    static var shouldRun: Bool { isAvailable || underCI }

    /// The environment of every run: reproducible serials, no colour.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1796083200"
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "MAILZONE_RECORD")
        return environment
    }()

    /// Runs `mailzone ARGUMENTS` in `directory`, killing it after `limit` (a guard against a hang,
    /// never a measure: no test asserts how long a run took). Output goes through files,
    /// so a large output cannot fill a pipe and block the process. `wrapper` is a command that runs
    /// mailzone (`setpriv --reuid …` to run it as another user); `extraEnvironment` is added to `environment`.
    static func run(
        _ arguments: [String], in directory: URL, limit: Duration = .seconds(60), wrapper: [String] = [],
        extraEnvironment: [String: String] = [:]
    ) throws -> Result {
        guard let url else { throw MissingBinary() }
        let process = Process()
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = environment.merging(extraEnvironment) { _, extra in extra }
        let scratch = try ProcessScratch.directory(prefix: "mailzone-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("stdout")
        let errors = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        while process.isRunning, ContinuousClock.now - start < limit { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: (try? Data(contentsOf: output)) ?? Data(),
            stderr: (try? Data(contentsOf: errors)) ?? Data())
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String {
            "the mailzone binary is not built: run `swift build --product mailzone` (scripts/test does)"
        }
    }
}
