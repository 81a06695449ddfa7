import Foundation
import PackagePlugin

/// Gives the `mailzone` executable its version and commit for `mailzone --version`.
///
/// The version is the latest release heading of CHANGELOG.md (`## [X.Y.Z] - DATE`), so the
/// changelog is the one place a release is numbered; the commit is read from the
/// repository's `.git` (files only: no `git` process, which a build may not have), or
/// `unknown` when the source is not a git checkout.
@main
struct EmbedVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `package.directory` is a Path: its URL form needs tools version 6.1.
        let root = URL(fileURLWithPath: context.package.directory.string)
        let changelog = root.appendingPathComponent("CHANGELOG.md")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildVersion.swift")
        let commit = GitHead.commit(of: root) ?? "unknown"
        return [
            .buildCommand(
                displayName: "Stamping \(target.name) with CHANGELOG.md's version and commit \(commit.prefix(12))",
                executable: try context.tool(named: "Embedder").url,
                arguments: ["version", output.path, changelog.path, commit],
                inputFiles: [changelog],
                outputFiles: [output]
            )
        ]
    }
}

/// The commit a git checkout (or a `git worktree`) has checked out, read from its files.
enum GitHead {
    static func commit(of root: URL) -> String? {
        var gitDirectory = root.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDirectory.path, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue {
            // A worktree's `.git` is a file: `gitdir: PATH`.
            guard let link = read(gitDirectory), link.hasPrefix("gitdir: ") else { return nil }
            gitDirectory = resolve(String(link.dropFirst("gitdir: ".count)), against: root)
        }
        guard let head = read(gitDirectory.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref: ") else { return head }
        let reference = String(head.dropFirst("ref: ".count))
        // A worktree keeps its branches in the main repository's directory (`commondir`).
        var common = gitDirectory
        if let path = read(gitDirectory.appendingPathComponent("commondir")) {
            common = resolve(path, against: gitDirectory)
        }
        for directory in [gitDirectory, common] {
            if let hash = read(directory.appendingPathComponent(reference)) { return hash }
        }
        for line in (read(common.appendingPathComponent("packed-refs")) ?? "").split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[1] == reference { return String(fields[0]) }
        }
        return nil
    }

    static func resolve(_ path: String, against directory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
