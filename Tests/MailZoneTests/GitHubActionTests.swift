import Foundation
import TestSupport
import Testing

/// The composite GitHub Action (`action.yml`) as a runner would run it: its install step
/// (`scripts/action-install`) fetches a release tarball and its SHA-256 file, refuses a
/// tarball whose sum differs, and puts the binary on `GITHUB_PATH`; its check step runs
/// `mailzone check --format github` with that binary.
///
/// The release is made here from the built binary, in the layout `scripts/release` writes
/// (`mailzone-VERSION-linux-x86_64/bin/mailzone`), and served through a `file://` URL.
@Suite(
    .enabled(
        if: MailzoneBinary.shouldRun,
        "build the mailzone binary first: swift build --product mailzone"))
struct GitHubActionTests {
    static let root = DeclarationFixtures.packageRoot
    static let version = "9.9.9"

    /// A folder of releases (`vVERSION/NAME.tar.gz` and `.sha256`), a runner temp folder and a GITHUB_PATH file.
    static func runner() throws -> (releases: URL, temp: URL, githubPath: URL) {
        let binary = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let top = try ApplySupport.temporaryDirectory()
        let name = "mailzone-\(version)-linux-x86_64"
        let stage = top.appendingPathComponent("stage/\(name)/bin")
        try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: stage.appendingPathComponent("mailzone"))
        // Laid out as github.com lays out a repository's release downloads (see `fakeCurl`).
        let releases = top.appendingPathComponent("github/someone/mailzone/releases/download")
        let tagged = releases.appendingPathComponent("v\(version)")
        try FileManager.default.createDirectory(at: tagged, withIntermediateDirectories: true)
        #expect(
            try shell(
                "tar -C '\(top.path)/stage' -czf '\(tagged.path)/\(name).tar.gz' \(name)"
                    + " && cd '\(tagged.path)' && sha256sum \(name).tar.gz > \(name).tar.gz.sha256", in: top
            ).status == 0)
        let temp = top.appendingPathComponent("runner-temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        let githubPath = top.appendingPathComponent("github-path")
        _ = FileManager.default.createFile(atPath: githubPath.path, contents: nil)
        return (releases, temp, githubPath)
    }

    static func shell(_ script: String, in directory: URL, environment: [String: String] = [:])
        throws -> (status: Int32, output: String)
    {
        let result = try ToolProcess.run(
            "bash", ["-c", script], in: directory,
            environment: MailzoneBinary.environment.merging(environment) { $1 })
        return (result.status, result.output)
    }

    static func install(
        _ runner: (releases: URL, temp: URL, githubPath: URL), environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String) {
        try shell(
            "'\(root.path)/scripts/action-install'", in: runner.temp,
            environment: [
                "MAILZONE_VERSION": version, "RUNNER_TEMP": runner.temp.path, "GITHUB_PATH": runner.githubPath.path,
            ].merging(
                environment ?? [
                    "MAILZONE_REPOSITORY": "someone/mailzone",
                    "MAILZONE_RELEASES_URL": "file://\(runner.releases.path)",
                ]
            ) { $1 })
    }

    /// A `curl` for the tests, first on PATH: it serves `https://github.com/PATH` from the
    /// runner's `github/PATH` (a 404, exit 22, for anything else), so the URL the install step
    /// builds from the action's repository is checked without a network.
    static func fakeCurl(_ runner: (releases: URL, temp: URL, githubPath: URL)) throws -> URL {
        let github = runner.releases.path.replacingOccurrences(of: "/someone/mailzone/releases/download", with: "")
        let bin = runner.temp.deletingLastPathComponent().appendingPathComponent("fake-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let curl = bin.appendingPathComponent("curl")
        try """
        #!/bin/bash
        # curl --fail ... -o FILE URL, answered from \(github)
        while [ $# -gt 1 ]; do [ "$1" = -o ] && out=$2; shift; done
        echo "curl $1" >&2
        case "$1" in https://github.com/*) source="\(github)/${1#https://github.com/}" ;; *) exit 22 ;; esac
        [ -f "$source" ] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
        cp "$source" "$out"

        """.write(to: curl, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: curl.path)
        return bin
    }

    /// The `run:` line of the action's check step.
    static func checkStep() throws -> String {
        let action = try String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8)
        let line = try #require(action.split(separator: "\n").first { $0.hasPrefix("      run: mailzone check") })
        return String(line.dropFirst("      run: ".count))
    }

    @Test func installsTheReleaseAndChecksWithIt() throws {
        let runner = try Self.runner()
        let installed = try Self.install(runner)
        #expect(installed.status == 0, "\(installed.output)")
        let bin = runner.temp.appendingPathComponent(
            "mailzone-\(Self.version)/mailzone-\(Self.version)-linux-x86_64/bin")
        #expect(try String(contentsOf: runner.githubPath, encoding: .utf8) == bin.path + "\n")

        let example = ExamplesTests.directory("tencent-ses-primary")
        let check = try Self.shell(
            try Self.checkStep(), in: example,
            environment: ["PATH": bin.path + ":/usr/bin:/bin", "MAILZONE_CONFIG": ""])
        #expect(
            check.output
                == (try String(
                    contentsOf: example.appendingPathComponent("golden/check-github.txt"),
                    encoding: .utf8)))
        #expect(check.status == 2)
    }

    /// The install step with no repository input, a stand-in `curl` on PATH, and the runner's
    /// GITHUB_ACTION_PATH set to `actionPath` under the runner's folder: what a composite action
    /// sees on GitHub (there, `/home/runner/work/_actions/OWNER/NAME/REF`).
    private static func installWithoutRepositoryInput(
        actionPath: String
    ) throws -> (runner: (releases: URL, temp: URL, githubPath: URL), installed: (status: Int32, output: String)) {
        let runner = try runner()
        let bin = try fakeCurl(runner)
        let installed = try install(
            runner,
            environment: [
                "MAILZONE_REPOSITORY": "", "PATH": bin.path + ":/usr/bin:/bin",
                "GITHUB_ACTION_PATH": runner.temp.deletingLastPathComponent().path + "/" + actionPath,
            ])
        return (runner, installed)
    }

    /// github.action_repository can be empty inside a composite action (actions/runner#2473):
    /// the install step then takes the repository from the path the runner checked the action
    /// out to, `_actions/OWNER/NAME/REF`, so nobody has to write the repository's name.
    @Test func installsFromTheRepositoryTheActionCameFrom() throws {
        let (runner, installed) = try Self.installWithoutRepositoryInput(
            actionPath: "work/_actions/someone/mailzone/v\(Self.version)")
        #expect(installed.status == 0, "\(installed.output)")
        let name = "mailzone-\(Self.version)-linux-x86_64"
        let base = "https://github.com/someone/mailzone/releases/download/v\(Self.version)/\(name)"
        #expect(installed.output.hasPrefix("curl \(base).tar.gz\ncurl \(base).tar.gz.sha256\n"), "\(installed.output)")
        #expect(
            try String(contentsOf: runner.githubPath, encoding: .utf8)
                == runner.temp.appendingPathComponent("mailzone-\(Self.version)/\(name)/bin").path + "\n")
    }

    /// Run from a checkout (`uses: ./`), the action has no repository to take: it says to set one.
    @Test func withoutARepositoryItSaysToNameOne() throws {
        let (runner, installed) = try Self.installWithoutRepositoryInput(
            actionPath: "work/zones/zones/./")
        #expect(installed.status == 1)
        #expect(
            installed.output
                == "::error::cannot tell which repository this action comes from; set its input repository: OWNER/NAME (the repository whose releases hold mailzone)\n"
        )
        #expect(try String(contentsOf: runner.githubPath, encoding: .utf8).isEmpty)
    }

    @Test func refusesATarballWhoseSumDiffers() throws {
        let runner = try Self.runner()
        let name = "mailzone-\(Self.version)-linux-x86_64.tar.gz"
        let sum = runner.releases.appendingPathComponent("v\(Self.version)/\(name).sha256")
        try (String(repeating: "0", count: 64) + "  \(name)\n").write(to: sum, atomically: true, encoding: .utf8)
        let installed = try Self.install(runner)
        #expect(installed.status == 1)
        #expect(
            installed.output.contains(
                "::error::the SHA-256 of \(name) does not match \(name).sha256; not installing it"))
        #expect(try String(contentsOf: runner.githubPath, encoding: .utf8).isEmpty)
    }
}
