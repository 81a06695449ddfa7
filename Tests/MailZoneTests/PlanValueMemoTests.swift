import Foundation
import MailAuth
import Synchronization
import Testing
import ZoneFile

@testable import MailZone

/// Planning reads a wanted value (an MX, a TXT to encode, a DKIM key) once per run, not once per sender
/// (`ValueMemo`): what it keeps must be what reading the value again gives, on every value of the examples'
/// declarations and every TXT and MX record of the real zones.
struct PlanValueMemoTests {
    @Test("a memo computes a value once per key, and starts again empty when full")
    func memoKeepsUpToItsLimit() {
        let calls = Mutex(0)
        let memo = ValueMemo<String, Int>(limit: 2) { key in
            calls.withLock { $0 += 1 }
            return key.utf8.count
        }
        #expect(memo.value(for: "a") == 1)
        #expect(memo.value(for: "a") == 1)
        #expect(calls.withLock { $0 } == 1)
        #expect(memo.value(for: "bb") == 2)
        #expect(calls.withLock { $0 } == 2)
        // Full: the third key empties it, so "a" is computed again; "ccc" is kept.
        #expect(memo.value(for: "ccc") == 3)
        #expect(memo.value(for: "a") == 1)
        #expect(calls.withLock { $0 } == 4)
        #expect(memo.value(for: "ccc") == 3)
        #expect(calls.withLock { $0 } == 4)
    }

    /// The type and value of every record the examples' senders want (their SPF records as created).
    static func wantedValues() throws -> [(type: String, value: String)] {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var values: [(type: String, value: String)] = []
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            let declaration = try DeclarationLoader.load(contentsOf: url, builtInPresets: catalog)
            for sender in declaration.expanded {
                values += sender.records.map { ($0.type, $0.value) }
                values += sender.spf.map { ("TXT", $0.newRecord) }
            }
        }
        return values
    }

    /// The TXT texts and MX RDATA of every real zone.
    static func zoneValues() throws -> (txt: [String], mx: [RData]) {
        var txt: [String] = []
        var mx: [RData] = []
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            for record in zone.records {
                if record.type == .txt {
                    txt.append(StateRecord(type: .txt, rdata: record.rdata, ttl: 0, existing: nil).text)
                } else if record.type == .mx {
                    mx.append(record.rdata)
                }
            }
        }
        return (txt, mx)
    }

    @Test("every TXT value is encoded as encoding it again gives, asked once and again")
    func txtEncodingsAgree() throws {
        let texts = try Self.wantedValues().filter { $0.type == "TXT" }.map(\.value) + Self.zoneValues().txt
        #expect(texts.count > 150)
        for text in texts {
            for _ in 0..<2 {
                let kept = Result { try SenderPlanner.txtRData(text) }
                let read = Result { try SenderPlanner.encodeTXT(text) }
                switch (kept, read) {
                case (.success(let kept), .success(let read)):
                    #expect(kept.0 == read.0 && kept.1 == read.1, "\(text)")
                case (.failure(let kept), .failure(let read)):
                    #expect("\(kept)" == "\(read)", "\(text)")
                default:
                    Issue.record("one read failed, the other did not: \(text)")
                }
            }
        }
        // Canonically equivalent texts (`String` holds them equal) are different octets, so different records.
        let composed = try SenderPlanner.txtRData("caf\u{E9}")
        let decomposed = try SenderPlanner.txtRData("cafe\u{301}")
        #expect(composed.0.wire != decomposed.0.wire)
        #expect(Array(composed.1.utf8) == Array("\"caf\u{E9}\"".utf8))
        #expect(Array(decomposed.1.utf8) == Array("\"cafe\u{301}\"".utf8))
        #expect(ExactText("caf\u{E9}") != ExactText("cafe\u{301}"))
        // A value that cannot be a TXT record fails the same way twice.
        let control = "v=spf1 \u{1} -all"
        #expect((try? SenderPlanner.txtRData(control)) == nil)
        #expect((try? SenderPlanner.txtRData(control)) == nil)
    }

    @Test("every DKIM key record is read as reading it again gives, asked once and again")
    func dkimKeysAgree() throws {
        let texts =
            try Self.wantedValues().filter { $0.type == "TXT" }.map(\.value) + Self.zoneValues().txt
            + [
                RealZoneCorpus.dkim, "v=DKIM1; k=rsa; p=", "v=DKIM1; p=%%%",
                "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ",
            ]
        var keys = 0
        for text in texts {
            for _ in 0..<2 {
                let kept = SenderPlanner.dkimKeys.value(for: ExactText(text))
                switch (kept, Result { () throws(DKIMProblem) in try DKIMKeyRecord(text) }) {
                case (.success(let kept), .success(let record)):
                    #expect(kept.record == record, "\(text)")
                    #expect(kept.key == (try? record.publicKey()), "\(text)")
                    #expect(kept.keyDescription == (try? record.publicKey())?.description, "\(text)")
                    // The RDATA read with the key is the value's `txtRData`, or fails as it does.
                    let encoded = try? SenderPlanner.encodeTXT(text)
                    #expect((try? kept.encoding.get())?.0 == encoded?.0, "\(text)")
                    #expect((try? kept.encoding.get())?.1 == encoded?.1, "\(text)")
                    keys += 1
                case (.failure(let kept), .failure(let problem)):
                    #expect(kept == problem, "\(text)")
                default:
                    Issue.record("one read failed, the other did not: \(text)")
                }
            }
        }
        #expect(keys > 20)
    }

    @Test("every DKIM key record of the real zones is compared with the wanted keys as reading it again does")
    func dkimComparisonsAgree() throws {
        let wanted = try Self.wantedValues().filter { $0.type == "TXT" }.compactMap { try? DKIMKeyRecord($0.value) }
        #expect(wanted.count > 5)
        var records: [StateRecord] = []
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            records += zone.records.filter { $0.type == .txt }.map {
                StateRecord(type: .txt, rdata: $0.rdata, ttl: 0, existing: nil)
            }
        }
        // A key split into two strings, and a record that is no key.
        records += try [
            "\"\(RealZoneCorpus.dkim.prefix(200))\" \"\(RealZoneCorpus.dkim.dropFirst(200))\"", "\"v=spf1 -all\"",
        ].map { StateRecord(type: .txt, rdata: try RData(type: .txt, presentation: $0), ttl: 0, existing: nil) }
        var same = 0
        for key in wanted + [try DKIMKeyRecord(RealZoneCorpus.dkim)] {
            for record in records {
                for _ in 0..<2 {
                    let compared = SenderPlanner.compare(key, published: record)
                    #expect(compared == DKIMComparison.compare(wanted: key, published: record.strings))
                    if compared == .same { same += 1 }
                }
            }
        }
        #expect(same > 0)
    }

    @Test("every wanted MX value and every MX of the real zones is read as reading it again gives")
    func mxValuesAgree() throws {
        let wanted =
            try Self.wantedValues().filter { $0.type == "MX" }.map(\.value) + [
                "10 mx.example.net", "mx.example.net.", "0 .", "70000 mx.example.net.", "010  MX.example.net.",
            ]
        #expect(wanted.count > 20)
        for text in wanted {
            for _ in 0..<2 {
                let kept = SenderPlanner.wantedMX.value(for: ExactText(text))
                #expect(kept.problem == MXRules.check(rdata: text), "\(text)")
                #expect(kept.value == MXValue(text), "\(text)")
                let rdata = MXRules.check(rdata: text) == nil ? try? RData(type: .mx, presentation: text) : nil
                #expect(kept.rdata == rdata, "\(text)")
                #expect(kept.presentation == rdata?.presentation, "\(text)")
                #expect(kept.exchangeKey == MXValue(text)?.exchangeKey, "\(text)")
                #expect(kept.exchangeName == MXValue(text).flatMap { try? DomainName(parsing: $0.exchange) }, "\(text)")
            }
        }
        // The zones write names in either case, which the values keep (RData equality ignores it).
        let zone = try Self.zoneValues().mx
        #expect(zone.count > 50)
        #expect(zone.contains { MXValue($0.presentation)?.exchange.contains("GOOGLE") ?? false })
        for rdata in zone {
            for _ in 0..<2 {
                let kept = SenderPlanner.zoneMX.value(for: rdata.wire)
                #expect(kept.value == MXValue(rdata.presentation))
                #expect(kept.exchangeKey == MXValue(rdata.presentation)?.exchangeKey)
                #expect(kept.presentation == rdata.presentation)
            }
        }
    }

    @Test("every mx: keep-existing warning is worded as wording it again with its name gives")
    func keptOutWordsAgree() throws {
        // The MX RRsets of the real zones (and none), the examples' wanted MX, and an exchange written in two
        // canonically equivalent ways (different octets: different words).
        var rrsets: [[MXValue]] = [[]]
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            var byOwner: [DomainName: [MXValue]] = [:]
            for record in zone.records where record.type == .mx {
                if let value = MXValue(record.rdata.presentation) { byOwner[record.owner, default: []].append(value) }
            }
            rrsets += byOwner.keys.sorted().compactMap { byOwner[$0] }
        }
        #expect(rrsets.count > 20)
        let composed = MXValue(preference: 10, exchange: "caf\u{E9}.example.")
        let decomposed = MXValue(preference: 10, exchange: "cafe\u{301}.example.")
        let wanted =
            try Self.wantedValues().filter { $0.type == "MX" }.compactMap { MXValue($0.value) } + [
                composed, decomposed,
            ]
        #expect(wanted.count > 20)
        typealias KeptOut = KeptOutMXWarning.KeptOutMX
        var warnings = 0
        for (index, inZone) in rrsets.enumerated() {
            let one = wanted[index % wanted.count]
            let other = wanted[(index + 1) % wanted.count]
            let keptOuts: [[KeptOut]] = [
                [KeptOut(value: one, presets: ["tencent-ses"])],
                [
                    KeptOut(value: one, presets: ["google-workspace"]),
                    KeptOut(value: other, presets: ["google-workspace"]),
                ],
                [KeptOut(value: one, presets: ["tencent-ses"]), KeptOut(value: other, presets: ["aws-ses"])],
                [KeptOut(value: one, presets: ["tencent-ses", "aws-ses"])],
                [KeptOut(value: composed, presets: ["tencent-ses"])],
                [KeptOut(value: decomposed, presets: ["tencent-ses"])],
            ]
            let plans: [(planned: [MXValue], plannedBy: [String])] = [([], []), ([other], ["zoho"])]
            for keptOut in keptOuts {
                for (planned, plannedBy) in plans {
                    for acknowledged in [[], ["aws-ses"]] as [Set<String>] {
                        let key = KeptOutMXWarning(
                            inZone: inZone, planned: planned, plannedBy: plannedBy, keptOut: keptOut,
                            acknowledged: acknowledged)
                        let warning = MXConflict.keptOut(
                            name: "news", inZone: inZone, planned: planned, plannedBy: plannedBy,
                            leftOut: key.leftOut,
                            unacknowledged: keptOut.flatMap(\.presets).filter { !acknowledged.contains($0) })
                        for _ in 0..<2 {
                            let words = SenderPlanner.keptOutWords.value(for: key)
                            #expect(Array(("news" + words.summaryAfterName).utf8) == Array(warning.summary.utf8))
                            #expect(words.fix == warning.fix)
                            #expect(
                                Array(words.before.utf8)
                                    == Array((inZone + planned).map(\.text).joined(separator: ", ").utf8))
                            warnings += 1
                        }
                    }
                }
            }
        }
        #expect(warnings > 500)
    }

    @Test("every DMARC record of the examples and the real zones is read and checked as reading it again gives")
    func dmarcReadsAgree() throws {
        let texts =
            try Self.wantedValues().filter { $0.type == "TXT" }.map(\.value) + Self.zoneValues().txt
            + Self.craftedDMARC
        var records = 0
        var invalid = 0
        for text in texts {
            for _ in 0..<2 {
                let read = try? DMARCRecord(text)
                #expect(SenderPlanner.readDMARC(text) == read, "\(text)")
                #expect(SenderPlanner.isValidDMARC(text) == (read?.errors.isEmpty ?? false), "\(text)")
                if read != nil { records += 1 }
                if read != nil, !(read?.errors.isEmpty ?? true) { invalid += 1 }
            }
        }
        #expect(records > 20)
        #expect(invalid > 0)
    }

    /// DMARC records the examples and real zones lack: report addresses, `sp`, errors of each kind.
    static let craftedDMARC = [
        "v=DMARC1; p=none", "v=DMARC1; p=quarantine; pct=50; rua=mailto:x@example.net", "v=DMARC1; p=reject; sp=none",
        "v=DMARC1; p=reject", "v=DMARC1; sp=reject; p=quarantine", "v=DMARC1; rua=mailto:d@example.com",
        "v=DMARC1; rua=bogus", "v=DMARC1; p=bogus", "v=DMARC1; p=none; p=reject", "v=DMARC1",
        "v=DMARC1; p=reject; pct=x",
        "v=spf1 -all", "v=DMARC1; p=quarantine; ruf=mailto:f@example.net!10m", "",
    ]

    @Test("every weakening worked out with the kept reads is the one reading the records again gives")
    func dmarcWeakeningsAgree() throws {
        let records =
            try Self.wantedValues().filter { $0.type == "TXT" && DMARCRecord.isDMARC($0.value) }.map(\.value)
            + Self.zoneValues().txt.filter(DMARCRecord.isDMARC) + Self.craftedDMARC
        var weakenings = 0
        for record in Set(records) {
            for organisational in Set(records) {
                let read = DMARCInheritance.weakening(
                    record: record, recordName: "_dmarc.news", domain: "news.corp.example",
                    organisationalDomain: "corp.example", organisationalRecord: organisational)
                let kept = DMARCInheritance.weakening(
                    record: record, recordName: "_dmarc.news", domain: "news.corp.example",
                    organisationalDomain: "corp.example", organisationalRecord: organisational,
                    read: SenderPlanner.readDMARC, isValid: SenderPlanner.isValidDMARC)
                #expect(kept == read, "\(record) under \(organisational)")
                if read != nil { weakenings += 1 }
            }
        }
        #expect(weakenings > 20)
    }

    @Test("the includes of every SPF record of the examples and the real zones are those SPFRecord reads")
    func spfIncludeDomainsAgree() throws {
        let texts =
            try Self.wantedValues().filter { $0.type == "TXT" }.map(\.value) + Self.zoneValues().txt + [
                "v=spf1 INCLUDE:Upper.example ~Include:b.example +include:c.example ?include:d.example -all",
                "v=spf1 include:a.example include=b.example include include: include:/x includex:c.example -all",
                "v=spf1 include:caf\u{E9}.example include:a.example -all", "V=SPF1   include:a.example  ",
                "v=spf1 include:%{d}.example include:a..example -all", "v=spf10 include:a.example", "v=spf1",
                "v=spf1 ++include:a.example include:a.example\tip4:1.2.3.4 -all",
            ]
        var includes = 0
        for text in texts {
            let read = SPFRecord(text)?.terms.compactMap(\.includeDomain) ?? []
            #expect(SPFRecord.includeDomains(in: text) == read, "\(text)")
            includes += read.count
        }
        #expect(includes > 50)
    }

    @Test("the answer octets of every TXT record of the real zones are those of its strings as decoded text")
    func txtAnswerOctetsAgree() throws {
        var rdatas: [RData] = []
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            rdatas += zone.records.filter { $0.type == .txt }.map(\.rdata)
        }
        #expect(rdatas.count > 50)
        // Strings of 128 octets and more (their length octet is not ASCII), other text, and invalid UTF-8.
        let long = String(repeating: "a", count: 200)
        rdatas += try [
            RData(type: .txt, presentation: "\"\(long)\" \"b\""),
            RData(type: .txt, presentation: "\"caf\u{E9}\" \"x\""),
            RData(type: .txt, wire: [3, 0x61, 0xFF, 0x62, 1, 0x80]), RData(type: .txt, wire: [0]),
        ]
        for rdata in rdatas {
            let strings = rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }
            #expect(
                SenderPlanner.answerOctets(of: rdata)
                    == TXTPresentation.answerOctets(ownerNameLength: 0, strings: strings),
                "\(rdata.presentation)")
        }
    }

    @Test("every SPF merge of the examples' includes into the real zones' SPF records is what merging again gives")
    func spfMergesAgree() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var wanted: [WantedSPF] = []
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            wanted += try DeclarationLoader.load(contentsOf: url, builtInPresets: catalog).expanded.flatMap(\.spf)
        }
        #expect(wanted.count > 20)
        let records = try Self.zoneValues().txt.filter(SPFRecord.isSPF)
        #expect(records.count > 20)
        var tally = MergeTally()
        for spf in wanted {
            let domains = spf.includes.map(\.domain)
            for existing in [[]] + records.map({ [$0] }) + [Array(records.prefix(2))] {
                let merged = SPFMerge.merge(
                    includeDomains: domains, existing: existing, name: "abc", suggestedAll: spf.all)
                let kept = SenderPlanner.spfMerges.value(
                    for: SPFMergeInput(
                        includes: spf.includes, spfRecords: existing.map(ExactText.init),
                        all: ExactText(spf.all)))
                let conflict = { (outcome: SPFMergeOutcome) in if case .conflict = outcome { true } else { false } }
                let changed = { (outcome: SPFMergeOutcome) in if case .changed = outcome { true } else { false } }
                tally.add(
                    kept: kept, merged: merged, conflict: conflict, changed: changed, "\(domains) into \(existing)")
            }
        }
        #expect(tally.conflicts > 0)
        #expect(tally.changes > 100)
    }

    @Test("every DMARC merge of the examples' records into the real zones' DMARC records is what merging again gives")
    func dmarcMergesAgree() throws {
        let wanted =
            try Self.wantedValues().filter { $0.type == "TXT" && DMARCRecord.isDMARC($0.value) }.map(\.value)
            + ["v=DMARC1; p=reject; rua=mailto:a@example.com", "v=DMARC1; p=bogus", "v=DMARC1"]
        #expect(wanted.count > 10)
        let zoneRecords = try Self.zoneValues().txt.filter(DMARCRecord.isDMARC)
        #expect(zoneRecords.count >= 5)
        let records =
            zoneRecords + [
                "v=DMARC1; p=none", "v=DMARC1; p=quarantine; pct=50; rua=mailto:x@example.net",
                "v=DMARC1; p=reject; sp=none", "v=DMARC1;p=none;adkim=s;aspf=s", "v=DMARC1; p=bogus",
                "v=DMARC1; p=none; fo=1; ruf=mailto:f@example.net",
            ]
        var tally = MergeTally()
        for record in wanted {
            for existing in [[]] + records.map({ [$0] }) + [Array(records.prefix(2))] {
                let merged = DMARCMerge.merge(wanted: record, existing: existing, name: "_dmarc.abc")
                let kept = SenderPlanner.dmarcMerges.value(
                    for: DMARCMergeInput(wanted: ExactText(record), dmarcRecords: existing.map(ExactText.init)))
                let conflict = { (outcome: DMARCMergeOutcome) in if case .conflict = outcome { true } else { false } }
                let changed = { (outcome: DMARCMergeOutcome) in if case .changed = outcome { true } else { false } }
                tally.add(
                    kept: kept, merged: merged, conflict: conflict, changed: changed, "\(record) into \(existing)")
            }
        }
        #expect(tally.conflicts > 0)
        #expect(tally.changes > 50)
    }
}

/// Kept merge outcomes checked against merging again: equal, but for a conflict, which the planner works out
/// again with the owner in its words (so a kept conflict need only be a conflict).
struct MergeTally {
    var conflicts = 0
    var changes = 0

    mutating func add<Outcome: Equatable>(
        kept: Outcome, merged: Outcome, conflict: (Outcome) -> Bool, changed: (Outcome) -> Bool, _ what: String
    ) {
        if conflict(merged) {
            #expect(conflict(kept), "\(what): kept \(kept), merged \(merged)")
            conflicts += 1
        } else {
            #expect(kept == merged, "\(what)")
            if changed(merged) { changes += 1 }
        }
    }
}
