import Foundation
import TestSupport
import Testing

@testable import MailZone

/// A real `mailzone apply` signalled between writing its temporary file and renaming it leaves the
/// zone whole and no temporary file.
@Suite struct ApplyInterruptTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func signalRemovesTheTemporaryFile(_ number: Int32) throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        let zones = directory.appendingPathComponent("zones")
        let binary = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["apply", "--auto-approve"]
        process.currentDirectoryURL = directory
        // The test hook holds the process after its temporary file is written, before the rename.
        process.environment = MailzoneBinary.environment.merging(["MAILZONE_TEST_HOLD_BEFORE_RENAME": "30"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var temporary: [String] = []
        while temporary.isEmpty, process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            temporary = ((try? FileManager.default.contentsOfDirectory(atPath: zones.path)) ?? []).filter {
                $0.contains(".mailzone-")
            }
        }
        #expect(temporary.count == 1, "the temporary file did not appear")
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == number)
        #expect(try FileManager.default.contentsOfDirectory(atPath: zones.path) == ["db.example.com"])
        #expect(try ApplySupport.read(zones.appendingPathComponent("db.example.com")) == ApplyTests.crlfZone)
    }
}
