import Foundation
import MailZone

/// Whether to colour output: only on a terminal, never with `NO_COLOR` (no-color.org).
enum Terminal {
    static func wantsColor(fileDescriptor: Int32) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Asks `question` and reads the answer from standard input, on a thread of its own so the
    /// wait holds none of the task pool's (`BlockingCall`); only `yes` is a yes.
    static func answeredYes(_ question: String) async -> Bool {
        print(question, terminator: "")
        fflush(nil)
        return await BlockingCall.run { readLine() }?.trimmingCharacters(in: .whitespaces) == "yes"
    }

    static func writeError(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }

    /// Writes to stdout at once (no `print` buffering to interleave with stderr).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Runs `body` with a function that writes to standard output through a `BufferedOutput`,
    /// flushed when `body` ends: how streamed output (`PlanStreaming`) reaches the terminal.
    static func buffered<Result>(_ body: ((String) -> Void) async throws -> Result) async rethrows -> Result {
        var output = BufferedOutput()
        defer { output.flush() }
        return try await body { output.write($0) }
    }

    /// Standard output gathered into large writes: output rendered piece by piece (a zone at a
    /// time) costs one system call per 64 KiB instead of one per piece.
    struct BufferedOutput {
        private var buffer: [UInt8] = []
        private static let flushSize = 64 * 1024

        mutating func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.flushSize { flush() }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            FileHandle.standardOutput.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
