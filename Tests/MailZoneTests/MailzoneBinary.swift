import Foundation
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
        if let path = ProcessInfo.processInfo.environment["MAILZONE_BINARY"], fileManager.isExecutableFile(atPath: path) {
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
                   fileManager.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        let fallback = DeclarationFixtures.packageRoot.appendingPathComponent(".build/debug/mailzone")
        return fileManager.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    static var isAvailable: Bool { url != nil }

    /// The environment of every run: reproducible serials, no colour.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1796083200"
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "MAILZONE_RECORD")
        return environment
    }()

    /// Runs `mailzone ARGUMENTS` in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        guard let url else { throw MissingBinary() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the process runs, so a large output cannot fill one and block it.
        let errorData = ErrorCollector()
        let reader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isDone { usleep(1_000) }
        return Result(status: process.terminationStatus, stdout: outData, stderr: errorData.data)
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the mailzone binary is not built: run `swift build --product mailzone` (scripts/test does)" }
    }
}

/// Stderr collected on another thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    private var done = false

    func set(_ data: Data) {
        lock.lock()
        value = data
        done = true
        lock.unlock()
    }

    var isDone: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
