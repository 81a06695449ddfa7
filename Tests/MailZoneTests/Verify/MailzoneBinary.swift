import Foundation

/// Runs the built `mailzone` executable, as a user would, with a bounded wait.
enum MailzoneBinary {
    /// The executable beside the test bundle in the build products directory.
    static let url: URL? = {
        var directories: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return directories.map { $0.appendingPathComponent("mailzone") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var elapsed: Duration
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the mailzone executable is not built beside the tests; run `swift build` first" }
    }

    /// Runs `mailzone arguments...` in `directory`, killing it after `limit`.
    static func run(_ arguments: [String], in directory: URL, limit: Duration = .seconds(30)) throws -> Run {
        guard let url else { throw Missing() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errors = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        let start = ContinuousClock.now
        try process.run()
        while process.isRunning, ContinuousClock.now - start < limit { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "", elapsed: elapsed)
    }
}
