import Foundation
import Testing

/// The `mailzone` binary needs nothing beside it: copied alone into an empty folder and run
/// with an empty environment (no toolchain on `PATH` or `LD_LIBRARY_PATH`), it still knows
/// every built-in preset and plans an example.
///
/// Before the presets were compiled in, the copy looked for `mailzone_MailAuth.resources`
/// beside itself: `presets` listed nothing (exit 0) and `plan` said `unknown preset`.
/// (`scripts/release` makes the same check on the release build, which also links the Swift
/// runtime statically, in a Debian root without a toolchain.)
@Suite(
    .enabled(
        if: MailzoneBinary.shouldRun,
        "build the mailzone binary first: swift build --product mailzone"))
struct SelfContainedBinaryTests {
    /// A folder holding only a copy of the binary (`bin/mailzone`) and a copy of an example.
    static func isolatedCopy(example: String) throws -> (binary: URL, example: URL) {
        let built = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let root = try ApplySupport.temporaryDirectory()
        let binary = root.appendingPathComponent("bin/mailzone")
        try FileManager.default.createDirectory(
            at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built, to: binary)
        let copy = root.appendingPathComponent(example)
        try FileManager.default.copyItem(at: ExamplesTests.directory(example), to: copy)
        return (binary, copy)
    }

    /// Runs `binary ARGUMENTS` in `directory` with only the environment given.
    /// A fresh copy can be "text file busy" for a moment: a process another test forks while the copy
    /// is being written holds it open for writing until it execs (a Linux race between writing an
    /// executable and forking elsewhere), so a start refused so is tried again, a bounded number of times.
    static func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        var attempts = 0
        while true {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ["SOURCE_DATE_EPOCH": "1796083200", "NO_COLOR": "1", "PATH": "/nonexistent"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch let error as NSError
                where attempts < 100 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY)
            {
                attempts += 1
                usleep(10_000)
                continue
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// The names of the preset files in the source tree, the presets' source of truth.
    static var presetNamesInTheSourceTree: [String] {
        let folder = DeclarationFixtures.packageRoot.appendingPathComponent("Sources/MailAuth/Presets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// A copied binary that still finds the build directory would pass the tests below on this
    /// machine only: the binary must not name a resource bundle at all (SwiftPM compiles the
    /// bundle's absolute build path into every module that has resources).
    @Test func theBinaryNamesNoResourceBundle() throws {
        let built = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let bytes = try Data(contentsOf: built)
        #expect(bytes.range(of: Data(".resources".utf8)) == nil, "\(built.path) names a resource bundle")
    }

    @Test func presetsListsEveryPresetWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["presets"], in: copy.binary.deletingLastPathComponent())
        #expect(result.status == 0, "\(result.output)")
        let listed = result.output.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map(String.init)
        }
        let names = Self.presetNamesInTheSourceTree
        #expect(names.count >= 12)
        #expect(names.allSatisfy { listed.contains($0) }, "listed: \(listed)")
    }

    @Test func schemaPrintsTheDeclarationSchemaWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["schema"], in: copy.example)
        let file = DeclarationFixtures.packageRoot.appendingPathComponent("schemas/mailzone.schema.json")
        #expect(result.status == 0)
        #expect(result.output == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func planRunsAnExampleWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["plan"], in: copy.example)
        let golden = try String(contentsOf: copy.example.appendingPathComponent("golden/plan.txt"), encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.output == golden)
    }
}
