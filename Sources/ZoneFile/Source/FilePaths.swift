import Foundation

/// Path questions asked wherever a file may come from a repository someone else writes:
/// what a path really names, and whether it stays inside a directory.
public enum FilePaths {
    /// The directory of `path` as written: `.` for a bare file name.
    public static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// The file `name` names when written in the file at `path`: relative names are relative to
    /// that file's directory (kept relative when the file's path is), absolute ones are as written.
    public static func path(_ name: String, besideFile path: String) -> String {
        if name.hasPrefix("/") { return name }
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    /// The absolute path with `.`, `..` and symbolic links resolved.
    public static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `path`, resolved, is the directory `root` (resolved) or lies inside it.
    public static func isInside(_ path: String, root: String) -> Bool {
        isInside(resolved: resolved(path), resolvedRoot: resolved(root))
    }

    /// The same for paths resolved already.
    public static func isInside(resolved path: String, resolvedRoot root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
