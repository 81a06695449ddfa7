import Foundation

/// Path questions asked wherever a file may come from a repository someone else writes:
/// what a path really names, and whether it stays inside a directory.
public enum FilePaths {
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
