import Foundation
import Testing

@testable import ZoneFile

/// A re-read given its edits reads only the edited stretches and steps over the rest from the old
/// load's checkpoints; what it gives must be what reading the whole edited text gives. Checked on
/// every corpus zone that loads without errors and on real zones with `$INCLUDE`s, with edits at the
/// start, in the middle, at the end and in an included file, checkpoints taken at several intervals.
@Suite struct ZoneRereadSkippingTests {
    /// An edit of one file: the path the loader gives it and the edits against its old text.
    struct FileEdits {
        var path: String
        var edits: [SourceEdit]
    }

    /// Re-reads `old` edited by `changes` twice, whole and stepping over, and compares the two.
    static func expectSameReread(
        _ old: Zone, path: String, options: LoadOptions, changes: [FileEdits], excluding: Set<RRType> = [.soa],
        _ label: String
    ) throws {
        var options = options
        var edits: [String: [SourceEdit]] = [:]
        for change in changes {
            let file = try #require(old.files.first { $0.source.path == change.path })
            options.overrides[change.path] = try SourceEdit.apply(change.edits, to: file.source.bytes)
            edits[change.path] = change.edits
        }
        let whole = ZoneLoader.reread(path: path, options: options, editedFrom: old, excluding: excluding)
        let stepped = ZoneLoader.reread(
            path: path, options: options, editedFrom: old, excluding: excluding, edits: edits)
        try expectSame(stepped, whole, label)
        // Given as old texts and edits: the top file read through a window where one serves.
        var edited: [String: EditedText] = [:]
        var oldOptions = options
        for change in changes {
            let file = try #require(old.files.first { $0.source.path == change.path })
            edited[change.path] = try EditedText(original: file.source.bytes, edits: change.edits)
            oldOptions.overrides[change.path] = nil
        }
        let windowed = ZoneLoader.reread(
            path: path, options: oldOptions, editedFrom: old, excluding: excluding, edited: edited)
        try expectSame(windowed, whole, "\(label), windowed")
    }

    /// Compares a re-read with the whole re-read.
    static func expectSame(_ stepped: ZoneReread, _ whole: ZoneReread, _ label: String) throws {
        // The SOA found without an owner index is the one the index gives first; the RDATA kept as read is
        // what reading the record's text again gives.
        for read in [stepped, whole] {
            for index in read.onlyNew + (read.apexSOA.map { [$0] } ?? []) {
                let (owner, type, rdata) = read.recordData(index: index)
                let again = read.edited.recordData(index: index)
                #expect(owner == again.owner && type == again.type, "\(label): record \(index)")
                #expect(rdata.wire == again.rdata.wire, "\(label): \(owner) \(type) RDATA")
            }
            #expect(
                read.apexSOA == read.edited.origin.flatMap { read.edited.recordIndices(at: $0, type: .soa).first },
                "\(label): the SOA")
        }
        #expect(stepped.onlyOld == whole.onlyOld, "\(label): records only in the old zone")
        #expect(
            stepped.onlyNew.map { stepped.edited.record(index: $0) }
                == whole.onlyNew.map { whole.edited.record(index: $0) }, "\(label): records only in the edited zone")
        #expect(stepped.edited.records == whole.edited.records, "\(label): records kept")
        #expect(stepped.edited.diagnostics == whole.edited.diagnostics, "\(label): diagnostics")
        #expect(stepped.edited.recordCount == whole.edited.recordCount, "\(label): record count")
        #expect(stepped.edited.files.map(\.source.path) == whole.edited.files.map(\.source.path), "\(label): files")
        #expect(stepped.edited.origin == whole.edited.origin, "\(label): origin")
    }

    /// Edits of `file` at the start, in the middle and at the end: a record inserted before the first
    /// record line, the middle record line removed (what inherits its owner now inherits another),
    /// a record appended; each alone and all together.
    static func edits(of file: ZoneFileSyntax) -> [(String, [SourceEdit])] {
        let records = file.entries.filter { $0.kind == .record }
        guard let first = records.first, let last = file.entries.last else { return [] }
        let middle = records[records.count / 2]
        let insert = SourceEdit.insert("pp-inserted 300 TXT \"new\"\n", at: first.range.lowerBound)
        let remove = SourceEdit(range: middle.range, replacement: [])
        let append = SourceEdit.insert(
            (file.source.bytes.last == 0x0A ? "" : "\n") + "pp-appended 300 TXT \"end\"\n", at: last.range.upperBound)
        var cases = [("start", [insert]), ("end", [append]), ("all", [insert, remove, append].filter { _ in true })]
        if middle.range.lowerBound > first.range.lowerBound {
            cases.append(("middle", [remove]))
        } else {
            cases[2].1 = [insert, append]
        }
        return cases
    }

    static let intervals = [1, 3, 256]

    @Test("stepping over gives the whole re-read, on every corpus zone that loads without errors")
    func corpusZones() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var zones = 0
        for item in corpus.cases {
            let origin = try DomainName(parsing: item.origin)
            for interval in Self.intervals {
                var options = LoadOptions(origin: origin)
                options.checkpointInterval = interval
                let old = ZoneLoader.load(path: item.path, options: options)
                guard old.errors.isEmpty, old.origin == origin, let top = old.files.first else { continue }
                if interval == 1 { zones += 1 }
                for (place, edits) in Self.edits(of: top) {
                    try Self.expectSameReread(
                        old, path: item.path, options: options,
                        changes: [FileEdits(path: top.source.path, edits: edits)],
                        "\(item.file), \(place), every \(interval)")
                }
            }
        }
        #expect(zones > 90, "only \(zones) corpus zones re-read")
    }

    /// Real zones whose records are partly in `$INCLUDE`d files (`Tests/MailZoneTests/Fixtures/RealZones`).
    static let includingZones: [(path: String, origin: String)] = [
        ("ffhl-tld/ffhl.zone", "ffhl."),
        ("ocf-berkeley-edu/etc/zones/db.ocf.berkeley.edu", "ocf.berkeley.edu."),
    ]

    /// `includingZones` loaded, each with its `$INCLUDE`s confined to its own folder: the zones that the tests
    /// comparing a fast path with a full walk take beside the corpus, loaded one way for all of them.
    static func loadedIncludingZones() throws -> [(path: String, origin: DomainName, zone: Zone)] {
        let root = TestPaths.packageRoot.appendingPathComponent("Tests/MailZoneTests/Fixtures/RealZones")
        return try includingZones.map { included in
            let origin = try DomainName(parsing: included.origin)
            var options = LoadOptions(origin: origin)
            options.includes = .confined(
                to: root.appendingPathComponent(String(included.path.prefix { $0 != "/" })).path)
            let zone = ZoneLoader.load(path: root.appendingPathComponent(included.path).path, options: options)
            return (included.path, origin, zone)
        }
    }

    @Test("stepping over gives the whole re-read, with edits in the top file and in an included one")
    func includedFiles() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Tests/MailZoneTests/Fixtures/RealZones")
        for zone in Self.includingZones {
            let path = root.appendingPathComponent(zone.path).path
            for interval in Self.intervals {
                var options = LoadOptions(origin: try DomainName(parsing: zone.origin))
                options.checkpointInterval = interval
                // The zone's repository, which holds its included files.
                let repository = root.appendingPathComponent(String(zone.path.prefix { $0 != "/" }))
                options.includes = .confined(to: repository.path)
                let old = ZoneLoader.load(path: path, options: options)
                #expect(old.errors.isEmpty, "\(zone.path): \(old.errors)")
                #expect(old.files.count > 1, "\(zone.path) includes no file")
                guard let top = old.files.first, let included = old.files.dropFirst().first else { continue }
                for (place, edits) in Self.edits(of: included) {
                    try Self.expectSameReread(
                        old, path: path, options: options,
                        changes: [FileEdits(path: included.source.path, edits: edits)],
                        "\(zone.path), included file, \(place), every \(interval)")
                }
                for (place, edits) in Self.edits(of: top) {
                    try Self.expectSameReread(
                        old, path: path, options: options,
                        changes: [
                            FileEdits(path: top.source.path, edits: edits),
                            FileEdits(path: included.source.path, edits: Self.edits(of: included).first?.1 ?? []),
                        ], "\(zone.path), both files, \(place), every \(interval)")
                }
            }
        }
    }

    /// A zone that exercises the reading state: `$ORIGIN` and `$TTL` changes, blank owners, `$GENERATE`,
    /// out-of-zone data, duplicates (warnings), records without a TTL after a `$TTL`.
    static func mixedZone(blocks: Int) -> String {
        var text = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"
        for block in 0..<blocks {
            text += "host\(block) A 10.0.\(block / 256).\(block % 256)\n AAAA 2001:db8::\(block)\n"
            if block % 7 == 0 { text += "$ORIGIN sub\(block % 3).example.com.\nwww\(block) CNAME host\n" }
            if block % 11 == 0 { text += "$TTL \(300 + block)\n" }
            if block % 13 == 0 { text += "dup\(block % 5) TXT \"same\"\n" }
            if block % 17 == 0 { text += "$GENERATE 1-3 g\(block)-$ A 10.9.0.$\n" }
            if block % 19 == 0 { text += "elsewhere.org. A 192.0.2.9\n" }
            if block % 23 == 0 { text += "$ORIGIN example.com.\n" }
            text += "mail\(block) 600 MX 10 mx\n TXT \"v=spf1 -all\"\n"
        }
        return text
    }

    @Test("stepping over gives the whole re-read on a zone of origins, TTLs, blank owners and generated records")
    func mixedZones() throws {
        let text = Self.mixedZone(blocks: 400)
        for interval in [1, 5, 64, 256] {
            var options = LoadOptions()
            options.checkpointInterval = interval
            let old = ZoneLoader.load(bytes: Array(text.utf8), path: "db", options: options)
            #expect(old.errors.isEmpty, "\(old.errors)")
            var loadOptions = options
            loadOptions.overrides["db"] = Array(text.utf8)
            let top = try #require(old.files.first)
            var cases = Self.edits(of: top)
            // A `$ORIGIN` and a `$TTL` inserted in the middle change the reading state of what follows.
            let middle = top.entries[top.entries.count / 2].range.lowerBound
            cases.append(("origin", [SourceEdit.insert("$ORIGIN other.example.com.\n", at: middle)]))
            cases.append(("ttl", [SourceEdit.insert("$TTL 42\n", at: middle)]))
            cases.append(("nothing", []))
            // A copy of a record read before and one read after: a record read repeats one stepped over,
            // and a record stepped over repeats one read (the duplicate warnings name both lines).
            let copied = try #require(old.records.first { $0.type == .a && $0.owner.description.hasPrefix("host2") })
            let copy = "\(copied.owner) \(copied.type) \(copied.rdata.presentation)\n"
            cases.append(("copy before", [SourceEdit.insert(copy, at: top.entries[4].range.lowerBound)]))
            cases.append(
                ("copy after", [SourceEdit.insert(copy, at: top.entries[top.entries.count - 2].range.lowerBound)]))
            // A CNAME read after its owner's records are stepped over, and one read before them: the re-read
            // reports each beside the other data as reading the whole text does (most records stepped over are
            // shown to the checks without their place, `ZoneChecks.observeWithoutPlace`).
            let cname = "host3.example.com. CNAME host1.example.com.\n"
            cases.append(
                ("cname after", [SourceEdit.insert(cname, at: top.entries[top.entries.count - 2].range.lowerBound)]))
            // The same CNAME after a line inserted at the start: the other data is reported where the edit moved it.
            let inserted = SourceEdit.insert(
                "inserted TXT \"moves what follows\"\n", at: top.entries[4].range.lowerBound)
            cases.append(
                (
                    "cname after an insertion",
                    [inserted, SourceEdit.insert(cname, at: top.entries[top.entries.count - 2].range.lowerBound)]
                ))
            let early = "host390.example.com. CNAME host1.example.com.\n"
            cases.append(("cname before", [SourceEdit.insert(early, at: top.entries[4].range.lowerBound)]))
            // The first of a pair of duplicates removed: the second is no longer a duplicate.
            let firstDuplicate = try #require(
                top.entries.first { top.source.text($0.range).hasPrefix("dup0 ") })
            cases.append(("first duplicate removed", [SourceEdit(range: firstDuplicate.range, replacement: [])]))
            for (place, edits) in cases {
                try Self.expectSameReread(
                    old, path: "db", options: loadOptions, changes: [FileEdits(path: "db", edits: edits)],
                    "mixed zone, \(place), every \(interval)")
            }
        }
    }

    @Test func aReadOfAnEditNearTheStartStepsOverTheRest() throws {
        var text = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<2000 { text += "host\(index) A 10.0.\(index / 256).\(index % 256)\n" }
        let old = ZoneLoader.load(text: text, path: "db")
        let edit = SourceEdit(range: 0..<0, replacement: Array("; edited\n".utf8))
        var options = LoadOptions()
        options.overrides["db"] = try SourceEdit.apply([edit], to: Array(text.utf8))
        let whole = ZoneLoader.reread(path: "db", options: options, editedFrom: old, excluding: [.soa])
        let stepped = ZoneLoader.reread(
            path: "db", options: options, editedFrom: old, excluding: [.soa], edits: ["db": [edit]])
        // Every record after the first checkpoint past the edit is stepped over, not read.
        #expect(whole.steppedOver == 0)
        #expect(stepped.steppedOver > 1_500, "only \(stepped.steppedOver) records stepped over")
        #expect(stepped.onlyOld.isEmpty)
        #expect(stepped.onlyNew.isEmpty)
    }

    /// A small zone as a hosting repository keeps thousands of: an SOA over several lines, apex records
    /// without an owner field, a few hosts.
    static let smallZone = """
        ; a small zone
        $TTL 3600
        $ORIGIN small.example.
        @\tIN\tSOA\tns1.small.example. hostmaster.small.example. (
        \t\t\t2024010101\t; serial
        \t\t\t7200 3600 1209600 300 )
        \tIN\tNS\tns1
        \tIN\tNS\tns2
        \tIN\tA\t192.0.2.1
        \tIN\tTXT\t"site-verification=1"

        ns1\tIN\tA\t192.0.2.2
        ns2\tIN\tA\t192.0.2.3
        www\tIN\tCNAME\t@
        api\tIN\tA\t10.0.0.1
        \tIN\tAAAA\t2001:db8::1
        app\tIN\tA\t10.0.0.2
        git\tIN\tA\t10.0.0.3
        vpn\tIN\tA\t10.0.0.4
        \tIN\tAAAA\t2001:db8::2
        wiki\tIN\tA\t10.0.0.5

        """

    @Test("a small zone's edit near its apex is read back stepping over the unchanged lines after it")
    func aSmallZoneIsSteppedOver() throws {
        let text = Self.smallZone
        let bytes = Array(text.utf8)
        // Checkpoints as a plan's load takes them: the default options.
        let old = ZoneLoader.load(
            text: text, path: "db", options: LoadOptions(origin: try DomainName(parsing: "small.example.")))
        #expect(old.errors.isEmpty, "\(old.errors)")
        let top = try #require(old.files.first)
        // What a mail plan does: the serial rewritten, new lines inserted after the apex block.
        let serial = try #require(text.range(of: "2024010101")).lowerBound.utf16Offset(in: text)
        let apexEnd = try #require(top.entries.first { top.source.text($0.range).contains("site-verification") })
        let edits = [
            SourceEdit(range: serial..<(serial + 10), replacement: Array("2025113000".utf8)),
            SourceEdit.insert(
                "\tIN\tMX\t10 mx.example.net.\n_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\"\n",
                at: apexEnd.range.upperBound),
        ]
        var options = LoadOptions(origin: try DomainName(parsing: "small.example."))
        options.overrides["db"] = try SourceEdit.apply(edits, to: bytes)
        let whole = ZoneLoader.reread(path: "db", options: options, editedFrom: old, excluding: [.soa])
        let stepped = ZoneLoader.reread(
            path: "db", options: options, editedFrom: old, excluding: [.soa], edits: ["db": edits])
        try Self.expectSame(stepped, whole, "small zone")
        // Of the 14 records, the NS and the apex's A and TXT before the insertion and all but the first host
        // after it are stepped over.
        #expect(stepped.steppedOver >= 10, "only \(stepped.steppedOver) records stepped over")
        try Self.expectSameReread(
            old, path: "db", options: LoadOptions(origin: try DomainName(parsing: "small.example.")),
            changes: [FileEdits(path: "db", edits: edits)], "small zone")
        // A copy of a line stepped over (the apex's A record, before the new lines), written among the new
        // lines: its duplicate warning names both, as a whole re-read's does (the keys read and stepped over
        // are compared one by one in a zone this small).
        let copy = [edits[0], .insert("\tIN\tA\t192.0.2.1\n", at: apexEnd.range.upperBound)]
        options.overrides["db"] = try SourceEdit.apply(copy, to: bytes)
        let wholeCopy = ZoneLoader.reread(path: "db", options: options, editedFrom: old, excluding: [.soa])
        let steppedCopy = ZoneLoader.reread(
            path: "db", options: options, editedFrom: old, excluding: [.soa], edits: ["db": copy])
        try Self.expectSame(steppedCopy, wholeCopy, "small zone, a copy")
        #expect(steppedCopy.edited.diagnostics.contains { $0.id == "zone.duplicate-record" })
    }

    /// A place is kept per owner and per first-written record: the flag of a record stepped over must not make it
    /// larger than its file and offset (a million-record zone's tables grew by 2.3 MB when it did).
    @Test("a record's place, stepped-over flag included, takes eight octets")
    func placeTakesEightOctets() {
        #expect(MemoryLayout<ZoneChecks.Place>.stride == 8)
    }

    @Test("checkpoints are taken at every entry of a load's start only, then at the interval")
    func denseCheckpointsOnlyAtTheStart() throws {
        var text = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<20_000 { text += "host\(index) A 10.0.\(index / 256 % 256).\(index % 256)\n" }
        let large = ZoneLoader.load(text: text, path: "db")
        let entries = try #require(large.files.first).entries.count
        let taken = try #require(large.history).of(file: 0).count
        #expect(taken <= ReadingHistory.denseCheckpoints + entries / 256 + 2, "\(taken) checkpoints")
        let small = ZoneLoader.load(
            text: Self.smallZone, path: "db", options: LoadOptions(origin: try DomainName(parsing: "small.example.")))
        // One at each entry's start and one at the end.
        #expect(try #require(small.history).of(file: 0).count == (try #require(small.files.first)).entries.count + 1)
    }

    @Test("a window holds the edited text to a little past the last edit; past it, the whole text is read")
    func aWindowHoldsLittleOfALargeText() throws {
        var text = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<2000 { text += "host\(index) A 10.0.\(index / 256).\(index % 256)\n" }
        // A duplicate far past the window: its warning names lines the re-read steps over.
        text += "host1999 A 10.0.7.207\n"
        let old = ZoneLoader.load(text: text, path: "db")
        let bytes = Array(text.utf8)
        var options = LoadOptions()
        let cases: [(String, SourceEdit, Bool)] = [
            ("a line inserted", .insert("new A 192.0.2.9\nnew TXT \"x\"\n", at: 0), true),
            // Parentheses opened in the edit and closed only at the end: no entry ends where the old ones did.
            ("parentheses opened", .insert("open TXT ( \"a\"\n", at: 0), false),
            // A `$TTL` changes the reading state of every line after it: nothing can be stepped over.
            ("a TTL", .insert("$TTL 5\n", at: bytes.count / 3), false),
        ]
        for (label, edit, windowed) in cases {
            let edited = try EditedText(original: bytes, edits: [edit])
            options.overrides["db"] = edited.bytes
            let whole = ZoneLoader.reread(path: "db", options: options, editedFrom: old, excluding: [.soa])
            options.overrides["db"] = nil
            let read = ZoneLoader.reread(
                path: "db", options: options, editedFrom: old, excluding: [.soa], edited: ["db": edited])
            try Self.expectSame(read, whole, label)
            let held = try #require(read.edited.files.first).source.bytes.count
            #expect((held < bytes.count / 4) == windowed, "\(label): \(held) bytes held")
        }
        #expect(old.diagnostics.contains { $0.location?.line ?? 0 > 2000 }, "no duplicate warning past the window")
    }
}
