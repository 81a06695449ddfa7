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
        let schema =
            "$schema=https://raw.githubusercontent.com/OWNER/mailzone/v\(release)/schemas/mailzone.schema.json\n"
        #expect(try Self.text("README.md").contains(schema))
        #expect(try Self.text("docs/DECLARATION.md").contains(schema))
        #expect(try Self.text("README.md").contains("uses: OWNER/mailzone@v\(release)`"))
    }
}
