import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// Files that are not zone files, or not files at all: a clear error naming the path, no crash, no hang.
@Suite struct HostileFileTests {
    static let apex = DirectiveTests.apex

    private func scratch() throws -> URL {
        try TemporaryFiles.directory([:]).appendingPathComponent("x").deletingLastPathComponent()
    }

    private func ids(_ zone: Zone) -> [String] { zone.diagnostics.map(\.id) }

    @Test func emptyZoneFile() throws {
        let dir = try TemporaryFiles.directory(["db": ""])
        let path = dir.appendingPathComponent("db").path
        let zone = ZoneLoader.load(path: path, options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(
            zone.diagnostics.map(\.description) == [
                "\(path): error: the zone file is empty; a zone needs at least its SOA and NS records"
            ])
        #expect(zone.files.count == 1 && zone.files[0].bytes.isEmpty)
        // An empty included file is fine.
        let including = try TemporaryFiles.directory(["db": Self.apex + "$INCLUDE empty.inc\n", "empty.inc": ""])
        #expect(ZoneLoader.load(path: including.appendingPathComponent("db").path).diagnostics.isEmpty)
    }

    @Test func directory() throws {
        let dir = try TemporaryFiles.directory(["sub/db": Self.apex, "db": Self.apex + "$INCLUDE sub\n"])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("sub").path)
        #expect(zone.diagnostics.map(\.description) == ["\(dir.path)/sub: error: is a directory, not a file"])
        #expect(zone.files.isEmpty && zone.records.isEmpty)
        let including = ZoneLoader.load(path: dir.appendingPathComponent("db").path)
        #expect(
            including.diagnostics.map(\.description) == [
                "\(dir.path)/db:6:10: error: $INCLUDE 'sub': \(dir.path)/sub is a directory, not a file"
            ])
    }

    /// Tests run as root, for whom chmod 000 blocks nothing; these paths fail for root too.
    @Test func unreadablePaths() throws {
        let dir = try TemporaryFiles.directory(["file": Self.apex])
        // A path through a regular file (ENOTDIR).
        let through = ZoneLoader.load(path: dir.appendingPathComponent("file/child").path)
        #expect(through.diagnostics.map(\.message) == ["no such file (a part of the path is not a directory)"])
        // A dangling symbolic link.
        let link = dir.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: dir.appendingPathComponent("gone").path)
        #expect(ZoneLoader.load(path: link).diagnostics.map(\.message) == ["no such file"])
        // A symbolic link loop (ELOOP).
        let loop = dir.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(
            ZoneLoader.load(path: loop).diagnostics.map(\.message) == [
                "cannot be read: Too many levels of symbolic links"
            ])
        // Mode 000: unreadable unless the tests run as root.
        let locked = dir.appendingPathComponent("locked")
        try Data(Self.apex.utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        let zone = ZoneLoader.load(path: locked.path)
        if geteuid() != 0 {
            #expect(zone.diagnostics.map(\.message) == ["cannot be read: Permission denied"])
        } else {
            #expect(zone.diagnostics.isEmpty)
        }
    }

    /// A FIFO would block open() and read() forever; it is refused at once. So are devices. The
    /// loads run under a `FIFOWatch`: an open of the FIFO that waits for a writer is seen, let go
    /// and reported, so the test fails instead of hanging.
    @Test func fifoAndDevices() throws {
        let dir = try TemporaryFiles.directory([
            "db": Self.apex + "$INCLUDE pipe\n$INCLUDE /dev/zero\n$INCLUDE /dev/stdin\n"
        ])
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let db = dir.appendingPathComponent("db").path
        // Devices are outside the zone's directory: let the includes reach them, to see them refused as files.
        let anywhere = {
            var options = LoadOptions()
            options.includes = .anywhere
            return options
        }()
        let watched = FIFOWatch.run(fifo: fifo) {
            (
                ZoneLoader.load(path: fifo).diagnostics.map(\.message),
                ZoneLoader.load(path: db, options: anywhere).diagnostics
            )
        }
        #expect(!watched.waitedForWriter, "opening the FIFO waited for a writer")
        let (direct, diagnostics) = watched.result
        #expect(direct == ["is not a regular file (a FIFO, socket or device)"])
        #expect(diagnostics.map(\.id) == ["include.unreadable", "include.unreadable", "include.unreadable"])
        #expect(diagnostics.allSatisfy { $0.message.hasSuffix("is not a regular file (a FIFO, socket or device)") })
    }

    /// A file removed between listing and reading (or never there).
    @Test func vanishedFiles() throws {
        let dir = try TemporaryFiles.directory(["db": Self.apex + "$INCLUDE part.inc\n", "part.inc": "a A 192.0.2.1\n"])
        let path = dir.appendingPathComponent("db").path
        #expect(ZoneLoader.load(path: path).diagnostics.isEmpty)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("part.inc"))
        #expect(
            ZoneLoader.load(path: path).diagnostics.map(\.description)
                == ["\(path):6:10: error: $INCLUDE 'part.inc': \(dir.path)/part.inc no such file"])
        try FileManager.default.removeItem(atPath: path)
        let gone = ZoneLoader.load(path: path)
        #expect(gone.diagnostics.map(\.description) == ["\(path): error: no such file"])
        #expect(gone.files.isEmpty && gone.records.isEmpty && gone.hasErrors)
    }

    /// Bytes that are not UTF-8 are data in comments, strings and names: kept, printed back, no crash.
    @Test func notUTF8() throws {
        var bytes = Array((Self.apex + "; comment ").utf8) + [0xFF, 0xFE, 0xC3] + Array("\n".utf8)
        bytes += Array("t TXT \"".utf8) + [0x80, 0xE9, 0xFF] + Array("\"\n".utf8)
        bytes += [0xC3, 0x41] + Array(" A 192.0.2.1\n".utf8)
        bytes += Array("u TXT ".utf8) + [0xF0, 0x9F] + Array("\n".utf8)
        let zone = ZoneLoader.load(bytes: bytes, path: "db")
        #expect(zone.files[0].bytes == bytes)
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        let txt = try #require(zone.records.first { $0.owner == (try? DomainName(parsing: "t.example.com.")) })
        #expect(txt.rdata.characterStrings == [[0x80, 0xE9, 0xFF]])
        #expect(txt.description == "t.example.com. 3600 IN TXT \"\\128\\233\\255\"")
        #expect(zone.records.count == 3 + 3)
        for record in zone.records { _ = record.description }
        for diagnostic in zone.diagnostics { _ = diagnostic.description }
    }

    /// A UTF-16 file (a Windows editor's "Unicode"): NUL bytes everywhere, one error per line, no crash.
    @Test func utf16File() throws {
        let text = Self.apex + "www A 192.0.2.80\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let zone = ZoneLoader.load(bytes: bytes, path: "db")
        #expect(zone.files[0].bytes == bytes)
        #expect(zone.hasErrors)
        // One per line, and one for the NUL after the last newline.
        #expect(zone.diagnostics.filter { $0.id == "lex.nul" }.count == text.split(separator: "\n").count + 1)
    }
}
