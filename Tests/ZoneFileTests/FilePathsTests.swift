import Foundation
import TestSupport
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
        let (base, paths) = try Self.linkedTree()
        defer { try? FileManager.default.removeItem(atPath: base) }
        for path in paths {
            let foundation = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            #expect(FilePaths.resolved(path) == foundation, "\(path)")
        }
    }

    /// `ResolvedDirectories`, which resolves each directory once and each file with one `lstat`, answers
    /// as `resolved` does for every path of the tree: links to files and directories, missing files,
    /// `.`, `..` and trailing slashes.
    @Test func resolvedDirectoriesAnswerAsResolvedDoes() throws {
        let (base, paths) = try Self.linkedTree()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let extra = [
            base + "/real/zones/.", base + "/real/zones/..", base + "/real/zones/db.example/",
            base + "/link/zones/db.link", "Sources/ZoneFile/Source/FilePaths.swift", "./Package.swift",
        ]
        let resolver = ResolvedDirectories(directoriesOf: paths + extra)
        for path in paths + extra {
            #expect(resolver.resolved(path) == FilePaths.resolved(path), "\(path)")
        }
        // A path whose directory the resolver was not given is resolved in full.
        #expect(
            ResolvedDirectories(directoriesOf: []).resolved(base + "/link/zones/db.link")
                == FilePaths.resolved(paths[3]))
    }

    /// A directory holding many of the files is listed once instead of asking about each file: the
    /// resolver still answers as `resolved` does for plain files, links to files, dangling links,
    /// directories and missing names in it, and `mayExist` is false exactly for the names nothing is at.
    @Test func listedDirectoriesAnswerAsTheFileSystemDoes() throws {
        let (base, _) = try Self.linkedTree()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let manager = FileManager.default
        let zones = base + "/real/zones"
        var paths = (0..<ResolvedDirectories.listedFiles).map { zones + "/db.zone\($0)" }
        for path in paths { manager.createFile(atPath: path, contents: Data("x".utf8)) }
        manager.createFile(atPath: zones + "/db.zone0.jnl", contents: Data())
        try manager.createSymbolicLink(atPath: zones + "/db.zone1.signed.jnl", withDestinationPath: "db.zone1")
        try manager.createSymbolicLink(atPath: zones + "/db.dangling", withDestinationPath: "nowhere")
        try manager.createDirectory(atPath: zones + "/db.directory", withIntermediateDirectories: false)
        paths += [
            zones + "/db.example", zones + "/db.link", zones + "/db.dangling", zones + "/db.directory",
            zones + "/missing",
        ]
        let resolver = ResolvedDirectories(directoriesOf: paths)
        for path in paths {
            #expect(resolver.resolved(path) == FilePaths.resolved(path), "\(path)")
        }
        let besides = paths.flatMap { [$0, $0 + ".jnl", $0 + ".signed.jnl"] } + [zones + "/.", zones + "/.."]
        var status = stat()
        for path in besides {
            #expect(resolver.mayExist(path) == (lstat(path, &status) == 0), "\(path)")
        }
        // Asked with a suffix, as for the journals beside a zone file: as the path and suffix joined.
        let journalPaths = paths + [zones + "/db.zone0", zones + "/db.zone1.signed", zones + "/.", zones + "/"]
        for path in journalPaths {
            for suffix in [".jnl", ".signed.jnl", ".example", ".zone1", ".link", "jnl", ".", ".x/y.jnl"] {
                #expect(
                    resolver.mayExist(path, suffix: suffix) == resolver.mayExist(path + suffix), "\(path) \(suffix)")
            }
        }
    }

    /// A path is inside a root when its bytes are the root's, or the root's and a `/` then more: file names
    /// on Linux are bytes, so a name spelt with a composed `é` and one spelt `e` and a combining accent are
    /// two directories, although Swift holds the two strings equal.
    @Test(arguments: [
        ("/repo", "/repo", true), ("/repo/zones/db", "/repo", true), ("/repo/", "/repo", true),
        ("/", "/", true), ("/etc", "/", true), ("/repository", "/repo", false), ("/rep", "/repo", false),
        ("/srv/caf\u{E9}", "/srv/caf\u{E9}", true), ("/srv/caf\u{E9}/db", "/srv/caf\u{E9}", true),
        ("/srv/cafe\u{301}", "/srv/caf\u{E9}", false), ("/srv/caf\u{E9}", "/srv/cafe\u{301}", false),
        ("/srv/cafe\u{301}/db", "/srv/caf\u{E9}", false),
    ])
    func insideARootByBytes(_ path: String, _ root: String, _ inside: Bool) {
        #expect(FilePaths.isInside(resolved: path, resolvedRoot: root) == inside)
    }

    /// A temporary tree of files, directories and links (the caller removes `base`), and paths into it
    /// and around it.
    private static func linkedTree() throws -> (base: String, paths: [String]) {
        let manager = FileManager.default
        let base = try ProcessScratch.directory(prefix: "filepaths").path
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
        return (base, paths)
    }
}
