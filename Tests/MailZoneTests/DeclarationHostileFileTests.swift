import Foundation
import TestSupport
import Testing

@testable import MailZone

/// A mailzone.yaml that is not a YAML file, or not a file at all: one positioned error, no crash, no hang.
@Suite struct DeclarationHostileFileTests {
    private func directory() throws -> URL {
        let url = try ProcessScratch.directory(prefix: "mailzone-decl")
        return url
    }

    /// The errors of loading `url`, as the command line prints them.
    private func errors(_ url: URL) throws -> [String] {
        let catalog = try DeclarationFixtures.builtInCatalog()
        do {
            _ = try DeclarationLoader.load(contentsOf: url, displayPath: "mailzone.yaml", builtInPresets: catalog)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    private func write(_ bytes: [UInt8], to url: URL) throws -> URL {
        try Data(bytes).write(to: url)
        return url
    }

    @Test func emptyFile() throws {
        let url = try write([], to: try directory().appendingPathComponent("mailzone.yaml"))
        #expect(
            try errors(url) == [
                "mailzone.yaml:1:1: error: mailzone.yaml is empty\n"
                    + "    fix: start it with 'version: 1', then 'zones:' and 'senders:'"
            ])
    }

    @Test func aDirectory() throws {
        let dir = try directory()
        #expect(
            try errors(dir) == [
                "mailzone.yaml:1:1: error: cannot read mailzone.yaml: is a directory, not a file\n"
                    + "    fix: check that the file exists and is readable"
            ])
    }

    /// Reading a FIFO would wait forever for a writer. The load runs under a `FIFOWatch`: an open
    /// that waits for a writer is seen, let go and reported, so the test fails instead of hanging.
    @Test func aFIFO() throws {
        let path = try directory().appendingPathComponent("mailzone.yaml").path
        #expect(mkfifo(path, 0o644) == 0)
        let watched = FIFOWatch.run(fifo: path) { [self] in try? errors(URL(fileURLWithPath: path)) }
        #expect(!watched.waitedForWriter, "opening the FIFO waited for a writer")
        #expect(
            watched.result?.first?.hasPrefix(
                "mailzone.yaml:1:1: error: cannot read mailzone.yaml: is not a regular file (a FIFO, socket or device)")
                == true)
    }

    @Test func aDevice() throws {
        #expect(
            try errors(URL(fileURLWithPath: "/dev/zero")).first?.hasPrefix(
                "mailzone.yaml:1:1: error: cannot read mailzone.yaml: is not a regular file") == true)
    }

    /// Tests run as root, for whom chmod 000 blocks nothing: a path through a file fails for everyone.
    @Test func unreadablePath() throws {
        let file = try write(Array("version: 1\n".utf8), to: try directory().appendingPathComponent("file"))
        #expect(
            try errors(file.appendingPathComponent("mailzone.yaml")).first?.hasPrefix(
                "mailzone.yaml:1:1: error: cannot read mailzone.yaml: no such file") == true)
    }

    @Test func vanishedFile() throws {
        let url = try write(Array("version: 1\n".utf8), to: try directory().appendingPathComponent("mailzone.yaml"))
        try FileManager.default.removeItem(at: url)
        #expect(
            try errors(url) == [
                "mailzone.yaml:1:1: error: cannot read mailzone.yaml: no such file\n"
                    + "    fix: check that the file exists and is readable"
            ])
    }

    @Test func notUTF8() throws {
        let url = try write(
            Array("version: 1\nzones:\n  - origin: ex".utf8) + [0xFF, 0xFE] + Array("\n".utf8),
            to: try directory().appendingPathComponent("mailzone.yaml"))
        #expect(
            try errors(url) == [
                "mailzone.yaml:3:15: error: mailzone.yaml is not UTF-8 text (invalid byte sequence here)\n"
                    + "    fix: save the file as UTF-8"
            ])
    }

    @Test func nulByte() throws {
        let url = try write(
            Array("version: 1\nzo".utf8) + [0] + Array("nes: []\n".utf8),
            to: try directory().appendingPathComponent("mailzone.yaml"))
        #expect(try errors(url).first?.hasPrefix("mailzone.yaml:2:3: error: mailzone.yaml contains a NUL byte") == true)
    }

    /// The size limit is checked before the file is read into memory.
    @Test func tooLarge() throws {
        let url = try directory().appendingPathComponent("mailzone.yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 5 * 1024 * 1024 * 1024)  // sparse: no disk used
        try handle.close()
        #expect(
            try errors(url) == [
                "mailzone.yaml:1:1: error: mailzone.yaml is larger than 16777216 bytes; mailzone reads at most 16777216\n"
                    + "    fix: is this the right file? a declaration is a few kilobytes"
            ])
    }
}
