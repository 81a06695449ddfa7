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
}
