import Foundation
import Testing
@testable import MailZone
import ZoneFile

/// The OCF's zones keep their SOA in `../db.ocf`, a file their build writes ("THIS FILE IS AUTOMATICALLY
/// GENERATED"): the plan warns that the serial bump will be lost, and its diff names the file without `zones/../`.
/// Paths are folded for people only where the folded path names the same file.
@Suite struct GeneratedIncludeTests {
    @Test func aPathIsFoldedOnlyWhenItStillNamesTheSameFile() throws {
        let directory = try ApplySupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("real/sub"), withIntermediateDirectories: true)
        let root = directory.path
        #expect(FilePaths.displayed("\(root)/real/../db.ocf") == "\(root)/db.ocf")
        #expect(FilePaths.displayed("\(root)/./real/./db.example") == "\(root)/real/db.example")
        #expect(FilePaths.displayed("\(root)/real/db.example") == "\(root)/real/db.example")
        // A directory that does not exist cannot be checked: shown as written.
        #expect(FilePaths.displayed("\(root)/none/../db.ocf") == "\(root)/none/../db.ocf")
        // Behind a symbolic link to a directory, `..` leads to the link target's parent: shown as written.
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link"),
                                                   withDestinationURL: directory.appendingPathComponent("real/sub"))
        let linked = directory.appendingPathComponent("link").path + "/../x"
        #expect(FilePaths.displayed(linked) == linked)
    }
}
