import Foundation
import TestSupport
import Testing

@testable import MailZone

/// apply writes where the zone really is: through a symbolic link to its target (the link stays, so
/// the server that reads the target sees the change), and never splits a file with several hard links.
@Suite struct ApplyLinkTests {
    /// Where the link points: a file beside it, or one in another directory of the repository.
    @Test(arguments: ["db.example.com", "../db/db.example.com"])
    func symbolicLinkIsWrittenThrough(_ destination: String) async throws {
        let target = destination.hasPrefix("../") ? "db/db.example.com" : "zones/db.example.com"
        let declaration = ApplyTests.declaration().replacingOccurrences(
            of: "zones/db.example.com", with: "zones/example.com.zone")
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration, target: ApplyTests.crlfZone, "zones/README": "zones\n",
        ])
        let link = directory.appendingPathComponent("zones/example.com.zone")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
        let report = try await ApplySupport.apply(in: directory)
        #expect(report.written == [link.path])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == destination)
        let written = try ApplySupport.read(directory.appendingPathComponent(target))
        #expect(written.contains("\tIN\tMX\t10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses\r\n"))
        #expect(written.contains(" 2026120100 "))
        // No temporary file left, and no regular file in place of the link.
        let zones = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("zones").path)
            .sorted()
        #expect(
            zones
                == (target.hasPrefix("db/")
                    ? ["README", "example.com.zone"] : ["README", "db.example.com", "example.com.zone"]))
        let second = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(!second.plan.hasChanges)
    }

    @Test func hardLinkedFileIsRefused() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        let zone = directory.appendingPathComponent("zones/db.example.com")
        let other = directory.appendingPathComponent("zones/db.example.com.copy")
        #expect(link(zone.path, other.path) == 0)
        await #expect {
            try await ApplySupport.apply(in: directory)
        } throws: { error in
            "\(error)"
                == "\(zone.path): it has 2 hard links, and replacing it would leave the other names with the old text; make the other names symbolic links to it (ln -sf), then apply again; the file was not changed"
        }
        #expect(try ApplySupport.read(zone) == ApplyTests.crlfZone)
        var first = stat()
        var second = stat()
        #expect(stat(zone.path, &first) == 0 && stat(other.path, &second) == 0)
        #expect(first.st_ino == second.st_ino && first.st_nlink == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: zone.deletingLastPathComponent().path).sorted()
                == ["db.example.com", "db.example.com.copy"])
    }
}
