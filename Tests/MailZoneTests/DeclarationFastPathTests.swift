import MailAuth
import Testing
import ZoneFile

@testable import MailZone

/// The declaration's per-sender short cuts against the general rules they stand for: a DKIM input's
/// `p=` check read as octets, and a preset name placed under a sender without the whole name checked
/// again.
@Suite("Declaration fast paths")
struct DeclarationFastPathTests {
    /// Key records of the real-zone corpus, and values that are not keys or not ASCII.
    static let dkimValues: [String] =
        DKIMPastedRealKeysTests.keyRecords + [
            "", ";", "p=", " p=abc", "\tp=abc", "v=DKIM1; k=rsa", "v=DKIM1;p=", "v=DKIM1;  \t p=MIIB",
            "v=DKIM1; P=abc", "v=DKIM1; pp=abc", "v=DKIM1; x=p=abc", "v=DKIM1;\u{00A0}p=abc", "v=DKIM1;\u{3000}p=abc",
            "v=DKIM1;\u{2003}\tp=abc", "v=DKIM1; é p=abc", "v=DKIM1;\u{301}p=abc", "v=DKIM1;\r\np=abc",
            "p", "p=", ";p=", "; ;p=", "v=DKIM1; p", "v=DKIM1; p =abc", "v=DKIM1; xp=abc;", "v=DKIM1;;  p=abc",
            "v=DKIM1; p=\u{338}abc", "k=rsa;\t \tp=abc", "k=rsa; \u{0B}p=abc",
        ]

    @Test("hasKeyTag agrees with the Unicode reading on every corpus key and on crafted values")
    func keyTagAgrees() {
        #expect(DKIMPastedRealKeysTests.keyRecords.count >= 5)
        for value in Self.dkimValues {
            #expect(
                DeclarationValidator.hasKeyTag(value) == DeclarationValidator.hasKeyTagByScalars(value), "\(value)")
        }
        #expect(DeclarationValidator.hasKeyTag("v=DKIM1; p=abc"))
        #expect(!DeclarationValidator.hasKeyTag("v=DKIM1; k=rsa"))
    }

    @Test("appending(relative:) is the name written out and checked whole")
    func appendingAgrees() throws {
        let bases = ["example.com", "a.b.example.com", "x", String(repeating: "a", count: 63) + ".example.com"]
        let long = String(repeating: "b", count: 63)
        let relatives = [
            "@", "_dmarc", "qcloud._domainkey", "", ".", "x.", ".x", "a..b", "-a", "a-", "a_b", "é", "a b",
            "Mail.Example", String(repeating: "c", count: 64), "\(long).\(long).\(long)", "\(long).\(long)",
            "\(long).\(long).\(String(repeating: "d", count: 57))",
            // 253 octets in all under example.com, and one more.
            "\(long).\(long).\(long).\(String(repeating: "e", count: 49))",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 50))",
        ]
        for baseText in bases {
            let base = try #require(DeclaredName(baseText))
            for relative in relatives {
                let whole = relative == "@" ? base : DeclaredName(relative + "." + base.text)
                #expect(base.appending(relative: relative) == whole, "\(relative) under \(baseText)")
            }
        }
    }

    @Test("an owner's relative form from the declaration is its DNS name made relative to the zone, in every example")
    func declaredRelativeOwnersAgree() throws {
        var compared = 0
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            // Examples made to be refused (a declaration error is their point) have no records to compare.
            guard
                let declaration = try? DeclarationLoader.load(
                    contentsOf: url, builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
            else { continue }
            for records in declaration.expanded {
                guard let origin = records.zone?.origin.value.dnsName else { continue }
                for owner in records.records.map(\.owner) + records.spf.map(\.owner) {
                    guard let relative = owner.relative else { continue }
                    #expect(relative == owner.name.dnsName.relative(to: origin), "\(example): \(owner.name)")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    @Test("hostname labels read in one pass are the labels DeclaredName reads")
    func hostnameLabelsAgree() {
        let long = String(repeating: "b", count: 63)
        let texts = [
            "@", "_dmarc", "qcloud._domainkey", "", "x", "a..b", ".x", "-a", "a-", "a-b", "a_b", "é", "a b", "a*b",
            "Mail.Example", "MAIL", String(repeating: "c", count: 64), "\(long).\(long).\(long)",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 61))",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 62))", "1.2.3", "xn--bcher-kva", "a/b", "a\u{0}",
        ]
        for text in texts {
            #expect(
                DeclaredName.hostnameLabels(text) == DeclaredName.labelsByRules(text, allowUnderscore: true), "\(text)")
        }
    }

    @Test("a name read in one pass is the name the rules read, for every owner of the corpus and crafted names")
    func declaredNameAgreesWithTheRules() throws {
        let long = String(repeating: "b", count: 63)
        var texts = [
            "", ".", "..", "x", "x.", "x..", ".x", "a..b", "-a", "a-", "a-b.", "a_b", "a_b.", "_dmarc.Example.COM.",
            "é.example", "a b", "a*b", "*.example.com.", "Mail.Example", "MAIL.", "1.2.3", "xn--bcher-kva.example",
            "a/b", "a\u{0}", "a\\.b", String(repeating: "c", count: 64), "\(long).\(long).\(long)",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 61))",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 61)).",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 62))",
        ]
        for corpusCase in RealZoneCorpus.cases() {
            guard let origin = try? DomainName(parsing: corpusCase.origin) else { continue }
            let path = corpusCase.folder.appendingPathComponent(corpusCase.zone).path
            let zone = ZoneLoader.load(path: path, options: LoadOptions(origin: origin))
            for name in Set(zone.records.map(\.owner.description)) {
                texts += [name, String(name.dropLast()), name.uppercased()]
            }
        }
        #expect(texts.count > 1000)
        for text in texts {
            for allowUnderscore in [true, false] {
                #expect(
                    DeclaredName(text, allowUnderscore: allowUnderscore)?.labels
                        == DeclaredName.labelsByRules(text, allowUnderscore: allowUnderscore),
                    "\(text) allowUnderscore: \(allowUnderscore)")
            }
        }
    }

    @Test("dnsName built from the labels is the name read from its text, for declared names and zone labels")
    func dnsNameAgrees() throws {
        var names = [
            "example.com", "a.b.example.com", "x", "_dmarc.Example.COM", "qcloud._domainkey.h00001.example.net",
            String(repeating: "a", count: 63) + ".example.com",
        ].compactMap { DeclaredName($0) }
        #expect(names.count == 6)
        // Labels of zone names, as `declaredLabels` gives them: escapes and octets a hostname never has.
        names += [["*", "example", "com"], ["a b", "example"], ["a.b", "example"], ["a\\b"], [], ["x(y)", "z"]]
            .map { DeclaredName(labels: $0) }
        for corpusCase in RealZoneCorpus.cases() {
            if let origin = DeclaredName(corpusCase.origin) { names.append(origin) }
        }
        for name in names {
            #expect(name.dnsName == name.parsedDNSName, "\(name.labels)")
            #expect(name.dnsName.wire == name.parsedDNSName.wire, "\(name.labels)")
        }
    }

    @Test("an owner from a preset name read once is the owner read from the name, for every preset and crafted names")
    func writtenNameOwnersAgree() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var names: [String] = []
        for definition in catalog.definitions {
            for templates in definition.recordTemplates + definition.spfRequests.map(\.templates) {
                let literal = templates.name.parts.allSatisfy { if case .literal = $0 { true } else { false } }
                // Every built-in name without placeholders is a valid one, read once.
                #expect((templates.writtenName != nil) == literal, "\(definition.name): \(templates.name)")
                if let written = templates.writtenName { names.append(written.text) }
            }
        }
        #expect(names.contains("@") && names.contains("qcloud._domainkey"))
        let long = String(repeating: "b", count: 63)
        names += [
            "Mail._DomainKey", "x", "a-b.c", "\(long).\(long).\(long).\(String(repeating: "e", count: 49))",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 50))",
        ]
        let senders = [
            "example.com", "h00001.example.net", "a.b.example.com", "x",
            String(repeating: "a", count: 63) + "." + String(repeating: "a", count: 63) + "."
                + String(repeating: "a", count: 63) + "." + String(repeating: "a", count: 43),
            String(repeating: "a", count: 63) + "." + String(repeating: "a", count: 63) + "."
                + String(repeating: "a", count: 63) + "." + String(repeating: "a", count: 44),
        ]
        var compared = 0
        for name in names {
            let written = try #require(PresetDefinition.WrittenName(try Template(parsing: name)), "\(name)")
            for senderText in senders {
                let sender = try #require(DeclaredName(senderText))
                // No zone, the sender's own zone, its parent's, and a zone it is not under.
                let origins = [
                    nil, sender, DeclaredName(labels: Array(sender.labels.dropFirst())), DeclaredName("other.test"),
                ]
                for origin in origins {
                    let relative = origin.flatMap { sender.relative(to: $0) }
                    let fast = ZoneAssignment.owner(
                        written: written, sender: sender, origin: origin, senderRelative: relative)
                    let general = ZoneAssignment.owner(
                        forPresetName: name, sender: sender, origin: origin, senderRelative: relative)
                    #expect(fast == general, "\(name) under \(senderText) in \(origin?.text ?? "no zone")")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
        // Names with placeholders, or not valid, are read for each sender.
        for text in ["${token1}._domainkey", "a b", "", "x.", "-a"] {
            #expect(PresetDefinition.WrittenName(try Template(parsing: text)) == nil, "\(text)")
        }
    }
}
