import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// A large zone file is mapped rather than copied (`SourceFile.read`), and readers give its pages back
/// behind them. What a load makes of a mapped file must be what it makes of the same bytes in memory,
/// on every corpus and real zone; small, empty and irregular files are read as before.
@Suite struct SourceMappingTests {
    /// The zone at `path` loaded with every file mapped, and with every file read into memory.
    static func bothWays(_ path: String, _ options: LoadOptions) -> (mapped: Zone, read: Zone) {
        var mapped = options
        mapped.mapFilesFrom = 1
        var read = options
        read.mapFilesFrom = .max
        return (ZoneLoader.load(path: path, options: mapped), ZoneLoader.load(path: path, options: read))
    }

    static func expectSame(_ mapped: Zone, _ read: Zone, _ label: String) {
        #expect(mapped.files.map { Array($0.source.bytes) } == read.files.map { Array($0.source.bytes) }, "\(label)")
        #expect(
            mapped.files.allSatisfy { $0.source.bytes.isMapped || $0.source.bytes.isEmpty },
            "\(label): a file was not mapped")
        #expect(!read.files.contains { $0.source.bytes.isMapped }, "\(label): a file was mapped")
        #expect(mapped.records == read.records, "\(label): records")
        #expect(
            ZoneDump.canonicalOrder(mapped.records).map(\.description)
                == ZoneDump.canonicalOrder(read.records).map(\.description), "\(label): dump")
        #expect(mapped.diagnostics == read.diagnostics, "\(label): diagnostics")
        #expect(mapped.recordCount == read.recordCount, "\(label): record count")
        #expect(mapped.files.map(\.entries.count) == read.files.map(\.entries.count), "\(label): entries")
    }

    @Test("a mapped file loads as the same bytes read into memory, on every corpus and real zone")
    func corpusAndRealZones() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        for item in corpus.cases {
            var options = LoadOptions(origin: try? DomainName(parsing: item.origin))
            options.includes = .anywhere
            let (mapped, read) = Self.bothWays(item.path, options)
            Self.expectSame(mapped, read, item.file)
            options.keepRecords = false
            let lean = Self.bothWays(item.path, options)
            Self.expectSame(lean.mapped, lean.read, "\(item.file), lean")
        }
        var real = 0
        for url in TestPaths.corpusAndRealZoneFiles() where url.path.contains("RealZones") {
            guard url.lastPathComponent != "README.md", url.lastPathComponent != "SOURCE" else { continue }
            var options = LoadOptions()
            options.includes = .confined(to: url.deletingLastPathComponent().path)
            let (mapped, read) = Self.bothWays(url.path, options)
            Self.expectSame(mapped, read, url.lastPathComponent)
            real += 1
        }
        #expect(corpus.cases.count > 90 && real > 30, "only \(corpus.cases.count) corpus and \(real) real zone files")
    }

    /// A generated zone of a few megabytes: records of several types over many owners.
    static func largeZone() -> [UInt8] {
        var text = "$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n"
        var index = 0
        while text.utf8.count < 3 << 20 {
            text += "host\(index) A 192.0.2.\(index % 250)\n"
            text += "host\(index) TXT \"v=spf1 ip4:198.51.100.\(index % 250) -all\"\n"
            text += "_dmarc.host\(index) 300 IN TXT \"v=DMARC1; p=none\"\n"
            index += 1
        }
        return Array(text.utf8)
    }

    /// A generated zone written to a new scratch folder and read back, mapped: its path, bytes and source.
    static func mappedLargeZone(named name: String = "db") throws -> (path: String, bytes: [UInt8], source: SourceFile)
    {
        let directory = try ProcessScratch.directory(prefix: "mailzone-mapping")
        let path = directory.appendingPathComponent(name).path
        let bytes = largeZone()
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let source = try SourceFile.read(path: path)
        #expect(source.bytes.isMapped)
        return (path, bytes, source)
    }

    @Test("a file larger than the threshold is mapped; pages given back read the same bytes again")
    func releasedPagesReadTheSame() throws {
        let (path, bytes, source) = try Self.mappedLargeZone(named: "db.example.com")
        #expect(source.bytes.count == bytes.count)
        source.bytes.releasePages(0..<source.bytes.count)
        #expect(Array(source.bytes) == bytes)
        var pieces: [UInt8] = []
        source.bytes.forEachPiece { piece in
            #expect(piece.count <= SourceBytes.releaseStride)
            pieces.append(contentsOf: piece)
            return true
        }
        #expect(pieces == bytes)
        let origin = try DomainName(parsing: "example.com.")
        let (mapped, read) = Self.bothWays(path, LoadOptions(origin: origin))
        Self.expectSame(mapped, read, "generated zone")
        #expect(mapped.errors.isEmpty && mapped.recordCount > 60_000)
        // A loaded zone reads its records' text from the mapping again, pages given back or not.
        let loaded = ZoneLoader.load(path: path, options: LoadOptions(origin: origin))
        #expect(loaded.files[0].source.bytes.isMapped)
        loaded.files[0].source.bytes.releasePages(0..<bytes.count)
        #expect(loaded.records == read.records)
    }

    @Test("empty, small and irregular files are read, not mapped")
    func unmappedFiles() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-mapping")
        let empty = directory.appendingPathComponent("empty").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let none = try SourceFile.read(path: empty, mappingFrom: 0)
        #expect(!none.bytes.isMapped && none.bytes.isEmpty)
        let small = directory.appendingPathComponent("small").path
        #expect(FileManager.default.createFile(atPath: small, contents: Data("@ A 192.0.2.1\n".utf8)))
        #expect(try !SourceFile.read(path: small).bytes.isMapped)
        #expect(try SourceFile.read(path: small, mappingFrom: 1).bytes.isMapped)
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: SourceReadError.self) { try SourceFile.read(path: fifo, mappingFrom: 0) }
        #expect(throws: SourceReadError.self) { try SourceFile.read(path: directory.path, mappingFrom: 0) }
    }

    @Test("a file replaced (renamed over) after it was mapped keeps its old bytes")
    func replacedFile() throws {
        let (path, bytes, source) = try Self.mappedLargeZone(named: "db")
        let other = path + ".new"
        #expect(FileManager.default.createFile(atPath: other, contents: Data("; replaced\n".utf8)))
        #expect(rename(other, path) == 0)
        source.bytes.releasePages(0..<source.bytes.count)
        #expect(Array(source.bytes) == bytes)
    }

    @Test("an edited mapped text hands out the same pieces as the same text in memory")
    func editedMappedText() throws {
        let (_, bytes, source) = try Self.mappedLargeZone(named: "db")
        let edits = EditedTextTests.edits(of: bytes)
        let mapped = try EditedText(original: source.bytes, edits: edits)
        let copy = try EditedText(original: bytes, edits: edits)
        var streamed: [UInt8] = []
        mapped.forEachPiece { piece in
            #expect(!piece.isEmpty)
            streamed.append(contentsOf: piece)
            return true
        }
        #expect(streamed == copy.bytes)
        #expect(mapped.bytes == copy.bytes)
        #expect(mapped.prefix(1_500_000) == copy.prefix(1_500_000))
    }

    @Test("a mapped file truncated by another program reads zeros past the cut and is reported, never a crash")
    func truncatedFile() throws {
        let (path, bytes, source) = try Self.mappedLargeZone(named: "db.example.com")
        #expect(!source.bytes.wasCut)
        #expect(truncate(path, 4096 + 100) == 0)
        source.bytes.releasePages(0..<source.bytes.count)
        #expect(Array(source.bytes.prefix(4096 + 100)) == Array(bytes.prefix(4096 + 100)))
        #expect(!source.bytes.wasCut)
        #expect(source.bytes[bytes.count - 1] == 0)
        #expect(source.bytes.wasCut)
        #expect(source.bytes[2 * 4096] == 0)
        #expect(Array(source.bytes.prefix(4096)) == Array(bytes.prefix(4096)))
        // A load that meets the cut reports the file, whatever it made of the zeros.
        var state = LoaderState(options: LoadOptions(origin: try DomainName(parsing: "example.com.")), zonePath: path)
        state.loadTop(path: path, source: source)
        let zone = state.finish()
        #expect(zone.diagnostics.contains { $0.kind == .fileChangedWhileRead && $0.file == path })
        // A file truncated before it is read is read as it is now.
        let again = ZoneLoader.load(path: path, options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(!again.diagnostics.contains { $0.kind == .fileChangedWhileRead })
        #expect(again.files[0].source.bytes.count == 4096 + 100)
    }

    @Test("a load with a file truncated under it ends with a report, on several files at once")
    func truncatedWhileLoading() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-mapping")
        let origin = try DomainName(parsing: "example.com.")
        let bytes = Self.largeZone()
        var paths: [String] = []
        for index in 0..<4 {
            let path = directory.appendingPathComponent("db\(index)").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            paths.append(path)
        }
        let sources = try paths.map { try SourceFile.read(path: $0) }
        for (index, path) in paths.enumerated() { #expect(truncate(path, off_t(index * 700_000)) == 0) }
        for (index, source) in sources.enumerated() {
            var state = LoaderState(options: LoadOptions(origin: origin), zonePath: paths[index])
            state.loadTop(path: paths[index], source: source)
            let zone = state.finish()
            #expect(zone.diagnostics.contains { $0.kind == .fileChangedWhileRead }, "file \(index)")
            #expect(source.bytes.wasCut)
        }
    }
}
