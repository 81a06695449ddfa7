import Foundation

/// Path questions asked wherever a file may come from a repository someone else writes:
/// what a path really names, and whether it stays inside a directory.
package enum FilePaths {
    /// The directory of `path` as written: `.` for a bare file name.
    ///
    /// Worked out on the path's bytes, not with `NSString.deletingLastPathComponent`, which traps
    /// (SIGILL) on Linux for a one-character name such as `z` or `-` (swift-corelibs-foundation).
    package static func directory(of path: String) -> String {
        parent(of: path).map(String.init) ?? "."
    }

    /// `directory(of:)` as the part of `path` it is, no string made for it (`.` for a bare file name).
    package static func directoryPart(of path: String) -> Substring {
        parent(of: path) ?? "."
    }

    /// The file `name` names when written in the file at `path`: relative names are relative to
    /// that file's directory (kept relative when the file's path is), absolute ones are as written.
    package static func path(_ name: String, besideFile path: String) -> String {
        if name.hasPrefix("/") { return name }
        guard let directory = parent(of: path) else { return name }
        return joined(String(directory), name[...])
    }

    /// `name` in `directory`: the two joined by one `/` (none added after a `/`), their bytes copied once into
    /// the one string made.
    package static func joined(_ directory: String, _ name: Substring) -> String {
        let slash = UInt8(ascii: "/")
        let addsSlash = directory.utf8.last != slash
        var directory = directory
        var name = name
        return directory.withUTF8 { directory in
            name.withUTF8 { name in
                String(unsafeUninitializedCapacity: directory.count + (addsSlash ? 1 : 0) + name.count) { path in
                    var end = UnsafeMutableBufferPointer(rebasing: path[...]).initialize(fromContentsOf: directory)
                    if addsSlash {
                        path[end] = slash
                        end += 1
                    }
                    return end + UnsafeMutableBufferPointer(rebasing: path[end...]).initialize(fromContentsOf: name)
                }
            }
        }
    }

    /// The directory part of `path`, trailing slashes ignored (`a/b/` → `a`, `/z` → `/`), or nil
    /// for a bare name (`z`, `zz/`, empty); the part of `path` it is, the bytes read where they are.
    private static func parent(of path: String) -> Substring? {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        let first = bytes.startIndex
        var end = bytes.endIndex
        // Trailing slashes are left out, all but a first one: `/` alone (or `//`) is the root.
        while end > first, bytes.index(before: end) > first, bytes[bytes.index(before: end)] == slash {
            end = bytes.index(before: end)
        }
        if end > first, bytes.index(before: end) == first, bytes[first] == slash { return "/" }
        guard let lastSlash = bytes[..<end].lastIndex(of: slash) else { return nil }
        var directoryEnd = lastSlash
        while directoryEnd > first, bytes[bytes.index(before: directoryEnd)] == slash {
            directoryEnd = bytes.index(before: directoryEnd)
        }
        return directoryEnd == first ? "/" : Substring(bytes[..<directoryEnd])
    }

    /// `path` as people should read it: `zones/../db.ocf` as `db.ocf`, `./x` as `x`. The `.` and `..`
    /// are folded only when the shorter path names the same file (a `..` after a symbolic link to a
    /// directory leads elsewhere, and then the path is shown as written).
    package static func displayed(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let folded = (absolute ? "/" : "") + (parts.isEmpty && !absolute ? "." : parts.joined(separator: "/"))
        guard folded != path, let physicalPath = physical(path), let physicalFolded = physical(folded) else {
            return path
        }
        return physicalPath == physicalFolded ? folded : path
    }

    /// The file's directory as the system resolves it (links first, then `..`, as `realpath(3)` does), and its name;
    /// nil when the directory does not exist.
    private static func physical(_ path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        guard let real = realpath(directory.isEmpty ? "." : directory, nil) else { return nil }
        defer { free(real) }
        return String(cString: real) + "/" + (path as NSString).lastPathComponent
    }

    /// The absolute path with `.`, `..` and symbolic links resolved.
    ///
    /// As Foundation's `URL(fileURLWithPath:).standardizedFileURL.resolvingSymlinksInPath()` answers
    /// (`.` and `..` folded as written, then links resolved), but for a path that exists with one
    /// `realpath(3)` call: Foundation's answer costs several `stat` calls and URL objects, and a
    /// zone repository asks it several times for each of thousands of zone files.
    package static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let folded = foldingDots(absolute)
        if let real = realpath(folded, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// An absolute path with `.` and `..` folded as written (`..` at the root stays at the root) and
    /// repeated or trailing slashes dropped.
    private static func foldingDots(_ absolute: String) -> String {
        // Most paths have nothing to fold: no `.` or `..` component, no `//`, no trailing `/`.
        let bytes = absolute.utf8
        let slash = UInt8(ascii: "/")
        if bytes.count > 1, bytes.last != slash,
            !zip(bytes, bytes.dropFirst()).contains(where: { $0 == slash && ($1 == slash || $1 == UInt8(ascii: ".")) })
        {
            return absolute
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path`, resolved, is the directory `root` (resolved) or lies inside it.
    package static func isInside(_ path: String, root: String) -> Bool {
        isInside(resolved: resolved(path), resolvedRoot: resolved(root))
    }

    /// The same for paths resolved already. Compared as bytes, as the file system compares names: two
    /// spellings Swift holds equal (a composed `é` and `e` with a combining accent) are two directories.
    package static func isInside(resolved path: String, resolvedRoot root: String) -> Bool {
        let bytes = path.utf8
        // The root's bytes, then nothing more or a `/` (the root's own last byte, or the path's next one).
        guard bytes.starts(with: root.utf8) else { return false }
        if root.utf8.last == UInt8(ascii: "/") { return true }
        let next = bytes.index(bytes.startIndex, offsetBy: root.utf8.count)
        return next == bytes.endIndex || bytes[next] == UInt8(ascii: "/")
    }
}
