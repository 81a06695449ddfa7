import Foundation
import TestSupport
import Testing

/// `apply` without --auto-approve asks on the terminal: only `yes` writes. The binary runs under
/// `script` (util-linux), which gives it a pseudo-terminal, as a user at a shell would.
@Suite(.enabled(if: MailzoneBinary.shouldRun)) struct ApprovalPromptTests {
    static let question = "Apply these changes? Only 'yes' is accepted: "

    /// Runs `mailzone apply` in a copy of the alibaba-singapore example, answering `answer`; gives
    /// the terminal's text (standard output and error, as the user sees them), the exit status,
    /// and whether the zone file changed.
    static func apply(answering answer: String) throws -> (text: String, status: Int32, changed: Bool) {
        let example = DeclarationFixtures.packageRoot.appendingPathComponent("examples/alibaba-singapore")
        let directory = try ProcessScratch.directory(prefix: "prompt").appendingPathComponent("alibaba-singapore")
        try FileManager.default.copyItem(at: example, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let zone = directory.appendingPathComponent("zones/db.example.sg")
        let before = try Data(contentsOf: zone)
        let binary = try #require(MailzoneBinary.url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary.path)' apply", "/dev/null"]
        process.currentDirectoryURL = directory
        process.environment = MailzoneBinary.environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("\(answer)\n".utf8))
        let text = try output.fileHandleForReading.readToEnd() ?? Data()
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let terminal = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return (terminal, process.terminationStatus, try Data(contentsOf: zone) != before)
    }

    @Test func yesApplies() throws {
        let run = try Self.apply(answering: "yes")
        #expect(run.status == 0, "\(run.text)")
        #expect(run.text.contains(Self.question + "Applied example.sg.: wrote zones/db.example.sg (serial "))
        #expect(run.changed)
    }

    @Test(arguments: ["no", "y", "YES please"])
    func anythingElseWritesNothing(answer: String) throws {
        let run = try Self.apply(answering: answer)
        #expect(run.status == 1, "\(run.text)")
        #expect(run.text.contains(Self.question + "error: apply cancelled — nothing was written\n"))
        #expect(!run.changed)
    }
}
