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
        // The test hook holds the process after its temporary file is written, before the rename.
        let process = try ApplySupport.startHeldApply(in: directory, holdSeconds: 30, zones: zones)
        #expect(ApplySupport.temporaryFiles(in: zones).count == 1, "the temporary file did not appear")
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == number)
        #expect(try FileManager.default.contentsOfDirectory(atPath: zones.path) == ["db.example.com"])
        #expect(try ApplySupport.read(zones.appendingPathComponent("db.example.com")) == ApplyTests.crlfZone)
    }
}
