import Foundation
import Testing

@testable import ZoneFile

/// Paths as users write them in `file:` and `$INCLUDE`, including the one-character names
/// that made Foundation's `deletingLastPathComponent` trap (SIGILL) on Linux.
@Suite struct FilePathsTests {
    @Test(arguments: [
        ("z", "."), ("-", "."), ("z/", "."), ("ab", "."), ("zz/", "."), ("", "."),
        ("/", "/"), ("//", "/"), ("/z", "/"), ("/a/b/", "/a"), ("a/b", "a"), ("a//b", "a"), ("./z", "."),
        ("a/z", "a"), ("zones/db.example.com", "zones"), ("../z", ".."),
    ])
    func directoryOf(_ path: String, _ directory: String) {
        #expect(FilePaths.directory(of: path) == directory)
    }

    @Test(arguments: [
        ("z", "x", "x"), ("-", "x.inc", "x.inc"), ("a/z", "x", "a/x"), ("/z", "x", "/x"), ("/a/b", "c", "/a/c"),
        ("a/b", "/abs/inc", "/abs/inc"), ("zones/db", "i", "zones/i"),
    ])
    func pathBesideFile(_ file: String, _ name: String, _ expected: String) {
        #expect(FilePaths.path(name, besideFile: file) == expected)
    }

    /// `resolved` answers as Foundation's `standardizedFileURL.resolvingSymlinksInPath()` does (which it
    /// replaces, for speed, where the path exists): files, directories, links to either, `.` and `..`
    /// (folded as written, before links), relative paths, repeated slashes, and paths that do not exist.
    @Test func resolvedAnswersAsFoundationDoes() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("filepaths-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        try manager.createDirectory(atPath: base + "/real/zones", withIntermediateDirectories: true)
        manager.createFile(atPath: base + "/real/zones/db.example", contents: Data("x".utf8))
        try manager.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/real")
        try manager.createSymbolicLink(atPath: base + "/relative-link", withDestinationPath: "real/zones")
        try manager.createSymbolicLink(atPath: base + "/real/zones/db.link", withDestinationPath: "db.example")
        try manager.createSymbolicLink(atPath: base + "/up", withDestinationPath: "real/zones/../zones")
        let paths = [
            base, base + "/", base + "//real///zones/", base + "/real/zones/db.example",
            base + "/link/zones/db.example",
            base + "/relative-link/db.example", base + "/real/zones/db.link", base + "/link/zones/../zones/db.link",
            base + "/real/./zones/./db.example", base + "/real/zones/../../real/zones", base + "/up/db.example",
            base + "/link/zones/missing", base + "/missing/db.example", base + "/link/missing/../zones",
            "/", "/..", "/../../tmp", ".", "..", "Package.swift", "./Sources/../Package.swift", "missing-here",
        ]
        for path in paths {
            let foundation = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            #expect(FilePaths.resolved(path) == foundation, "\(path)")
        }
    }
}
