import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// Every limit of `LoadOptions` (docs/LIMITS.md): it stops a hostile file with one clear
/// error at file:line:column, it can be changed, and the file still prints back byte for byte.
@Suite struct LimitsTests {
    static let apex = DirectiveTests.apex

    /// The one diagnostic with `id`, checked to have a position.
    private func single(_ id: String, in zone: Zone, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> Diagnostic
    {
        let found = zone.diagnostics.filter { $0.id == id }
        #expect(found.count == 1, "\(zone.diagnostics.prefix(5))", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    // MARK: $INCLUDE

    /// a0 includes a1 includes a2 ... a19: the 17th level is refused where it is written.
    @Test func includeDepth() throws {
        var files: [String: String] = ["a0": Self.apex + "$INCLUDE a1\n"]
        for level in 1..<20 { files["a\(level)"] = "; level \(level)\n$INCLUDE a\(level + 1)\n" }
        files["a20"] = "deep A 192.0.2.1\n"
        let dir = try TemporaryFiles.directory(files)
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("a0").path)
        let error = try single("limit.include-depth", in: zone)
        #expect(error.file == dir.appendingPathComponent("a16").path)
        #expect(error.location?.line == 2 && error.location?.column == 10)
        #expect(error.description.hasPrefix("\(dir.path)/a16:2:10: error: $INCLUDE nested more than 16 deep"))
        #expect(zone.files.count == 17)

        var options = LoadOptions()
        options.maxIncludeDepth = 2
        let shallow = ZoneLoader.load(path: dir.appendingPathComponent("a0").path, options: options)
        #expect(try single("limit.include-depth", in: shallow).file.hasSuffix("/a2"))
    }

    @Test func includeSelfIsACycle() throws {
        let dir = try TemporaryFiles.directory(["db": Self.apex + "$INCLUDE ./db\n"])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("db").path)
        let error = try single("include.cycle", in: zone)
        #expect(error.location?.line == 6)
        #expect(zone.files.count == 1)
    }

    /// Each level includes the next twice: 2^17 inclusions without a count limit.
    @Test func includeFanOutIsCounted() throws {
        var files: [String: String] = ["l0": Self.apex + "$INCLUDE l1\n$INCLUDE l1\n"]
        for level in 1..<16 { files["l\(level)"] = "$INCLUDE l\(level + 1)\n$INCLUDE l\(level + 1)\n" }
        files["l16"] = "; leaf\n"
        let dir = try TemporaryFiles.directory(files)
        let loaded = ZoneLoader.load(path: dir.appendingPathComponent("l0").path)
        let error = try single("limit.include-count", in: loaded)
        #expect(
            error.message == "$INCLUDE would read more than 10000 files in this zone (each inclusion of a file counts)")
        // Bounded by the count, not by time: exactly the top file and 10,000 inclusions were read.
        #expect(loaded.files.count == 10_001)

        var options = LoadOptions()
        options.maxIncludedFiles = 3
        let small = ZoneLoader.load(path: dir.appendingPathComponent("l0").path, options: options)
        let smallError = try single("limit.include-count", in: small)
        #expect(smallError.file.hasSuffix("/l3") && smallError.location?.line == 1)
    }

    @Test func totalBytesAreBounded() throws {
        let dir = try TemporaryFiles.directory([
            "db": Self.apex + "$INCLUDE big.inc\n",
            "big.inc": String(repeating: "; padding padding padding\n", count: 100),
        ])
        var options = LoadOptions()
        options.maxTotalBytes = 1_000
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("db").path, options: options)
        let error = try single("limit.total-bytes", in: zone)
        #expect(error.location?.line == 6 && error.location?.column == 10)
        #expect(error.message.hasSuffix("big.inc would take the zone past its limit of 1000 bytes read in all files"))

        options.maxTotalBytes = 10
        let top = ZoneLoader.load(path: dir.appendingPathComponent("db").path, options: options)
        #expect(top.diagnostics.map(\.id) == ["limit.total-bytes"])
        #expect(
            top.diagnostics.first?.message
                == "is \(Self.apex.utf8.count + 17) bytes long; mailzone reads files of at most 10 bytes")
    }

    /// `link/../secret` is read by the kernel through the link; the root check must see the same file.
    @Test func includeThroughASymlinkAndDotDotStaysInTheRoot() throws {
        let dir = try TemporaryFiles.directory([
            "repo/db": Self.apex + "$INCLUDE link/../secret.inc\n",
            "outside/sub/keep": "",
            "outside/secret.inc": "stolen TXT \"secret\"\n",
        ])
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("repo/link").path,
            withDestinationPath: dir.appendingPathComponent("outside/sub").path)
        var options = LoadOptions()
        options.includes = .confined(to: dir.appendingPathComponent("repo").path)
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("repo/db").path, options: options)
        #expect(zone.diagnostics.map(\.id) == ["include.outside"])
        #expect(zone.records.allSatisfy { $0.type != .txt })
    }

    // MARK: $GENERATE

    @Test func generateRange() throws {
        var options = LoadOptions()
        options.maxGeneratedRecords = 10
        let text = Self.apex + "$GENERATE 0-10 h$ A 192.0.2.$\n$GENERATE 0-9 g$ A 192.0.2.$\n"
        let zone = ZoneLoader.load(text: text, path: "db", options: options)
        let error = try single("limit.generate", in: zone)
        #expect(error.description == "db:6:11: error: $GENERATE range makes 11 records; the limit is 10")
        #expect(zone.records.count == 3 + 10)
        #expect(zone.files[0].bytes == Array(text.utf8))

        // The default refuses a range of more than a million at once, without expanding it.
        let generated = ZoneLoader.load(text: Self.apex + "$GENERATE 0-2147483646 h$ A 192.0.2.1\n", path: "db")
        #expect(
            try single("limit.generate", in: generated).message
                == "$GENERATE range makes 2147483647 records; the limit is 1000000")
        #expect(generated.records.count == 3)
    }

    @Test func generatedRecordsInAll() throws {
        var options = LoadOptions()
        options.maxGeneratedRecordsTotal = 25
        let text =
            Self.apex + "$GENERATE 1-10 a$ A 192.0.2.$\n$GENERATE 1-10 b$ A 192.0.2.$\n$GENERATE 1-10 c$ A 192.0.2.$\n"
        let zone = ZoneLoader.load(text: text, path: "db", options: options)
        let error = try single("limit.generate-total", in: zone)
        #expect(
            error.description
                == "db:8:11: error: $GENERATE range makes 10 records, and the zone's $GENERATEs already made 20; the limit for the zone is 25"
        )
        #expect(zone.records.count == 3 + 20)

        // A range past what is left is refused before it is expanded, each time.
        options.maxGeneratedRecordsTotal = 10
        let big = ZoneLoader.load(
            text: Self.apex + String(repeating: "$GENERATE 1-1000000 h$ A 192.0.2.1\n", count: 3),
            path: "db", options: options)
        #expect(big.diagnostics.map(\.id) == ["limit.generate-total", "limit.generate-total", "limit.generate-total"])
        #expect(big.records.count == 3)
    }

    // MARK: Entries, records, diagnostics

    @Test func entryLength() throws {
        var options = LoadOptions()
        options.maxEntryLength = 100
        let long = "long TXT \"" + String(repeating: "x", count: 200) + "\"\n"
        let text = Self.apex + long + "after A 192.0.2.2\n"
        let zone = ZoneLoader.load(text: text, path: "db", options: options)
        let error = try single("limit.entry-length", in: zone)
        #expect(
            error.description
                == "db:6:1: error: entry is \(long.utf8.count) bytes long; the limit is 100 (a missing ')'?)")
        #expect(zone.records.last?.description == "after.example.com. 3600 IN A 192.0.2.2")
        #expect(zone.files[0].bytes == Array(text.utf8))
    }

    /// An unclosed '(' makes the rest of a large file one entry: refused in linear time,
    /// its tokens not kept.
    @Test func runawayEntryIsCheap() throws {
        let words = String(repeating: "a ", count: 1_000_000)
        let text = Self.apex + "x TXT ( " + words + "\n"
        let loaded = ZoneLoader.load(text: text, path: "db")
        #expect(loaded.diagnostics.map(\.id) == ["lex.unclosed-paren"])
        #expect(loaded.files[0].bytes.count == text.utf8.count)

        // The same without a problem: the length limit speaks.
        let line = Self.apex + "x TXT " + String(repeating: "a ", count: 600_000) + "\n"
        let refused = ZoneLoader.load(text: line, path: "db")
        #expect(refused.diagnostics.map(\.id) == ["limit.entry-length"])
        #expect(refused.diagnostics.first?.location?.line == 6)
    }

    @Test func totalRecords() throws {
        var options = LoadOptions()
        options.maxRecords = 5
        let text = Self.apex + (1...5).map { "h\($0) A 192.0.2.\($0)\n" }.joined()
        let zone = ZoneLoader.load(text: text, path: "db", options: options)
        let error = try single("limit.records", in: zone)
        #expect(
            error.description == "db:8:1: error: the zone has more than 5 records; raise the limit if this is expected")
        #expect(zone.records.count == 5)

        // $GENERATE counts too, and stops at the limit.
        let generated = ZoneLoader.load(
            text: Self.apex + "$GENERATE 1-100 h$ A 192.0.2.1\n", path: "db", options: options)
        #expect(try single("limit.records", in: generated).location?.line == 6)
        #expect(generated.records.count == 5)
    }

    /// A binary file or garbage makes an error per line; the report stops growing at the limit.
    @Test func diagnosticsAreCapped() throws {
        let text = Self.apex + String(repeating: "bad line here\n", count: 20_000)
        let zone = ZoneLoader.load(text: text, path: "db")
        #expect(zone.diagnostics.count == 10_001)
        #expect(zone.diagnostics.last?.id == "limit.diagnostics")
        #expect(
            zone.diagnostics.last?.description
                == "db:10006:5: error: more than 10000 problems; the rest are not reported (is this a zone file?)")
        #expect(zone.files[0].bytes == Array(text.utf8))

        var options = LoadOptions()
        options.maxDiagnostics = 3
        let few = ZoneLoader.load(text: text, path: "db", options: options)
        #expect(few.diagnostics.map(\.id).suffix(1) == ["limit.diagnostics"])
        #expect(few.diagnostics.count == 4)
    }

    /// A NUL byte is reported once per entry, in comments too; a file of NULs is one entry per line.
    @Test func nulBytes() throws {
        let text = Self.apex + "a TXT \"x\u{0}\u{0}y\" ; \u{0}\nb A 192.0.2.1 ; \u{0}\n"
        let zone = ZoneLoader.load(text: text, path: "db")
        #expect(
            zone.diagnostics.map(\.description) == [
                "db:6:9: error: NUL byte in the zone file (binary data?)",
                "db:7:17: error: NUL byte in the zone file (binary data?)",
            ])
        #expect(zone.files[0].bytes == Array(text.utf8))

        let zeros = [UInt8](repeating: 0, count: 1_000_000)
        let binary = ZoneLoader.load(bytes: zeros, path: "blob", options: LoadOptions(origin: .root))
        #expect(binary.diagnostics.filter { $0.id == "lex.nul" }.count == 1)
        #expect(binary.files[0].bytes == zeros)
    }
}
