import Foundation
import Testing

@testable import ZoneFile

/// `TTLDirectives` answers as `ZoneFileSyntax.defaultTTL(after:)` does, for the entries of every file of
/// the corpus, with a binary search instead of a walk back.
@Suite("TTL directives")
struct TTLDirectivesTests {
    @Test("defaultTTL(after:) from the table equals the walk back, on the entries of every corpus file")
    func tableEqualsWalk() throws {
        var entriesAsked = 0
        var filesWithTTL = 0
        for (relative, zone) in TestPaths.corpusZonesAtRoot() {
            for file in zone.files {
                let table = TTLDirectives(file)
                var sawTTL = false
                // Every entry of small files; about 300 spread over a large one (the walk back is slow).
                let step = max(1, file.entries.count / 300)
                for index in Array(stride(from: -1, through: file.entries.count, by: step)) + [file.entries.count - 1] {
                    let walked = file.defaultTTL(after: index)
                    sawTTL = sawTTL || walked != nil
                    #expect(table.defaultTTL(after: index) == walked, "\(relative) entry \(index)")
                    entriesAsked += 1
                }
                if sawTTL { filesWithTTL += 1 }
            }
        }
        #expect(entriesAsked > 5_000, "only \(entriesAsked) entries asked")
        #expect(filesWithTTL > 50, "only \(filesWithTTL) files set a $TTL")
    }

    /// A writer finds the default TTL by a walk back while its walk lasts, then from the file's table: both
    /// must give the table's answer (the top file's last `$TTL` for an included file setting none).
    @Test("a writer's default TTL, walked back or read from the table, is the table's, on every corpus file")
    func writerWalkEqualsTable() throws {
        var asked = 0
        var walksCut = 0
        for (relative, zone) in TestPaths.corpusZonesAtRoot() {
            // No walk (the table at once), a short one spent within a file, and the writers' own.
            let writers = [
                RecordWriter(zone: zone, ttlWalk: 0), RecordWriter(zone: zone, ttlWalk: 40), RecordWriter(zone: zone),
            ]
            let topLast = zone.files.first.flatMap { TTLDirectives($0).defaultTTL(after: $0.entries.count - 1) }
            for (fileIndex, file) in zone.files.enumerated() {
                let table = TTLDirectives(file)
                let step = max(1, file.entries.count / 300)
                for index in Array(stride(from: 0, to: file.entries.count, by: step)) + [file.entries.count - 1] {
                    let expected = table.defaultTTL(after: index) ?? (fileIndex == 0 ? nil : topLast)
                    for writer in writers {
                        #expect(
                            writer.defaultTTL(fileIndex: fileIndex, after: index) == expected, "\(relative) \(index)")
                    }
                    // The walk itself: the answer, or nil with its budget spent.
                    for budget in [0, 1, 5, 1000] {
                        var left = budget
                        if let walked = file.defaultTTL(after: index, budget: &left) {
                            #expect(walked == table.defaultTTL(after: index), "\(relative) \(index) budget \(budget)")
                        } else {
                            #expect(left == 0)
                            walksCut += 1
                        }
                    }
                    asked += 1
                }
            }
        }
        #expect(asked > 5_000, "only \(asked) entries asked")
        #expect(walksCut > 1_000, "only \(walksCut) walks cut short")
    }

    /// A writer remembers the stretch of entries its last walk crossed and the default TTL along it, and walks
    /// only past its end: asked in any order (forwards, backwards, jumping about), it must give the table's answer.
    @Test("a writer's default TTL from the stretch it walked last is the table's, asked in any order")
    func writerStretchEqualsTable() throws {
        var asked = 0
        var filesWithTwoTTLs = 0
        for (relative, zone) in TestPaths.corpusZonesAtRoot() {
            let topLast = zone.files.first.flatMap { TTLDirectives($0).defaultTTL(after: $0.entries.count - 1) }
            for (fileIndex, file) in zone.files.enumerated() {
                let table = TTLDirectives(file)
                let step = max(1, file.entries.count / 200)
                let forwards = Array(stride(from: 0, to: file.entries.count, by: step))
                let answers = Set(forwards.map { table.defaultTTL(after: $0) })
                if answers.count > 1 { filesWithTwoTTLs += 1 }
                // Jumping about: each entry, then one further back, then one further on, in a fixed order.
                var jumping: [Int] = []
                for (position, index) in forwards.enumerated() {
                    jumping.append(index)
                    jumping.append(forwards[(position * 7 + 3) % forwards.count])
                }
                for order in [forwards, forwards.reversed(), jumping] {
                    let writer = RecordWriter(zone: zone)
                    for index in order {
                        let expected = table.defaultTTL(after: index) ?? (fileIndex == 0 ? nil : topLast)
                        #expect(
                            writer.defaultTTL(fileIndex: fileIndex, after: index) == expected,
                            "\(relative) file \(fileIndex) entry \(index)")
                        asked += 1
                    }
                }
            }
        }
        #expect(asked > 10_000, "only \(asked) entries asked")
        #expect(filesWithTwoTTLs > 5, "only \(filesWithTwoTTLs) files change their default TTL")
    }

    @Test("a directive's word is $TTL as its upper-cased string says, told from its octets when ASCII")
    func ttlWordAsTheStringSays() {
        let words = [
            "$TTL", "$ttl", "$Ttl", "$tTl", "$TTL1", "$TT", "$TTLX", "$ORIGIN", "$INCLUDE", "TTL$", "$tt\u{0131}",
            "$ţtl", "$TT\u{013A}", "$\u{0163}tl", "", "$", "$TL", "$TTK", "$TTl", "$TLT", "#TTL", "$TT\u{7F}",
        ]
        for word in words {
            let octets = ArraySlice(Array(word.utf8))
            #expect(ZoneFileSyntax.isTTLWord(octets) == (word.uppercased() == "$TTL"), "\(word)")
            // Read in place, within a file's text, as `ttlDirective(at:)` reads it.
            let text = SourceBytes(Array("x \(word) y".utf8))
            #expect(ZoneFileSyntax.isTTLWord(text, 2..<(2 + octets.count)) == (word.uppercased() == "$TTL"), "\(word)")
        }
    }

    @Test("the last $TTL before the entry wins, whatever its letter case; none before gives nil")
    func lastBeforeWins() {
        let text = """
            $ORIGIN example.com.
            @ 300 SOA ns1 hostmaster 1 7200 3600 1209600 300
            $TTL 600
            a A 192.0.2.1
            $ttl 1h
            b A 192.0.2.2
            """
        let zone = ZoneLoader.load(text: text, path: "db.example.com")
        let file = zone.files[0]
        let table = TTLDirectives(file)
        let answers = (0..<file.entries.count).map { table.defaultTTL(after: $0) }
        let walked = (0..<file.entries.count).map { file.defaultTTL(after: $0) }
        #expect(answers == walked)
        #expect(answers.first == .some(nil))
        #expect(answers.contains(600))
        #expect(answers.contains(3600))
        #expect(answers.last == 3600)
    }
}
