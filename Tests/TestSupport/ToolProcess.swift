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
        try run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, in: directory,
            environment: environment)
    }

    /// Runs the program at `executable` with `arguments` in `directory`; `environment`, when
    /// given, replaces the process's environment. Standard input is empty (/dev/null), so a
    /// program that would ask a question ends instead of waiting for the test's terminal.
    public static func run(
        executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
