import Foundation
import Testing

/// One version everywhere: `mailzone --version`, CHANGELOG.md's latest release, and the
/// release that `.pre-commit-hooks.yaml`, `action.yml` and `examples/ci/` tell users to pin.
@Suite struct ReleaseVersionTests {
    static let root = DeclarationFixtures.packageRoot

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The first `## [X.Y.Z]` heading of CHANGELOG.md (`## [Unreleased]` is not a release).
    static func changelogRelease() throws -> String {
        for line in try text("CHANGELOG.md").split(separator: "\n") where line.hasPrefix("## [") {
            let name = line.dropFirst("## [".count).prefix { $0 != "]" }
            if name.first?.isNumber == true { return String(name) }
        }
        throw ReleaseError(description: "CHANGELOG.md has no release heading")
    }

    struct ReleaseError: Error, CustomStringConvertible { var description: String }

    /// The commit checked out, as `git rev-parse HEAD` says.
    static func headCommit() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "rev-parse", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func versionPrintsTheChangelogReleaseAndTheCommit() throws {
        let result = try MailzoneBinary.run(["--version"], in: Self.root)
        let commit = try Self.headCommit()
        #expect(commit.count == 40)
        #expect(result.status == 0)
        #expect(result.output == "mailzone \(try Self.changelogRelease()) (commit \(commit.prefix(12)))\n")
    }

    @Test func changelogKeepsAChangelogForm() throws {
        let changelog = try Self.text("CHANGELOG.md")
        #expect(changelog.hasPrefix("# Changelog\n"))
        #expect(changelog.contains("\n## [Unreleased]\n"))
        let release = try Self.changelogRelease()
        let heading = try #require(changelog.split(separator: "\n").first { $0.hasPrefix("## [\(release)] - ") })
        #expect(heading.wholeMatch(of: /## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}/) != nil, "\(heading)")
        #expect(changelog.contains("\n[\(release)]: "), "a link for [\(release)] at the end")
    }

    @Test func pinnedVersionsAreTheChangelogRelease() throws {
        let release = try Self.changelogRelease()
        #expect(try Self.text(".pre-commit-hooks.yaml").contains("rev: v\(release)\n"))
        #expect(try Self.text("examples/ci/github-actions.yml").contains("uses: OWNER/mailzone@v\(release)\n"))
        #expect(try Self.text("action.yml").contains("    default: \"\(release)\"\n"))
        #expect(try Self.text("README.md").contains("uses: OWNER/mailzone@v\(release)`"))
    }

    /// The `$schema` comments the docs and examples tell users to write name a file, never a
    /// URL of a repository the user would have to guess: in the docs the file that
    /// `mailzone schema > mailzone.schema.json` writes beside mailzone.yaml, in the examples
    /// the repository's own schemas/ relative to the YAML file.
    @Test func schemaCommentsNameFilesThatExist() throws {
        let comment = "# yaml-language-server: $schema="
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        for document in ["README.md"] + docs {
            let lines = try Self.text(document).split(separator: "\n").filter { $0.hasPrefix(comment) }
            if ["README.md", "docs/DECLARATION.md"].contains(document) {
                #expect(!lines.isEmpty, "\(document) shows no $schema comment")
            }
            for line in lines {
                #expect(line == "\(comment)mailzone.schema.json", "\(document): \(line)")
            }
        }
        let examples = Self.root.appendingPathComponent("examples")
        for example in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            let declaration = examples.appendingPathComponent("\(example)/mailzone.yaml")
            guard let text = try? String(contentsOf: declaration, encoding: .utf8) else { continue }
            let first = try #require(text.split(separator: "\n").first)
            #expect(first.hasPrefix(comment), "examples/\(example)/mailzone.yaml")
            let target = declaration.deletingLastPathComponent().appendingPathComponent(
                String(first.dropFirst(comment.count)))
            #expect(
                FileManager.default.fileExists(atPath: target.standardizedFileURL.path),
                "examples/\(example)/mailzone.yaml names \(first.dropFirst(comment.count))")
        }
    }

    /// `OWNER/mailzone` stands for the repository that hosts mailzone only where no file can
    /// know it (a workflow's `uses:`, a pre-commit `repo:`); README says so once. Anywhere
    /// else (the action's install step, the schema comments, the changelog's links) the
    /// placeholder would be a guess left to the user.
    @Test func theRepositoryPlaceholderIsOnlyWhereItCannotBeAvoided() throws {
        // Each time with a pointer to README's explanation beside it.
        let allowed: [String: Int] = [
            "README.md": 2,  // the explanation and the `uses:` in the Install section
            "examples/ci/github-actions.yml": 2,  // uses: OWNER/mailzone@vX.Y.Z
            ".pre-commit-hooks.yaml": 2,  // repo: https://github.com/OWNER/mailzone
            "action.yml": 2,  // its own usage line, in a comment
        ]
        let listing = Process()
        listing.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listing.arguments = ["git", "-C", Self.root.path, "ls-files"]
        let output = Pipe()
        listing.standardOutput = output
        try listing.run()
        let files = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        listing.waitUntilExit()
        #expect(files.contains("README.md"))
        var found: [String: Int] = [:]
        for file in files where !file.hasPrefix("Tests/") {
            guard let text = try? String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            else { continue }
            let count = text.components(separatedBy: "OWNER/mailzone").count - 1
            if count > 0 { found[file] = count }
        }
        #expect(found == allowed)
    }
}
