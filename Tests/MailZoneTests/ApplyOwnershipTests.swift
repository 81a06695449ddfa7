import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The new text of a zone keeps the old file's owner, group and mode (setuid and setgid bits too), or
/// apply refuses before writing and says how to run it. Run as root and, through `setpriv`, as an
/// unprivileged user (the tests run as root: under CI=true, not being root is a failure, not a skip).
@Suite struct ApplyOwnershipTests {
    /// A group that is not nobody's: the group `named` reads zones as, in these tests.
    static let group: gid_t = 4242
    static let nobody: uid_t = 65534

    static func requireRoot() -> Bool {
        if geteuid() == 0 { return true }
        #expect(!ApplySupport.inCI, "the ownership tests need root (to give files other owners and to run setpriv)")
        return false
    }

    static func status(_ url: URL) -> stat {
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        return status
    }

    /// A zone in a directory nobody may write, owned `owner:group` with `mode`.
    static func zone(owner: uid_t, group: gid_t, mode: mode_t) throws -> (directory: URL, zone: URL) {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        let zone = directory.appendingPathComponent("zones/db.example.com")
        #expect(chown(directory.appendingPathComponent("zones").path, nobody, nobody) == 0)
        #expect(chown(zone.path, owner, group) == 0)
        #expect(chmod(zone.path, mode) == 0)
        return (directory, zone)
    }

    @Test(arguments: [
        (nobody, group, mode_t(0o2750)), (uid_t(0), gid_t(0), mode_t(0o444)), (nobody, group, mode_t(0o4640)),
    ])
    func rootKeepsOwnerGroupAndMode(_ owner: uid_t, _ group: gid_t, _ mode: mode_t) async throws {
        guard Self.requireRoot() else { return }
        let (directory, zone) = try Self.zone(owner: owner, group: group, mode: mode)
        _ = try await ApplySupport.apply(in: directory)
        #expect(try ApplySupport.read(zone).contains(" 2026120100 "))
        let status = Self.status(zone)
        #expect(status.st_uid == owner)
        #expect(status.st_gid == group)
        #expect(String(status.st_mode & 0o7777, radix: 8) == String(mode, radix: 8))
    }

    /// Runs `mailzone apply --auto-approve` as nobody, with `groups` as its supplementary groups.
    static func applyAsNobody(in directory: URL, groups: [gid_t]) throws -> MailzoneBinary.Result {
        let setpriv = "/usr/bin/setpriv"
        #expect(
            FileManager.default.isExecutableFile(atPath: setpriv),
            "setpriv (util-linux) is needed to run apply as another user")
        let groupOption =
            groups.isEmpty ? ["--clear-groups"] : ["--groups", groups.map(String.init).joined(separator: ",")]
        return try MailzoneBinary.run(
            ["apply", "--auto-approve"], in: directory,
            wrapper: [setpriv, "--reuid", "\(nobody)", "--regid", "\(nobody)"] + groupOption)
    }

    @Test func memberOfTheGroupKeepsIt() throws {
        guard Self.requireRoot() else { return }
        let (directory, zone) = try Self.zone(owner: Self.nobody, group: Self.group, mode: 0o640)
        let result = try Self.applyAsNobody(in: directory, groups: [Self.group])
        #expect(result.errors == "")
        #expect(result.status == 0)
        #expect(try ApplySupport.read(zone).contains(" 2026120100 "))
        let status = Self.status(zone)
        #expect(status.st_uid == Self.nobody)
        #expect(status.st_gid == Self.group)
        #expect(status.st_mode & 0o7777 == 0o640)
    }

    @Test func groupThatCannotBeKeptIsRefused() throws {
        guard Self.requireRoot() else { return }
        let (directory, zone) = try Self.zone(owner: Self.nobody, group: Self.group, mode: 0o640)
        let result = try Self.applyAsNobody(in: directory, groups: [])
        #expect(result.status == 1)
        #expect(
            result.errors
                == "error: zones/db.example.com: cannot keep group 4242: run as a member of 4242 or as root (the file is nobody:4242 640); the file was not changed\n"
        )
        #expect(try ApplySupport.read(zone) == ApplyTests.crlfZone)
        #expect(Self.status(zone).st_gid == Self.group)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: zone.deletingLastPathComponent().path) == [
                "db.example.com"
            ])
    }

    @Test func ownerThatCannotBeKeptIsRefused() throws {
        guard Self.requireRoot() else { return }
        let (directory, zone) = try Self.zone(owner: 0, group: 0, mode: 0o444)
        let result = try Self.applyAsNobody(in: directory, groups: [])
        #expect(result.status == 1)
        #expect(
            result.errors
                == "error: zones/db.example.com: cannot keep owner root: run as root (the file is root:root 444); the file was not changed\n"
        )
        #expect(try ApplySupport.read(zone) == ApplyTests.crlfZone)
        #expect(Self.status(zone).st_uid == 0)
    }
}
