import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// The next apply removes the temporary files an older, killed apply left (SIGKILL cannot be caught):
/// only its own user's, only `.NAME.mailzone-XXXXXX`, only older than its lock, and says so.
@Suite struct ApplyStaleTemporaryTests {
    @Test func nextApplyRemovesStaleTemporaryFiles() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
            // Left by an apply that was killed (SIGKILL cannot be caught).
            "zones/.db.example.com.mailzone-Ab12Cd": ApplyTests.crlfZone,
            // Not apply's: another name pattern, and (below) another user's file.
            "zones/.db.example.com.mailzone-short": "keep",
            "zones/.notes.mailzone-Zz99Yy": "keep",
        ])
        let zones = directory.appendingPathComponent("zones")
        #expect(chown(zones.appendingPathComponent(".notes.mailzone-Zz99Yy").path, 65534, 65534) == 0 || geteuid() != 0)
        let result = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(result.status == 0)
        let resolved = FilePaths.resolved(zones.path)
        #expect(
            result.output.hasPrefix(
                "Removed \(resolved)/.db.example.com.mailzone-Ab12Cd, a temporary file an interrupted apply left behind.\n"
            ))
        #expect(
            result.output.hasSuffix(
                "Applied example.com.: wrote zones/db.example.com (serial 2026113003 => 2026120100).\n"))
        var expected = ["db.example.com", ".db.example.com.mailzone-short"]
        if geteuid() == 0 { expected.append(".notes.mailzone-Zz99Yy") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: zones.path).sorted() == expected.sorted())
    }

    /// A zone file outside the repository, without --allow-outside: apply refuses it, and removes nothing
    /// in that directory either (the boundary holds for clean-up too).
    @Test func nothingIsRemovedOutsideTheRepository() throws {
        let outside = try TemporaryFiles.directory([
            "db.example.com": ApplyTests.crlfZone, ".db.example.com.mailzone-Ab12Cd": ApplyTests.crlfZone,
        ])
        let declaration = ApplyTests.declaration().replacingOccurrences(
            of: "zones/db.example.com", with: outside.appendingPathComponent("db.example.com").path)
        let directory = try TemporaryFiles.directory(["mailzone.yaml": declaration])
        let result = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(result.status == 1)
        #expect(!result.output.contains("Removed"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
                == [".db.example.com.mailzone-Ab12Cd", "db.example.com"])
    }
}
