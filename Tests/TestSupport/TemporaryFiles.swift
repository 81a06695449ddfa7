import Foundation

/// Fresh folders of files for tests that read a tree (a declaration and its zones, a zone and
/// its `$INCLUDE`s) from disk as the tools do.
public enum TemporaryFiles {
    /// Writes `files` (relative path → text) into a new folder of `ProcessScratch` (gone at exit),
    /// creating subfolders as the paths need, and returns the folder.
    public static func directory(_ files: [String: String], prefix: String = "mailzone") throws -> URL {
        let directory = try ProcessScratch.directory(prefix: prefix)
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }
}
