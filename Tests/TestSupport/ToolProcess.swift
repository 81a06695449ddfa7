import Foundation

/// Runs a command-line tool the tests rely on (python3 with jsonschema, named-checkzone, chattr),
/// found on PATH, with stdout and stderr collected together.
public enum ToolProcess {
    public struct Result {
        public var status: Int32
        public var output: String
    }

    /// Runs `tool` with `arguments` in `directory`; `environment`, when given, replaces the
    /// process's environment (PATH is looked up in it).
    public static func run(
        _ tool: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
