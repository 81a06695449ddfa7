import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// Which files `$INCLUDE` may read (`LoadOptions.includes`): by default only files inside the zone
/// file's directory, so a library user reading someone else's zone does not read the machine's files.
@Suite struct IncludePolicyTests {
    static let apex = DirectiveTests.apex

    /// A zone in `repo/` that includes `../secret.inc`, one directory up.
    static func escapingZone() throws -> (directory: URL, zone: String) {
        let dir = try TemporaryFiles.directory([
            "repo/db": Self.apex + "$INCLUDE ../secret.inc\n", "secret.inc": "secret A 192.0.2.66\n",
        ])
        return (dir, dir.appendingPathComponent("repo/db").path)
    }

    @Test func anIncludeEscapingTheZoneDirectoryIsRefusedByDefault() throws {
        let (dir, path) = try Self.escapingZone()
        let zone = ZoneLoader.load(path: path)
        let secret = FilePaths.resolved(dir.appendingPathComponent("secret.inc").path)
        let repo = FilePaths.resolved(dir.appendingPathComponent("repo").path)
        #expect(
            zone.diagnostics.map(\.description) == [
                "\(path):6:10: error: $INCLUDE '../secret.inc' resolves to \(secret), outside \(repo), the zone file's directory; move the file beside the zone, or load with LoadOptions.includes set to .confined(to:) a directory that holds it, or to .anywhere"
            ])
        #expect(zone.diagnostics.map(\.id) == ["include.outside"])
        #expect(!zone.records.contains { $0.owner.description == "secret.example.com." })
    }

    @Test func aLinkOutOfTheZoneDirectoryIsRefusedByDefault() throws {
        let dir = try TemporaryFiles.directory([
            "repo/db": Self.apex + "$INCLUDE linked.inc\n", "secret.inc": "secret A 192.0.2.66\n",
        ])
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("repo/linked.inc").path,
            withDestinationPath: dir.appendingPathComponent("secret.inc").path)
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("repo/db").path)
        #expect(zone.diagnostics.map(\.id) == ["include.outside"])
    }

    @Test func anIncludeInASubdirectoryIsReadByDefault() throws {
        let dir = try TemporaryFiles.directory([
            "repo/db": Self.apex + "$INCLUDE parts/mail.inc\n", "repo/parts/mail.inc": "mail A 192.0.2.25\n",
        ])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("repo/db").path)
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.records.last?.description == "mail.example.com. 3600 IN A 192.0.2.25")
    }

    @Test func anywhereReadsAnIncludeOutsideTheZoneDirectory() throws {
        let (_, path) = try Self.escapingZone()
        var options = LoadOptions()
        options.includes = .anywhere
        let zone = ZoneLoader.load(path: path, options: options)
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.records.last?.description == "secret.example.com. 3600 IN A 192.0.2.66")
    }

    @Test func confinedToADirectoryReadsInsideItOnly() throws {
        let (dir, path) = try Self.escapingZone()
        var options = LoadOptions()
        options.includes = .confined(to: dir.path)
        #expect(ZoneLoader.load(path: path, options: options).diagnostics.isEmpty)
        options.includes = .confined(to: dir.appendingPathComponent("repo").path)
        let refused = ZoneLoader.load(path: path, options: options)
        let secret = FilePaths.resolved(dir.appendingPathComponent("secret.inc").path)
        let repo = FilePaths.resolved(dir.appendingPathComponent("repo").path)
        #expect(
            refused.diagnostics.map(\.description) == [
                "\(path):6:10: error: $INCLUDE '../secret.inc' resolves to \(secret), outside \(repo); keep included files in the repository or allow it explicitly"
            ])
    }

    @Test func refusedReadsNoIncludeAtAll() throws {
        let dir = try TemporaryFiles.directory([
            "db": Self.apex + "$INCLUDE mail.inc\n", "mail.inc": "mail A 192.0.2.25\n",
        ])
        var options = LoadOptions()
        options.includes = .refused
        let path = dir.appendingPathComponent("db").path
        let zone = ZoneLoader.load(path: path, options: options)
        #expect(
            zone.diagnostics.map(\.description) == [
                "\(path):6:10: error: $INCLUDE 'mail.inc' is not read: this load reads no included files (LoadOptions.includes is .refused); put its records in the zone file, or load with includes allowed"
            ])
        #expect(zone.diagnostics.map(\.id) == ["include.refused"])
    }

    @Test func theDefaultIsTheZoneFilesDirectory() {
        #expect(LoadOptions().includes == .confinedToZoneDirectory)
    }
}
